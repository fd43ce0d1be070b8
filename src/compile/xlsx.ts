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
import { AMOUNT_PATTERN, decimalsWritten } from '../model/money.js';
import { listSheet } from './list-sheet.js';
import type { CellRole, OfficialTable, PublishedCell, PublishedRow, PublishedSheet, RowRole } from './official-table.js';
import { zipArchive } from './zip-archive.js';
import {
    CONTENT_TYPES_XML, corePropertiesXml, escapeXml, MAIN_NAMESPACE, PACKAGE_RELATIONSHIPS_XML, RELATIONSHIPS_NAMESPACE,
    SHARED_STRINGS_PATH, SharedStrings, SHEET_PATH, STYLES_PATH, WORKBOOK_RELATIONSHIPS_XML, workbookXml, XML_DECLARATION
} from './xlsx-parts.js';
import { type CellStyle, StyleTable } from './xlsx-styles.js';

export { AMOUNT_FORMAT } from './xlsx-styles.js';

export const FALLBACK_SHEET_NAME = '项目支出绩效目标表';
/** Rows above the first block: title and the line under it (部门名称, 单位). */
const TOP_ROWS = 2;
/** Rows above the data of a 项目列表: title, department line, header. */
export const HEADER_ROWS = 3;

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
    const sheet = table.sheet ?? listSheet(table);
    const placed = placeSheet(sheet);
    const parts: Array<[name: string, xml: string]> = [
        ['[Content_Types].xml', CONTENT_TYPES_XML],
        ['_rels/.rels', PACKAGE_RELATIONSHIPS_XML],
        ['docProps/core.xml', corePropertiesXml({ creator: 'perf', title: table.title, subject: table.department })],
        ['xl/workbook.xml', workbookXml(name, placed.repeatRows && `$${placed.repeatRows[0]}:$${placed.repeatRows[1]}`)],
        ['xl/_rels/workbook.xml.rels', WORKBOOK_RELATIONSHIPS_XML],
        [SHEET_PATH, worksheetXml(sheet, placed, strings, styles)],
        [STYLES_PATH, styles.toXml()],
        [SHARED_STRINGS_PATH, strings.toXml()]
    ];
    return zipArchive(parts.map(([partName, xml]) => ({ name: partName, data: Buffer.from(xml, 'utf8') })));
}

/** A cell at its place on the sheet; `origin` false where a span of the cell above or beside covers it. */
interface Slot {
    cell: PublishedCell;
    row: PublishedRow;
    origin: boolean;
}

interface PlacedRow {
    r: number;
    row?: PublishedRow;
    /** One slot per column (undefined: nothing there). */
    slots: Array<Slot | undefined>;
}

interface PlacedSheet {
    rows: PlacedRow[];
    /** Merged ranges of the blocks' cells, as "B4:D4". */
    merges: string[];
    /** First and last row repeated on every printed page (the header of a single block). */
    repeatRows?: [number, number];
}

/**
 * The blocks one under another (a blank row between two), each cell at the next column its row leaves free,
 * as HTML places a row's cells beside the row spans from above.
 */
function placeSheet(sheet: PublishedSheet): PlacedSheet {
    const width = sheet.columns.length;
    const rows: PlacedRow[] = [];
    const merges: string[] = [];
    let r = TOP_ROWS;
    sheet.blocks.forEach((block, b) => {
        if (b > 0) {
            rows.push({ r: ++r, slots: [] });
        }
        const blockRows = [...block.header, ...block.rows];
        const grid: Array<Array<Slot | undefined>> = blockRows.map(() => Array<Slot | undefined>(width).fill(undefined));
        blockRows.forEach((row, i) => {
            let column = 0;
            for (const cell of row.cells) {
                while (column < width && grid[i][column]) {
                    column++;
                }
                if (column >= width) {
                    break;
                }
                const rowSpan = Math.min(cell.rowSpan ?? 1, blockRows.length - i);
                const colSpan = Math.min(cell.colSpan ?? 1, width - column);
                for (let dr = 0; dr < rowSpan; dr++) {
                    for (let dc = 0; dc < colSpan; dc++) {
                        grid[i + dr][column + dc] = { cell, row, origin: dr === 0 && dc === 0 };
                    }
                }
                if (rowSpan > 1 || colSpan > 1) {
                    merges.push(`${columnLetter(column)}${r + 1 + i}:${columnLetter(column + colSpan - 1)}${r + i + rowSpan}`);
                }
                column += colSpan;
            }
        });
        blockRows.forEach((row, i) => rows.push({ r: r + 1 + i, row, slots: grid[i] }));
        r += blockRows.length;
    });
    const only = sheet.blocks.length === 1 ? sheet.blocks[0] : undefined;
    return {
        rows, merges,
        ...(only && only.header.length > 0 ? { repeatRows: [TOP_ROWS + 1, TOP_ROWS + only.header.length] as [number, number] } : {})
    };
}

