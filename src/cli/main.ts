import { Command, Option } from 'commander';
import { checkCommand } from './check.js';
import { compileCommand, OUTPUT_FORMATS, type OutputFormat } from './compile.js';
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
        .description('compile a .perf file to the official table')
        .argument('<files...>', '.perf files')
        .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('json'))
        .option('-o, --output <file>', 'output file (default: out/<name>.<format>)')
        .action(async (files: string[], options: { format: OutputFormat; output?: string }) => {
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
