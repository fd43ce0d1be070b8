/**
 * `perf import`: a published table file → the imported table → .perf text. The format comes from the
 * file extension: .xlsx, .txt (text of a PDF), .csv (perf's long CSV).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument, URI, type LangiumSharedCoreServices } from 'langium';
import type { PerfServices } from '../language/perf-module.js';
import { workspaceCatalogs } from './catalog-info.js';
import { importCsv } from './csv.js';
import { ImportError, type ImportedTable } from './import-model.js';
import { importLayoutText, isLayoutText } from './pdf-layout-text.js';
import { importText } from './pdf-text.js';
import { readLayoutSheets, readLayoutText } from './layouts/read-layout.js';
import { importListSheets } from './list-grid.js';
import { allNotes } from './summary.js';
import { decodeSourceBytes, parseSourceEncoding, SourceTextError } from '../source/encoding.js';
import { writePerf, type WrittenPerf } from './write-perf.js';
import { readXlsxSheets } from './xlsx.js';

export const IMPORT_EXTENSIONS = ['.xlsx', '.txt', '.csv'] as const;

/** Largest input read at all: the XLSX limits apply after this, text is parsed in memory. */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface ImportOptions {
    /** Forces the text encoding of .txt and .csv input (utf-8, gbk, gb18030). */
    encoding?: string;
}

export async function readImportedTable(file: string, options: ImportOptions = {}): Promise<ImportedTable> {
    const extension = path.extname(file).toLowerCase();
    if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extension)) {
        throw new ImportError(`${file}: 无法从扩展名“${extension || '（无）'}”判断格式：perf import 读取 ${IMPORT_EXTENSIONS.join('、')}`
            + '（.txt 为 PDF 复制或 pdftotext 得到的文本）');
    }
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        throw new ImportError(`${file}: 文件不存在`);
    }
    if (!stat.isFile()) {
        throw new ImportError(`${file}: 不是文件`);
    }
    if (stat.size > MAX_FILE_BYTES) {
        throw new ImportError(`${file}: 文件有 ${(stat.size / 1024 / 1024).toFixed(0)} MB，超过上限 ${MAX_FILE_BYTES / 1024 / 1024} MB，拒绝导入`);
    }
    const bytes = fs.readFileSync(file);
    const source = path.basename(file);
    return importBytes(bytes, source, extension as typeof IMPORT_EXTENSIONS[number], options);
}

export async function importBytes(bytes: Buffer, source: string, extension: typeof IMPORT_EXTENSIONS[number], options: ImportOptions = {}): Promise<ImportedTable> {
    switch (extension) {
        case '.xlsx': {
            // A form, an indicator-per-row list or a department table; else the Guangdong list.
            const sheets = await readXlsxSheets(bytes, source);
            return { ...(readLayoutSheets(sheets, source) ?? importListSheets(sheets, source)), container: 'xlsx' };
        }
        case '.txt': return importPdfText(decodeText(bytes, source, options), source);
        case '.csv': return importCsv(decodeText(bytes, source, options), source);
    }
}

/** Text of a PDF: `pdftotext -layout` (columns side by side) or a plain copy (cells one after another). */
function importPdfText(text: string, source: string): ImportedTable {
    return readLayoutText(text, source) ?? (isLayoutText(text) ? importLayoutText(text, source) : importText(text, source));
}

/** UTF-8 (BOM or not) or GBK/GB18030, detected or forced, by the same rules as every perf input (src/source/encoding.ts). */
function decodeText(bytes: Buffer, source: string, options: ImportOptions): string {
    try {
        return decodeSourceBytes(bytes, source, parseSourceEncoding(options.encoding ?? 'auto')).text.replace(/^\uFEFF/, '');
    } catch (error) {
        throw error instanceof SourceTextError ? new ImportError(error.message) : error;
    }
}

/** The .perf text of an imported table, with the catalogs of the given workspace. */
export function importedToPerf(table: ImportedTable, shared: LangiumSharedCoreServices): WrittenPerf {
    return writePerf(table, { catalogs: workspaceCatalogs(shared) });
}

/**
 * Runs the text through the language's formatter (a no-op when the writer's canonical form and the
 * formatter agree, which the tests check). Text with syntax errors is returned as it is.
 */
export async function formatPerf(text: string, services: PerfServices): Promise<string> {
    const formatter = services.lsp.Formatter;
    if (!formatter) {
        return text;
    }
    const uri = URI.parse('memory:///perf-import.perf');
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    if (document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0) {
        return text;
    }
    const edits = await formatter.formatDocument(document, {
        textDocument: { uri: uri.toString() }, options: { tabSize: 4, insertSpaces: true }
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** One published table file as formatted .perf text, with one line per thing not understood. */
export async function importFile(file: string, services: PerfServices, options: ImportOptions = {}): Promise<{ text: string; notes: string[] }> {
    const table = await readImportedTable(file, options);
    const written = importedToPerf(table, services.shared);
    const notes = [...allNotes(table), ...written.notes].map(note => `${note.position}：${note.message}`);
    return { text: await formatPerf(written.text, services), notes };
}
