import { Command, Option } from 'commander';
import { CHECK_FORMATS, type CheckOptions } from './check-options.js';
import type { DiffOptions } from './diff.js';
import { DIFF_FORMATS } from '../diff/render.js';
import { layoutNames } from '../compile/layouts.js';
import { OUTPUT_FORMATS } from '../compile/output-formats.js';
import { collectFormats, COMPILE_OUTPUT_HELP, parseLayout, type CompileOptions } from './compile-options.js';
import type { InputOptions } from './documents.js';
import { InputError } from './input-error.js';
import { expandFolders } from './input-paths.js';
import type { NewOptions } from './new.js';
import { STARTER_UNITS } from '../language/starter-options.js';
import { addRuleOptions } from './rule-options.js';

/**
 * The `perf` command line. Each command resolves to an exit code; bad input is one line, never a stack.
 * Every command is imported when run: their libraries (Langium, exceljs, decimal.js, the diff, the formatter)
 * would otherwise be loaded on every start, `perf --help` included (see docs/performance.md).
 */
export async function main(argv: string[]): Promise<number> {
    let exitCode = 0;
    const program = new Command('perf')
        .description('项目支出绩效目标表 as code: check, compile and review .perf files')
        .exitOverride()
        .showHelpAfterError()
        // Global, so every command that reads input files (check, compile, format …) honours it.
        .option('--encoding <name>', 'encoding of the input files: auto (default: UTF-8 with or without BOM, '
            + 'GBK/GB18030 or UTF-16 with BOM, detected), utf-8, gbk, gb18030')
        .option('--catalog <name>', 'the indicator catalog (指标体系) of a department that names none: 2015 (default), '
            + '2021 or one a workspace file declares; the same as the editor setting perf.catalog');
    /** The global options (--encoding, --catalog) beside a command's own. */
    const withGlobals = <T>(options: T): T & InputOptions => ({ ...options, ...program.opts<InputOptions>() });

    addRuleOptions(program.command('check'))
        .description('validate .perf files and print every problem as file:line:col: severity: message [rule]; '
            + 'exit 1 when there is an error')
        .argument('<files...>', '.perf files, or folders: every .perf file below them')
        .addOption(new Option('-f, --format <format>', 'text (file:line:col lines and a summary line), json, or sarif '
            + '(SARIF 2.1.0, for code scanning in CI)').choices(CHECK_FORMATS).default('text'))
        .option('-q, --quiet', 'list errors only (the summary still counts warnings and infos)')
        .option('--summary', 'print only the summary line (with --format json: only the counts)')
        .option('--no-cache', 'check from scratch and store nothing (by default the findings of files that have not '
            + 'changed come from node_modules/.cache/perf or the OS cache folder; PERF_CACHE_DIR sets another)')
        .action(async (files: string[], options: CheckOptions) => {
            const { checkCommand } = await import('./check.js');
            exitCode = await checkCommand(expandFolders(files), withGlobals(options));
        });

    program.command('rules')
        .description('list the validation rules: code, default level, what each finds (docs/rules.md with --markdown)')
        .option('--markdown', 'print docs/rules.md')
        .action(async (options: { markdown?: boolean }) => {
            const { rulesCommand } = await import('./rules.js');
            exitCode = rulesCommand(options);
        });

    addRuleOptions(program.command('compile'))
        .description('compile .perf files to the official table (default: HTML and XLSX into out/); '
            + 'errors stop a file\'s compile, warnings are printed and the compile goes on')
        .argument('<files...>', '.perf files, or folders: every .perf file below them')
        .addOption(new Option('-f, --format <formats>',
            `${OUTPUT_FORMATS.join('|')}; several with commas or a repeated --format (default: html,xlsx)`)
            .argParser(collectFormats))
        .option('-o, --output <path>', COMPILE_OUTPUT_HELP)
        .addOption(new Option('--layout <name>', `the layout (表式) to publish in, over the one the document names: ${layoutNames()}`)
            .argParser(parseLayout))
        .action(async (files: string[], options: CompileOptions) => {
            const { compileCommand } = await import('./compile.js');
            exitCode = await compileCommand(expandFolders(files), withGlobals(options));
        });

    program.command('format')
        .description('rewrite .perf files in the canonical layout (the editor\'s formatter); whitespace only')
        .argument('<files...>', '.perf files, or folders: every .perf file below them')
        .option('--check', 'write nothing: list the files that would change and exit 1 if any')
        .action(async (files: string[], options: { check?: boolean }) => {
            const { formatCommand } = await import('./format.js');
            exitCode = await formatCommand(expandFolders(files), withGlobals(options));
        });

    program.command('diff')
        .description('semantic diff of two versions (projects, amounts, goals, indicators, target direction): '
            + 'perf diff OLD.perf NEW.perf, or perf diff [REV1 [REV2]] -- FILE.perf… (git revisions; '
            + 'default HEAD against the working tree); see docs/diff.md for git diff and difftool')
        .argument('[args...]', 'two files, or revisions -- files')
        .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
        .option('--git-external', 'take git\'s 7 external-diff arguments (diff.perf.command)')
        .option('--textconv', 'print one file as one fact per line (diff.perf.textconv)')
        .action(async (args: string[], options: DiffOptions) => {
            const { diffCommand } = await import('./diff.js');
            exitCode = await diffCommand(args, withGlobals(options), argv);
        });

    program.command('import')
        .description('import a published table (.xlsx, .xls/.et through LibreOffice, a saved web page, .pdf, .docx, '
            + '.txt text of a PDF, perf\'s long .csv) as a .perf document; what is not understood is kept as comments and listed on stderr')
        .argument('<file>', 'published table: .xlsx .xls .et .html .htm .pdf .docx .txt .csv')
        .option('-o, --output <file>', 'write the .perf document here (default: stdout)')
        .action(async (file: string, options: { output?: string }) => {
            const { importCommand } = await import('./import.js');
            exitCode = await importCommand(file, withGlobals(options));
        });

    program.command('new')
        .description('write a starter table (one department, one example project) that checks clean; '
            + 'the catalog is the global --catalog (2015 or 2021)')
        .argument('[file]', 'the .perf file to write (default: <department>.perf); an existing file is never overwritten')
        .requiredOption('-d, --department <name>', '部门名称, the department')
        .option('-y, --year <year>', '预算年度, the budget year (default: this year)')
        .addOption(new Option('-u, --unit <unit>', '金额单位, the unit of amounts').choices(STARTER_UNITS).default('万元'))
        .addOption(new Option('-l, --layout <name>', `the layout (表式) of the table, with the fields it needs: ${layoutNames()} `
            + '(default: 项目列表)').argParser(parseLayout))
        .action(async (file: string | undefined, options: NewOptions) => {
            const { newCommand } = await import('./new.js');
            exitCode = newCommand(file, withGlobals(options));
        });

    program.command('lsp')
        .description('start the language server (completion, hover, diagnostics …) for any editor')
        .option('--stdio', 'speak LSP over stdin/stdout')
        .action(async (options: { stdio?: boolean }) => {
            const { lspCommand } = await import('./lsp.js');
            exitCode = await lspCommand(options);
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
