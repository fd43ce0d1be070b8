import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOfficialTable } from '../compile/build-official-table.js';
import { publishingLayout } from '../compile/document-layout.js';
import { ChromiumMissingError } from '../compile/pdf.js';
import { DEFAULT_FORMATS, type OutputFormat } from '../compile/output-formats.js';
import { renderOutput } from '../compile/write-outputs.js';
import { loadFiles } from './documents.js';
import { projectConfigFor } from './project-config.js';
import { ProgressLine } from './progress.js';
import { InputError } from './input-error.js';
import { DEFAULT_OUTPUT_FOLDER, type CompileOptions } from './compile-options.js';
import { formatDiagnostics, isError } from './report.js';
import { ruleLoadOptions } from './rule-load-options.js';

/**
 * `perf compile FILE… [--format F[,F…]] [-o OUT]`: errors in a document stop its compile (with the
 * diagnostics), warnings are printed and the compile goes on. Exit code 1 when a document has errors or an
 * output could not be written (PDF without Chromium); the other files and formats are still written.
 */
export async function compileCommand(paths: string[], options: CompileOptions): Promise<number> {
    const formats = options.format && options.format.length > 0 ? options.format : [...DEFAULT_FORMATS];
    const project = projectConfigFor(paths);
    // perf.config.json's outDir is a folder, as -o is when it ends in a separator.
    const outputFor = outputPlan(paths, formats, options.output ?? (project.outDir && project.outDir + path.sep));
    const progress = new ProgressLine();
    progress.show(`读入并检查 ${paths.length} 个文件 (reading and checking)…`);
    const { files } = await loadFiles(paths, { encoding: options.encoding, catalog: options.catalog, ...ruleLoadOptions(options), project })
        .finally(() => progress.clear());
    let failed = false;
    for (const file of files) {
        const document = file.document.parseResult.value;
        const { layout, problems } = publishingLayout(document, options.layout);
        const diagnostics = [...file.diagnostics, ...problems];
        process.stderr.write(formatDiagnostics(file.path, diagnostics));
        if (diagnostics.some(isError)) {
            console.error(`${file.path}: 有错误，未编译 not compiled: fix the errors above first`);
            failed = true;
            continue;
        }
        const table = buildOfficialTable(document, layout);
        for (const format of formats) {
            const output = outputFor(file.path, format);
            progress.show(`${file.path} → ${format.toUpperCase()}${format === 'pdf' ? '（打印中 printing）' : ''}…`);
            try {
                const bytes = await renderOutput(format, document, table);
                progress.clear();
                fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
                fs.writeFileSync(output, bytes);
                console.error(`${file.path} → ${output}`);
            } catch (error) {
                progress.clear();
                if (!(error instanceof ChromiumMissingError)) {
                    throw error;
                }
                console.error(`${file.path}: ${error.message}`);
                failed = true;
            }
        }
    }
    return failed ? 1 : 0;
}

/**
 * Decides every output path before any document is read, so that a bad -o stops the command at once:
 * -o is a file only for one input and one format; two inputs with the same name would overwrite each other.
 */
function outputPlan(paths: string[], formats: OutputFormat[], output: string | undefined): (file: string, format: OutputFormat) => string {
    const single = paths.length === 1 && formats.length === 1;
    if (output !== undefined && single && !isFolder(output)) {
        return () => output;
    }
    const folder = output ?? DEFAULT_OUTPUT_FOLDER;
    if (output !== undefined && fs.existsSync(output) && !fs.statSync(output).isDirectory()) {
        throw new InputError(`-o ${output}: is a file, but several files or formats need a folder: name a folder with -o`);
    }
    const seen = new Map<string, string>();
    for (const file of paths) {
        const name = baseName(file);
        const other = seen.get(name);
        if (other !== undefined && path.resolve(other) !== path.resolve(file)) {
            throw new InputError(`${other} and ${file} would both be written as ${name}.*: compile them one at a time with -o`);
        }
        seen.set(name, file);
    }
    return (file, format) => path.join(folder, `${baseName(file)}.${format}`);
}

/** `-o out` names a folder, not a file literally named out: only a path with an extension is a file. */
function isFolder(output: string): boolean {
    return /[\\/]$/.test(output) || path.extname(output) === '' || (fs.existsSync(output) && fs.statSync(output).isDirectory());
}

function baseName(file: string): string {
    return path.basename(file, path.extname(file));
}
