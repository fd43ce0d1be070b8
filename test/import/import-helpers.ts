import ExcelJS from 'exceljs';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import type { OfficialTable } from '../../src/compile/official-table.js';
import type { ImportedTable } from '../../src/import/import-model.js';
import { importedToPerf } from '../../src/import/import-file.js';
import { createServices, diagnosticsOf, parseDocument } from '../helpers.js';

export type Services = Awaited<ReturnType<typeof createServices>>;

/** Writes an imported table as .perf, parses it and returns the text, its errors and its official table. */
export async function perfOf(table: ImportedTable, services: Services): Promise<{ text: string; errors: string[]; official: OfficialTable }> {
    const { text } = importedToPerf(table, services.shared);
    const document = await parseDocument(text, services);
    return { text, errors: diagnosticsOf(document, 1), official: buildOfficialTable(document.parseResult.value) };
}

/** The document without its comments (the import summary names the source file). */
export function withoutComments(text: string): string {
    return text.split('\n').filter(line => !line.trimStart().startsWith('//')).join('\n').trim();
}

/** An XLSX workbook of one sheet (表1) with the given rows; `build` merges cells or styles them. */
export async function workbook(rows: unknown[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表1');
    rows.forEach((row, index) => { sheet.getRow(index + 1).values = row as ExcelJS.CellValue[]; });
    build?.(sheet);
    return Buffer.from(await book.xlsx.writeBuffer() as ArrayBuffer);
}
