/**
 * `perf import`: a published table file → the imported table → .perf text. The container comes from the
 * file extension and is read into a grid or text (source-grid.ts); what the document is and which reader
 * reads it is decided from its content (classify.ts, layout-readers.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument, URI, type LangiumSharedCoreServices } from 'langium';
import mammoth from 'mammoth';
import type { PerfServices } from '../language/perf-module.js';
import { workspaceCatalogs } from './catalog-info.js';
import { classifyInput } from './classify.js';
import { importCsv } from './csv.js';
import { IMPORT_EXTENSIONS, type ImportExtension } from './import-extensions.js';
import { readHtmlSheets } from './html.js';
import { ImportError, type ImportedTable } from './import-model.js';
import { readSource } from './layout-readers.js';
import { convertToXlsx } from './office-convert.js';
import { readPdfText } from './pdf.js';
import type { ContainerKind, ImportInput } from './source-grid.js';
import { allNotes } from './summary.js';
import { decodeSourceBytes, parseSourceEncoding, SourceTextError } from '../source/encoding.js';
import { writePerf, type WrittenPerf } from './write-perf.js';
import { readXlsxSheets } from './xlsx.js';

export { IMPORT_EXTENSIONS, type ImportExtension };

const CONTAINER_OF: Record<ImportExtension, ContainerKind> = {
    '.xlsx': 'xlsx', '.xls': 'xls', '.et': 'et', '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.docx': 'docx', '.txt': 'txt', '.csv': 'csv'
};

/** Largest input read at all: the XLSX limits apply after this, text is parsed in memory. */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface ImportOptions {
    /** Forces the text encoding of .txt, .csv and .html input (utf-8, gbk, gb18030). */
    encoding?: string;
}

export async function readImportedTable(file: string, options: ImportOptions = {}): Promise<ImportedTable> {
    const extension = path.extname(file).toLowerCase();
    if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extension)) {
        throw new ImportError(`${file}: 无法从扩展名“${extension || '（无）'}”判断格式：perf import 读取 ${IMPORT_EXTENSIONS.join('、')}`
            + '（.txt 为 PDF 复制或 pdftotext 得到的文本；.html/.htm 为保存的网页）');
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
    return importBytes(bytes, source, extension as ImportExtension, options);
}

export async function importBytes(bytes: Buffer, source: string, extension: ImportExtension, options: ImportOptions = {}): Promise<ImportedTable> {
    const container = CONTAINER_OF[extension];
    if (container === 'csv') {
        return importPerfCsv(decodeText(bytes, source, options), source);
    }
    return readSource({ source, container, input: await readContainer(bytes, source, container, options) });
}

/** A file's content as a grid or as text, before anything is recognised. */
async function readContainer(bytes: Buffer, source: string, container: Exclude<ContainerKind, 'csv'>, options: ImportOptions): Promise<ImportInput> {
    switch (container) {
        case 'xlsx': return { form: 'grid', sheets: await readXlsxSheets(bytes, source) };
        case 'xls': return { form: 'grid', sheets: await readXlsxSheets(await convertToXlsx(bytes, source, '.xls', ' .xls 文件'), source) };
        case 'et': return { form: 'grid', sheets: await readXlsxSheets(await convertToXlsx(bytes, source, '.et', ' WPS 表格（.et）'), source) };
        case 'html': return { form: 'grid', sheets: readHtmlSheets(decodeText(bytes, source, options)) };
        case 'docx': return { form: 'grid', sheets: readHtmlSheets(await docxHtml(bytes, source)) };
        case 'pdf': return { form: 'text', ...await readPdfText(bytes, source) };
        case 'txt': return { form: 'text', text: decodeText(bytes, source, options) };
    }
}

/**
 * perf's own long CSV has its own reader; a CSV of another document (a self-evaluation exported from a
 * system) is refused by name first, as any other container would be.
 */
function importPerfCsv(text: string, source: string): ImportedTable {
    const lines = text.split(/\r\n|\r|\n/).slice(0, 200).join('\n');
    const kind = classifyInput({ form: 'text', text: lines.replace(/,/g, ' ') }).kind;
    if (kind === 'self-evaluation' || kind === 'evaluation-scoring' || kind === 'blank-template') {
        return readSource({ source, container: 'csv', input: { form: 'text', text: lines.replace(/,/g, ' ') } });
    }
    return { ...importCsv(text, source), container: 'csv' };
}

/** A Word document's tables and paragraphs as HTML (mammoth), read as a saved web page. */
async function docxHtml(bytes: Buffer, source: string): Promise<string> {
    try {
        return (await mammoth.convertToHtml({ buffer: bytes })).value;
    } catch (error) {
        throw new ImportError(`${source}: 无法读取该 Word 文档（${(error as Error).message}）：请确认是 .docx（旧的 .doc 请在 Word 或 WPS 中另存为 .docx）`);
    }
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
