/**
 * Writes the official table (项目支出绩效目标表) as an Excel workbook laid out like the published
 * table, ready to print on A4 landscape. Amounts become numbers; every other cell is stored as a
 * plain shared string, so text such as "=HYPERLINK(…)" or "-使用人员满意度" can never become a formula.
 *
 * The SpreadsheetML is written directly rather than through exceljs's workbook model: for a
 * 25,000-indicator table exceljs took ~0.25 s to load and ~0.9 s to write (a style object per cell,
 * its XML stream, pure-JS deflate), most of `perf compile --format xlsx`'s extra time (docs/performance.md).
 * exceljs still reads these files back in the tests and in `perf import`.
 */
import { AMOUNT_PATTERN } from '../model/money.js';
import { Column, type OfficialRow, type OfficialTable } from './official-table.js';
import { zipArchive } from './zip-archive.js';
import {
    CONTENT_TYPES_XML, corePropertiesXml, escapeXml, MAIN_NAMESPACE, PACKAGE_RELATIONSHIPS_XML, RELATIONSHIPS_NAMESPACE,
    SHARED_STRINGS_PATH, SharedStrings, SHEET_PATH, STYLES_PATH, WORKBOOK_RELATIONSHIPS_XML, workbookXml, XML_DECLARATION
} from './xlsx-parts.js';
import { type CellStyle, StyleTable } from './xlsx-styles.js';

export { AMOUNT_FORMAT } from './xlsx-styles.js';

export const FALLBACK_SHEET_NAME = '项目支出绩效目标表';
/** Rows above the data: title, department line, header. */
export const HEADER_ROWS = 3;

// The indicator column is the widest so that a project with twenty indicators stays under Excel's
// 409 pt row height; the page is scaled to fit A4 landscape width anyway.
const COLUMN_WIDTHS = [28, 14, 14, 14, 14, 36, 100];
const COLUMN_LETTERS = 'ABCDEFG';
const AMOUNT_COLUMNS: readonly number[] = [Column.total, Column.fiscal, Column.specialAccount, Column.other];
const LINE_HEIGHT_PT = 13.5;
const TITLE_ROW_HEIGHT_PT = 30;
const HEADER_ROW_HEIGHT_PT = 30;
const MAX_ROW_HEIGHT_PT = 409; // Excel's maximum row height
const MARGINS = 'left="0.47" right="0.47" top="0.47" bottom="0.6" header="0.3" footer="0.3"'; // 12 mm
const FOOTER = '&C第 &P 页，共 &N 页';

export async function renderXlsx(table: OfficialTable): Promise<Buffer> {
    const name = sheetName(table.department);
    const strings = new SharedStrings();
    const styles = new StyleTable();
    const sheet = worksheetXml(table, strings, styles);
    const parts: Array<[name: string, xml: string]> = [
        ['[Content_Types].xml', CONTENT_TYPES_XML],
        ['_rels/.rels', PACKAGE_RELATIONSHIPS_XML],
        ['docProps/core.xml', corePropertiesXml({ creator: 'perf', title: table.title, subject: table.department })],
        ['xl/workbook.xml', workbookXml(name, `$${HEADER_ROWS}:$${HEADER_ROWS}`)],
        ['xl/_rels/workbook.xml.rels', WORKBOOK_RELATIONSHIPS_XML],
        [SHEET_PATH, sheet],
        [STYLES_PATH, styles.toXml()],
        [SHARED_STRINGS_PATH, strings.toXml()]
    ];
    return zipArchive(parts.map(([partName, xml]) => ({ name: partName, data: Buffer.from(xml, 'utf8') })));
}

