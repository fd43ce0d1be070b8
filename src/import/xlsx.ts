/**
 * XLSX workbooks as the grid every layout reader reads (source-grid.ts): merged cells once, from their
 * top-left cell; a number stays a number (amounts), a formula gives its cached result; the cell's indent
 * is kept (projects indented under their department). Zip and sheet-size limits apply before exceljs
 * loads anything.
 */
import ExcelJS from 'exceljs';
import { ImportError, type ImportedTable } from './import-model.js';
import { importListSheets } from './list-grid.js';
import { sheetOf, type SourceCell, type SourceSheet } from './source-grid.js';
import { checkZipLimits } from './zip-limits.js';

/** An XLSX file read as a Guangdong list (the reader for a file already known to be one). */
export async function importXlsx(bytes: Buffer, source: string): Promise<ImportedTable> {
    return { ...importListSheets(await readXlsxSheets(bytes, source), source), container: 'xlsx' };
}

export async function readXlsxSheets(bytes: Buffer, source: string, advice = '请用 Excel 或 WPS 打开后另存为 .xlsx 再导入'): Promise<SourceSheet[]> {
    checkZipLimits(bytes, source);
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
        throw new ImportError(`${source}: 无法读取该 .xlsx 文件（${(error as Error).message}）：${advice}`);
    }
    return workbook.worksheets.map(sheet => {
        const cells: SourceCell[] = [];
        if (sheet.actualRowCount > 0) {
            sheet.eachRow({ includeEmpty: false }, row => row.eachCell({ includeEmpty: false }, cell => {
                if (isMergedCopy(cell)) {
                    return;
                }
                const value = cellValue(cell.value);
                cells.push({
                    row: Number(cell.row), column: Number(cell.col),
                    text: typeof value === 'number' ? shownNumber(value, cell.numFmt) : textOf(cell.value),
                    ...(typeof value === 'number' ? { number: value } : {}),
                    indent: cell.alignment?.indent ?? 0,
                    position: `${sheet.name}!${cell.address}`
                });
            }));
        }
        const grid = sheetOf(sheet.name, cells, row => `${sheet.name} 第${row}行`);
        // The sheet's own extent (a blank formatted area counts for the size limit, as before).
        return { ...grid, rowCount: Math.max(grid.rowCount, sheet.rowCount), columnCount: Math.max(grid.columnCount, sheet.columnCount) };
    });
}

/**
 * A number as its cell shows it, where the number format fixes decimals or grouping (#,##0.00 shows 80000 as
 * 80,000.00): amounts keep the spelling the table was published with. Other formats: the number itself.
 */
function shownNumber(value: number, numFmt: string | undefined): string {
    const format = /^[^;%"]*?(#,##)?0(?:\.(0+))?(?![^;]*%)/.exec(numFmt ?? '');
    if (!format || (!format[1] && !format[2])) {
        return String(value);
    }
    const fixed = value.toFixed(format[2]?.length ?? 0);
    return format[1] ? fixed.replace(/^(-?\d+)/, whole => whole.replace(/\B(?=(\d{3})+$)/g, ',')) : fixed;
}

/** A cell covered by a merge shows its top-left cell's value: read that value once, from the top-left cell. */
function isMergedCopy(cell: ExcelJS.Cell): boolean {
    return cell.isMerged && cell.master.address !== cell.address;
}

/** The value behind a formula (its cached result), else the value itself. */
function cellValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
    if (value && typeof value === 'object' && 'result' in value) {
        return (value as { result?: ExcelJS.CellValue }).result ?? null;
    }
    return value;
}

/** A cell's text: rich text joined, hyperlinks by their text, formulas by their result. */
export function textOf(raw: ExcelJS.CellValue): string {
    const value = cellValue(raw);
    if (value === null || value === undefined) {
        return '';
    }
    if (typeof value === 'string') {
        return value;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
        return String(value);
    }
    if (value instanceof Date) {
        return value.toISOString().slice(0, 10);
    }
    if ('richText' in value) {
        return value.richText.map(part => part.text).join('');
    }
    if ('text' in value) {
        return String((value as { text: unknown }).text);
    }
    if ('error' in value) {
        return String(value.error);
    }
    return '';
}
