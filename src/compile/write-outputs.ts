/**
 * One entry point from a linked, error-free document to the bytes of each output format, shared by the
 * `perf compile` command and the VS Code extension's compile commands.
 */
import type { PerfFile } from '../language/generated/ast.js';
import { buildOfficialTable } from './build-official-table.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import type { OfficialTable } from './official-table.js';
import { renderPdf } from './pdf.js';
import type { OutputFormat } from './output-formats.js';

/**
 * The bytes of one format. PDF needs Chromium and throws ChromiumMissingError (from ./pdf.js) without it;
 * pass `table` when it is already built to avoid building it once per format.
 */
export async function renderOutput(format: OutputFormat, file: PerfFile, table: OfficialTable = buildOfficialTable(file)): Promise<Buffer> {
    switch (format) {
        case 'json': return Buffer.from(JSON.stringify(table, null, 2) + '\n', 'utf8');
        case 'html': return Buffer.from(renderHtml(table), 'utf8');
        // Loaded only when an XLSX is written (it once pulled in exceljs; now it writes SpreadsheetML itself).
        case 'xlsx': return (await import('./xlsx.js')).renderXlsx(table);
        case 'csv': return Buffer.from(renderCsv(file), 'utf8');
        case 'pdf': return renderPdf(renderHtml(table));
    }
}