/** xl/worksheets/sheet1.xml, its elements in the order the SpreadsheetML schema requires. */
function worksheetXml(table: OfficialTable, strings: SharedStrings, styles: StyleTable): string {
    const lastRow = HEADER_ROWS + table.rows.length;
    const lastColumn = COLUMN_LETTERS[COLUMN_WIDTHS.length - 1];
    const firstDataCell = `A${HEADER_ROWS + 1}`;
    const cells = new CellWriter(strings);
    const parts: string[] = [
        XML_DECLARATION,
        `<worksheet xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">`,
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
        `<dimension ref="A1:${lastColumn}${lastRow}"/>`,
        // The title, department line and header stay in view while scrolling.
        `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROWS}" topLeftCell="${firstDataCell}" activePane="bottomLeft" state="frozen"/>`,
        `<selection pane="bottomLeft" activeCell="${firstDataCell}" sqref="${firstDataCell}"/></sheetView></sheetViews>`,
        '<sheetFormatPr defaultRowHeight="15"/>',
        '<cols>', ...COLUMN_WIDTHS.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`), '</cols>',
        '<sheetData>'
    ];

    const title = styles.index({ font: 'title', horizontal: 'center', vertical: 'center' });
    parts.push(rowXml(1, TITLE_ROW_HEIGHT_PT, COLUMN_WIDTHS.map((_, i) => i === 0 ? cells.text(1, i, table.title, title) : cells.empty(1, i, title))));

    // The department line spans the name and amount columns; the unit sits right-aligned over goal and indicators.
    const department = styles.index({ font: 'regular', horizontal: 'left', vertical: 'center' });
    const unit = styles.index({ font: 'regular', horizontal: 'right', vertical: 'center' });
    parts.push(rowXml(2, undefined, COLUMN_WIDTHS.map((_, i) => {
        if (i === 0) {
            return cells.text(2, i, `部门名称：${table.department}`, department);
        }
        if (i === Column.goal) {
            return cells.text(2, i, `单位：${table.unit}`, unit);
        }
        return cells.empty(2, i, i < Column.goal ? department : unit);
    })));

    const header = styles.index({ font: 'bold', border: true, horizontal: 'center', vertical: 'center', wrapText: true });
    parts.push(rowXml(HEADER_ROWS, HEADER_ROW_HEIGHT_PT, table.columns.map((text, i) => cells.text(HEADER_ROWS, i, text, header))));

    const rowStyles = new DataRowStyles(styles);
    table.rows.forEach((row, i) => {
        const r = HEADER_ROWS + 1 + i;
        parts.push(rowXml(r, estimatedHeight(row), row.cells.map((text, column) => {
            const style = rowStyles.index(row.level, column);
            if (AMOUNT_COLUMNS.includes(column)) {
                const amount = amountValue(text);
                return amount === null ? cells.empty(r, column, style)
                    : typeof amount === 'number' ? cells.number(r, column, amount, style)
                        : cells.text(r, column, amount, style);
            }
            // XML readers turn a bare CR into LF anyway, so write the LF that Excel uses for line breaks.
            return text === '' ? cells.empty(r, column, style) : cells.text(r, column, text.replace(/\r\n?/g, '\n'), style);
        })));
    });

    parts.push(
        '</sheetData>',
        `<mergeCells count="3"><mergeCell ref="A1:${lastColumn}1"/>`,
        `<mergeCell ref="A2:${COLUMN_LETTERS[Column.other]}2"/><mergeCell ref="${COLUMN_LETTERS[Column.goal]}2:${lastColumn}2"/></mergeCells>`,
        '<printOptions horizontalCentered="1"/>',
        `<pageMargins ${MARGINS}/>`,
        // A4 (paper size 9) landscape, one page wide and as many pages tall as needed.
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
        `<headerFooter><oddFooter>${escapeXml(FOOTER)}</oddFooter></headerFooter>`,
        '</worksheet>'
    );
    return parts.join('');
}

function rowXml(r: number, height: number | undefined, cells: string[]): string {
    const heightAttributes = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
    return `<row r="${r}"${heightAttributes}>${cells.join('')}</row>`;
}

/** `<c>` elements: text through the shared-string table (t="s"), never inline, never a formula. */
class CellWriter {
    constructor(private readonly strings: SharedStrings) {}

    text(r: number, column: number, text: string, style: number): string {
        return `<c r="${COLUMN_LETTERS[column]}${r}" s="${style}" t="s"><v>${this.strings.index(text)}</v></c>`;
    }

    number(r: number, column: number, value: number, style: number): string {
        return `<c r="${COLUMN_LETTERS[column]}${r}" s="${style}"><v>${value}</v></c>`;
    }

    /** A cell with no value keeps its border and format. */
    empty(r: number, column: number, style: number): string {
        return `<c r="${COLUMN_LETTERS[column]}${r}" s="${style}"/>`;
    }
}

/** The style of each data cell by row level and column, worked out once per pair rather than per cell. */
class DataRowStyles {
    private readonly cache = new Map<number, number>();

    constructor(private readonly styles: StyleTable) {}

    index(level: OfficialRow['level'], column: number): number {
        const key = level * COLUMN_WIDTHS.length + column;
        let index = this.cache.get(key);
        if (index === undefined) {
            index = this.styles.index(dataCellStyle(level, column));
            this.cache.set(key, index);
        }
        return index;
    }
}

function dataCellStyle(level: OfficialRow['level'], column: number): CellStyle {
    const font = level < 2 ? 'bold' : 'regular';
    if (AMOUNT_COLUMNS.includes(column)) {
        return { font, border: true, amount: true, horizontal: 'right', vertical: 'top' };
    }
    if (column === Column.name) {
        return { font, border: true, horizontal: level === 0 ? 'center' : 'left', vertical: 'top', wrapText: true, indent: level === 2 ? 1 : 0 };
    }
    return { font, border: true, horizontal: 'left', vertical: 'top', wrapText: true };
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
    return Math.min(MAX_ROW_HEIGHT_PT, lines * LINE_HEIGHT_PT + 4);
}

function wrappedLines(text: string, width: number): number {
    return text.split(/\r\n|\r|\n/).reduce((sum, line) => {
        let units = 0;
        // By UTF-16 unit (a string iterator is several times slower over megabytes of indicators):
        // a character beyond U+FFFF is two units, counted once by its high surrogate.
        for (let i = 0; i < line.length; i++) {
            const unit = line.charCodeAt(i);
            if (unit < 0xdc00 || unit > 0xdfff) {
                units += unit >= 0x2e80 ? 2 : 1;
            }
        }
        return sum + Math.max(1, Math.ceil(units / width));
    }, 0);
}
