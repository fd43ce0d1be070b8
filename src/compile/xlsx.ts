/**
 * Writes the official table (项目支出绩效目标表) as an Excel workbook laid out like the published
 * table, ready to print on A4 landscape. Amounts become numbers; every other cell is stored as a
 * plain string, so text such as "=HYPERLINK(…)" or "-使用人员满意度" can never become a formula.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AMOUNT_PATTERN } from '../model/money.js';
import { Column, type OfficialRow, type OfficialTable } from './official-table.js';

export const FALLBACK_SHEET_NAME = '项目支出绩效目标表';
export const AMOUNT_FORMAT = '#,##0.00';
/** Rows above the data: title, department line, header. */
export const HEADER_ROWS = 3;

// The indicator column is the widest so that a project with twenty indicators stays under Excel's
// 409 pt row height; the page is scaled to fit A4 landscape width anyway.
const COLUMN_WIDTHS = [28, 14, 14, 14, 14, 36, 100];
const AMOUNT_COLUMNS: readonly number[] = [Column.total, Column.fiscal, Column.specialAccount, Column.other];
const FONT = '宋体';
const FONT_SIZE = 10;
const LINE_HEIGHT_PT = 13.5;
const THIN: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' }
};

export async function renderXlsx(table: OfficialTable): Promise<Buffer> {
    const data = await buildWorkbook(table).xlsx.writeBuffer();
    return Buffer.from(data as ArrayBuffer);
}

export async function writeXlsx(table: OfficialTable, stream: Writable): Promise<void> {
    await buildWorkbook(table).xlsx.write(stream);
}

export function buildWorkbook(table: OfficialTable): ExcelJS.Workbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'perf';
    workbook.lastModifiedBy = 'perf';
    workbook.title = table.title;
    workbook.subject = table.department;

    const sheet = workbook.addWorksheet(sheetName(table.department), {
        views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROWS, topLeftCell: `A${HEADER_ROWS + 1}` }],
        pageSetup: {
            paperSize: 9, // A4
            orientation: 'landscape',
            fitToPage: true,
            fitToWidth: 1,
            fitToHeight: 0, // as many pages tall as needed
            horizontalCentered: true,
            printTitlesRow: `${HEADER_ROWS}:${HEADER_ROWS}`,
            margins: { left: 0.47, right: 0.47, top: 0.47, bottom: 0.6, header: 0.3, footer: 0.3 } // 12 mm
        },
        headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' }
    });
    COLUMN_WIDTHS.forEach((width, i) => { sheet.getColumn(i + 1).width = width; });
    const lastColumn = COLUMN_WIDTHS.length;

    const title = sheet.getCell(1, 1);
    title.value = table.title;
    title.font = { name: FONT, size: 16, bold: true };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.mergeCells(1, 1, 1, lastColumn);
    sheet.getRow(1).height = 30;

    // The department line spans the name, amount columns; the unit sits right-aligned over goal and indicators.
    const department = sheet.getCell(2, 1);
    department.value = `部门名称：${table.department}`;
    department.font = { name: FONT, size: FONT_SIZE };
    department.alignment = { horizontal: 'left', vertical: 'middle' };
    sheet.mergeCells(2, 1, 2, Column.other + 1);
    const unit = sheet.getCell(2, Column.goal + 1);
    unit.value = `单位：${table.unit}`;
    unit.font = { name: FONT, size: FONT_SIZE };
    unit.alignment = { horizontal: 'right', vertical: 'middle' };
    sheet.mergeCells(2, Column.goal + 1, 2, lastColumn);

    const header = sheet.getRow(HEADER_ROWS);
    table.columns.forEach((text, i) => {
        const cell = header.getCell(i + 1);
        cell.value = text;
        cell.font = { name: FONT, size: FONT_SIZE, bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.border = THIN;
    });
    header.height = 30;

    table.rows.forEach((row, i) => writeRow(sheet.getRow(HEADER_ROWS + 1 + i), row));
    return workbook;
}

function writeRow(excelRow: ExcelJS.Row, row: OfficialRow): void {
    row.cells.forEach((text, i) => {
        const cell = excelRow.getCell(i + 1);
        cell.border = THIN;
        cell.font = { name: FONT, size: FONT_SIZE, bold: row.level < 2 };
        if (AMOUNT_COLUMNS.includes(i)) {
            cell.value = amountValue(text);
            cell.numFmt = AMOUNT_FORMAT;
            cell.alignment = { horizontal: 'right', vertical: 'top' };
        } else {
            // A plain string is always written as a string, never as a formula. XML readers turn a
            // bare CR into LF anyway, so write the LF that Excel uses for line breaks.
            cell.value = text === '' ? null : text.replace(/\r\n?/g, '\n');
            cell.alignment = i === Column.name
                ? { horizontal: row.level === 0 ? 'center' : 'left', vertical: 'top', wrapText: true, indent: row.level === 2 ? 1 : 0 }
                : { horizontal: 'left', vertical: 'top', wrapText: true };
        }
    });
    excelRow.height = estimatedHeight(row);
}

/**
 * The published amount text ("67,522.75") as the number Excel stores; an empty cell stays empty.
 * Text that is not an amount in ASCII digits is kept as text (a full-width amount prints as written).
 */
export function amountValue(text: string): number | string | null {
    const trimmed = text.trim();
    if (trimmed === '') {
        return null;
    }
    return AMOUNT_PATTERN.test(trimmed) ? Number(trimmed.replaceAll(',', '')) : text;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], no leading or trailing apostrophe. */
export function sheetName(department: string): string {
    const cleaned = department.replace(/[:\\/?*[\]\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
    const name = Array.from(cleaned).slice(0, 31).join('').replace(/^'+|'+$/g, '').trim();
    return name === '' || name.toLowerCase() === 'history' ? FALLBACK_SHEET_NAME : name;
}

/**
 * Excel does not grow rows to fit wrapped text on its own, so estimate the height from the longest
 * wrapped cell: a CJK character is about two width units of a column, a Latin character one.
 */
function estimatedHeight(row: OfficialRow): number {
    let lines = 1;
    row.cells.forEach((text, i) => {
        if (!AMOUNT_COLUMNS.includes(i)) {
            lines = Math.max(lines, wrappedLines(text, COLUMN_WIDTHS[i] - (i === Column.name && row.level === 2 ? 3 : 1)));
        }
    });
    return Math.min(409, lines * LINE_HEIGHT_PT + 4); // 409 pt is Excel's maximum row height
}

function wrappedLines(text: string, width: number): number {
    return text.split(/\r\n|\r|\n/).reduce((sum, line) => {
        let units = 0;
        for (const ch of line) {
            units += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
        }
        return sum + Math.max(1, Math.ceil(units / width));
    }, 0);
}
