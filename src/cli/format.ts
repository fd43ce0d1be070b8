import * as fs from 'node:fs';
import { formattedText } from '../language/lsp/formatter.js';
import { loadFiles, type InputOptions } from './documents.js';
import { formatDiagnostics } from './report.js';

const UTF8_BOM = '\uFEFF';

/**
 * `perf format FILE… [--check]`: rewrites each file in its canonical layout with the editor's formatter.
 * With --check nothing is written: the files that would change are listed and the exit code is 1.
 * A file with syntax errors is never touched: its errors are printed and the exit code is 1.
 */
export async function formatCommand(paths: string[], options: InputOptions & { check?: boolean }): Promise<number> {
    const { services, files } = await loadFiles(paths, { encoding: options.encoding, catalog: options.catalog });
    const formatter = services.lsp.Formatter;
    if (!formatter) {
        throw new Error('perf: the language has no formatter service');
    }
    let unformattable = 0;
    const changed: string[] = [];
    for (const file of files) {
        const text = await formattedText(formatter, file.document);
        if (text === undefined) {
            unformattable++;
            process.stderr.write(formatDiagnostics(file.path, file.diagnostics.filter(isSyntaxError)));
            console.error(`${file.path}: 有语法错误，未格式化 (syntax errors: not formatted; fix them first)`);
            continue;
        }
        if (text === file.document.textDocument.getText()) {
            continue;
        }
        changed.push(file.path);
        if (options.check) {
            console.log(file.path);
        } else {
            fs.writeFileSync(file.path, (hasBom(file.path) ? UTF8_BOM : '') + text);
            console.error(`${file.path}: 已格式化 (formatted)`);
        }
    }
    if (options.check && changed.length > 0) {
        console.error(`${changed.length} 个文件需要格式化 (${changed.length} file(s) would be reformatted): run perf format on them`);
    }
    return unformattable > 0 || (options.check && changed.length > 0) ? 1 : 0;
}

function isSyntaxError(diagnostic: { data?: unknown }): boolean {
    const code = (diagnostic.data as { code?: unknown } | undefined)?.code;
    return code === 'lexing-error' || code === 'parsing-error';
}

function hasBom(file: string): boolean {
    const head = Buffer.alloc(3);
    const fd = fs.openSync(file, 'r');
    try {
        fs.readSync(fd, head, 0, 3, 0);
    } finally {
        fs.closeSync(fd);
    }
    return head[0] === 0xEF && head[1] === 0xBB && head[2] === 0xBF;
}
