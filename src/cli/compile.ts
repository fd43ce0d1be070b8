import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOfficialTable } from '../compile/build-official-table.js';
import { loadFiles } from './documents.js';
import { formatDiagnostic, isError } from './report.js';
import { InputError } from './documents.js';

export type OutputFormat = 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json'];

/**
 * `perf compile FILE --format json [-o OUT]`: errors stop the compile (with the diagnostics), warnings are
 * printed and the compile goes on.
 */
export async function compileCommand(paths: string[], options: { format: OutputFormat; output?: string }): Promise<number> {
    if (options.output && paths.length > 1) {
        throw new InputError('-o names one output file: compile one file at a time with -o, or leave -o out');
    }
    const { files } = await loadFiles(paths);
    let failed = false;
    for (const file of files) {
        for (const diagnostic of file.diagnostics) {
            console.error(formatDiagnostic(file.path, diagnostic));
        }
        if (file.diagnostics.some(isError)) {
            console.error(`${file.path}: not compiled: fix the errors above first`);
            failed = true;
            continue;
        }
        const table = buildOfficialTable(file.document.parseResult.value);
        const output = options.output ?? defaultOutput(file.path, options.format);
        fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
        fs.writeFileSync(output, JSON.stringify(table, null, 2) + '\n');
        console.error(`${file.path} → ${output}`);
    }
    return failed ? 1 : 0;
}

function defaultOutput(file: string, format: OutputFormat): string {
    return path.join('out', `${path.basename(file, path.extname(file))}.${format}`);
}
