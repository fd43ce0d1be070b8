/**
 * The two forms every container is read into before a layout reader sees it: a GRID (sheets of cells, from
 * XLSX, .xls/.et through LibreOffice, web pages, DOCX) or TEXT (lines, from a PDF's text, a pasted copy,
 * `pdftotext -layout`, a PDF read with positions). Each cell and line knows where it came from, so that the
 * accounting (source-account.ts) and every note can name the place in the file the user has.
 */

/** One cell as read: merged cells appear once, at their top-left position. */
export interface SourceCell {
    /** 1-based row and column in the sheet's grid. */
    row: number;
    column: number;
    text: string;
    /** The cell's number when the container stores one (an XLSX number, Excel's x:num in a saved web page). */
    number?: number;
    /** Indent level (Excel's indent, a web page's padding-left or mso-char-indent-count); 0 when none. */
    indent: number;
    /** Where the cell is, as the user looks it up: "Sheet1!B5", "表格1 第5行第2格". */
    position: string;
}

export interface SourceSheet {
    /** The sheet's name ("Sheet1", "表格1"). */
    name: string;
    /** Rows in order; a row's cells by column, blank cells left out. */
    rows: Map<number, SourceCell[]>;
    rowCount: number;
    columnCount: number;
    /** Where a whole row is: "Sheet1 第5行". */
    rowPosition(row: number): string;
}

/** What the user gave, named as a message names it. */
export type ContainerKind = 'xlsx' | 'xls' | 'et' | 'html' | 'pdf' | 'docx' | 'txt' | 'csv';

export const CONTAINER_LABEL: Record<ContainerKind, string> = {
    xlsx: 'XLSX',
    xls: 'XLS（经 LibreOffice 转为 XLSX）',
    et: 'WPS 表格 .et（经 LibreOffice 转为 XLSX）',
    html: '网页',
    pdf: 'PDF',
    docx: 'Word 文档',
    txt: 'PDF 文本',
    csv: 'CSV'
};

/** A container's content in one of the two forms, ready for classification and a layout reader. */
export type ImportInput =
    | { form: 'grid'; sheets: SourceSheet[] }
    /** `lineNames[i]` names line i+1 when the text was made from a file of another kind ("第2页第5行"). */
    | { form: 'text'; text: string; lineNames?: string[] };

export interface ImportSource {
    /** The file name messages start with. */
    source: string;
    container: ContainerKind;
    input: ImportInput;
    /** What was converted while reading (traditional characters, full-width digits), for the summary. */
    conversions: string[];
}

/** Builds a sheet from cells (any order); the position functions come from the container. */
export function sheetOf(name: string, cells: SourceCell[], rowPosition: (row: number) => string): SourceSheet {
    const rows = new Map<number, SourceCell[]>();
    let rowCount = 0;
    let columnCount = 0;
    for (const cell of cells) {
        rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell]);
        rowCount = Math.max(rowCount, cell.row);
        columnCount = Math.max(columnCount, cell.column);
    }
    const sorted = new Map([...rows].sort(([a], [b]) => a - b).map(([row, list]) => [row, list.sort((a, b) => a.column - b.column)]));
    return { name, rows: sorted, rowCount, columnCount, rowPosition };
}

/** The cells of a row (blank cells left out), in column order. */
export function rowCells(sheet: SourceSheet, row: number): readonly SourceCell[] {
    return sheet.rows.get(row) ?? [];
}

/** Every row of every sheet as one line of text (cells separated by tabs): what classification reads. */
export function inputLines(input: ImportInput): string[] {
    if (input.form === 'text') {
        return input.text.split(/\r\n|\r|\n|\f/);
    }
    return input.sheets.flatMap(sheet => [...sheet.rows.values()].map(cells => cells.map(cell => cell.text).join('\t')));
}
