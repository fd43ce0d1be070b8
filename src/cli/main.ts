import { Command, Option } from 'commander';
import { checkCommand } from './check.js';
import { collectFormats, COMPILE_OUTPUT_HELP, compileCommand, OUTPUT_FORMATS, type CompileOptions } from './compile.js';
import { InputError } from './documents.js';

/** The `perf` command line. Each command resolves to an exit code; bad input is one line, never a stack. */
export async function main(argv: string[]): Promise<number> {
    let exitCode = 0;
    const program = new Command('perf')
        .description('项目支出绩效目标表 as code: check, compile and review .perf files')
        .exitOverride()
        .showHelpAfterError();

    program.command('check')
        .description('validate .perf files and print every problem as file:line:col')
        .argument('<files...>', '.perf files')
        .action(async (files: string[]) => { exitCode = await checkCommand(files); });

    program.command('compile')
        .description('compile .perf files to the official table (default: HTML and XLSX into out/); '
            + 'errors stop a file\'s compile, warnings are printed and the compile goes on')
        .argument('<files...>', '.perf files')
        .addOption(new Option('-f, --format <formats>',
            `${OUTPUT_FORMATS.join('|')}; several with commas or a repeated --format (default: html,xlsx)`)
            .argParser(collectFormats))
        .option('-o, --output <path>', COMPILE_OUTPUT_HELP)
        .action(async (files: string[], options: CompileOptions) => {
            exitCode = await compileCommand(files, options);
        });

    try {
        await program.parseAsync(argv);
    } catch (error) {
        if (error instanceof InputError) {
            console.error(`perf: ${error.message}`);
            return 2;
        }
        if (isCommanderExit(error)) {
            return error.exitCode;
        }
        throw error;
    }
    return exitCode;
}

function isCommanderExit(error: unknown): error is { exitCode: number } {
    return typeof error === 'object' && error !== null && 'exitCode' in error && 'code' in error
        && String((error as { code: unknown }).code).startsWith('commander.');
}