/** xl/worksheets/sheet1.xml, its elements in the order the SpreadsheetML schema requires. */
function worksheetXml(sheet: PublishedSheet, placed: PlacedSheet, strings: SharedStrings, styles: StyleTable): string {
    const widths = sheet.columns.map(column => column.width);
    const lastRow = placed.rows.at(-1)?.r ?? TOP_ROWS;
    const lastColumn = columnLetter(widths.length - 1);
    const cells = new CellWriter(strings);
    const frozen = placed.repeatRows?.[1];
    const firstDataCell = `A${(frozen ?? 0) + 1}`;
    const parts: string[] = [
        XML_DECLARATION,
        `<worksheet xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">`,
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
        `<dimension ref="A1:${lastColumn}${lastRow}"/>`,
        // The title, the line under it and the header stay in view while scrolling.
        frozen === undefined ? '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            : `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="${firstDataCell}" activePane="bottomLeft" state="frozen"/>`
            + `<selection pane="bottomLeft" activeCell="${firstDataCell}" sqref="${firstDataCell}"/></sheetView></sheetViews>`,
        '<sheetFormatPr defaultRowHeight="15"/>',
        '<cols>', ...widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`), '</cols>',
        '<sheetData>'
    ];

    const title = styles.index({ font: 'title', horizontal: 'center', vertical: 'center' });
    parts.push(rowXml(1, TITLE_ROW_HEIGHT_PT, widths.map((_, i) => i === 0 ? cells.text(1, i, sheet.title, title) : cells.empty(1, i, title))));

    // The department line on the left, the unit right-aligned on the right, each over the columns it spans.
    const merges = [`A1:${lastColumn}1`];
    const metaCells: string[] = [];
    let column = 0;
    for (const meta of sheet.meta) {
        const style = styles.index({ font: 'regular', horizontal: meta.role === 'unit' ? 'right' : 'left', vertical: 'center' });
        const span = Math.max(1, Math.min(meta.span, widths.length - column));
        metaCells.push(cells.text(2, column, meta.text, style));
        for (let i = 1; i < span; i++) {
            metaCells.push(cells.empty(2, column + i, style));
        }
        if (span > 1) {
            merges.push(`${columnLetter(column)}2:${columnLetter(column + span - 1)}2`);
        }
        column += span;
    }
    parts.push(rowXml(2, undefined, metaCells));

    const slotStyles = new SlotStyles(styles);
    for (const { r, row, slots } of placed.rows) {
        if (!row) {
            parts.push(rowXml(r, undefined, []));
            continue;
        }
        const xml: string[] = [];
        slots.forEach((slot, i) => {
            if (slot) {
                xml.push(cellXml(cells, r, i, slot, slotStyles.index(slot)));
            }
        });
        const height = estimatedHeight(slots, widths);
        parts.push(rowXml(r, row.role === 'header' ? Math.max(HEADER_ROW_HEIGHT_PT, height) : height, xml));
    }

    merges.push(...placed.merges);
    parts.push(
        '</sheetData>',
        `<mergeCells count="${merges.length}">${merges.map(ref => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`,
        '<printOptions horizontalCentered="1"/>',
        `<pageMargins ${MARGINS}/>`,
        // A4 (paper size 9) landscape, one page wide and as many pages tall as needed.
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
        `<headerFooter><oddFooter>${escapeXml(FOOTER)}</oddFooter></headerFooter>`,
        '</worksheet>'
    );
    return parts.join('');
}

/** Amounts as numbers (text when they do not read as one), every other text through the shared strings. */
function cellXml(cells: CellWriter, r: number, column: number, slot: Slot, style: number): string {
    const text = slot.origin ? shownText(slot.cell) : '';
    if (text === '') {
        return cells.empty(r, column, style);
    }
    if (slot.cell.role === 'amount' && slot.row.role !== 'header') {
        const amount = amountValue(text);
        // More than two decimals written (10606.7522) stay text: #,##0.00 would hide digits.
        return typeof amount === 'number' && decimalsWritten(text) <= 2 ? cells.number(r, column, amount, style) : cells.text(r, column, text, style);
    }
    // XML readers turn a bare CR into LF anyway, so write the LF that Excel uses for line breaks.
    return cells.text(r, column, text.replace(/\r\n?/g, '\n'), style);
}

/** A cell shown on several lines (a 项目列表's numbered indicator items) has them on lines in the cell, as in HTML. */
function shownText(cell: PublishedCell): string {
    return cell.lines ? cell.lines.join('\n') : cell.text;
}

/** A, B, … Z, AA: the column letters of a spreadsheet. */
function columnLetter(index: number): string {
    return index < 26 ? String.fromCharCode(65 + index) : columnLetter(Math.floor(index / 26) - 1) + columnLetter(index % 26);
}

function rowXml(r: number, height: number | undefined, cells: string[]): string {
    const heightAttributes = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
    return `<row r="${r}"${heightAttributes}>${cells.join('')}</row>`;
}

/** `<c>` elements: text through the shared-string table (t="s"), never inline, never a formula. */
class CellWriter {
    constructor(private readonly strings: SharedStrings) {}

    text(r: number, column: number, text: string, style: number): string {
        return `<c r="${columnLetter(column)}${r}" s="${style}" t="s"><v>${this.strings.index(text)}</v></c>`;
    }

    number(r: number, column: number, value: number, style: number): string {
        return `<c r="${columnLetter(column)}${r}" s="${style}"><v>${value}</v></c>`;
    }

    /** A cell with no value keeps its border and format. */
    empty(r: number, column: number, style: number): string {
        return `<c r="${columnLetter(column)}${r}" s="${style}"/>`;
    }
}

/** The style of each cell by what its row and the cell are, worked out once per pair rather than per cell. */
class SlotStyles {
    private readonly cache = new Map<string, number>();

    constructor(private readonly styles: StyleTable) {}

    index(slot: Slot): number {
        const key = `${slot.row.role}\u0000${slot.cell.role}`;
        let index = this.cache.get(key);
        if (index === undefined) {
            index = this.styles.index(cellStyle(slot.row.role, slot.cell.role));
            this.cache.set(key, index);
        }
        return index;
    }
}

const HEADING_STYLE: CellStyle = { font: 'bold', border: true, horizontal: 'center', vertical: 'center', wrapText: true };

function cellStyle(row: RowRole, role: CellRole): CellStyle {
    if (row === 'header' || role === 'heading') {
        return HEADING_STYLE;
    }
    const font = row === 'total' || row === 'department' ? 'bold' : 'regular';
    if (role === 'amount') {
        return { font, border: true, amount: true, horizontal: 'right', vertical: 'top' };
    }
    if (role === 'name') {
        return { font, border: true, horizontal: row === 'total' ? 'center' : 'left', vertical: 'top', wrapText: true, indent: row === 'project' ? 1 : 0 };
    }
    if (role === 'label' || role === 'number') {
        return { font, border: true, horizontal: 'center', vertical: 'center', wrapText: true };
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
 * wrapped cell of the row (a cell spanning rows is left out): a CJK character is about two width units of a
 * column, a Latin character one.
 */
function estimatedHeight(slots: Array<Slot | undefined>, widths: number[]): number {
    let lines = 1;
    slots.forEach((slot, i) => {
        if (slot?.origin && slot.cell.role !== 'amount' && (slot.cell.rowSpan ?? 1) === 1) {
            let width = widths[i];
            for (let span = 1; span < (slot.cell.colSpan ?? 1); span++) {
                width += widths[i + span] ?? 0;
            }
            const indent = slot.cell.role === 'name' && slot.row.role === 'project' ? 3 : 1;
            lines = Math.max(lines, wrappedLines(shownText(slot.cell), width - indent));
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
