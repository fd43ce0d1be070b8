/**
 * The one input the layout readers read: cells in reading order, each with its row, its grid column when the
 * container has columns, its position and where its characters are in the accounting (source-account.ts).
 * Two front ends make it: a grid (source-grid.ts: XLSX, web pages, converted .xls) and text (a PDF's text
 * with one cell per line, `pdftotext -layout` columns, cells separated by `|`, or a whole form run together
 * on one line).
 */
import { countedChars, type Mark, type SourceAccount } from '../source-account.js';
import { accountSheets, type SourceSheet } from '../source-grid.js';
import { lineKey, linePosition, pieceOf, textLines } from '../text-lines.js';

export interface LayoutCell {
    /** The cell's text, trimmed (line breaks inside a grid cell are wrapping and removed). */
    text: string;
    /** The accounting unit holding the cell, and how many counted characters of it precede the cell. */
    key: string;
    from: number;
    position: string;
    /** Row in reading order (unique across sheets); a text line is a row. */
    row: number;
    /** The grid column (absent for text: its columns do not line up with the header's). */
    column?: number;
    /** Where the whole row is, for notes about a row. */
    rowPosition: string;
}

export interface LayoutInput {
    cells: LayoutCell[];
    account: SourceAccount;
    format: 'grid' | 'text';
}

/** Cells of the sheets, row by row; every cell is registered with the account. */
export function cellsOfSheets(sheets: readonly SourceSheet[], account: SourceAccount): LayoutInput {
    accountSheets(sheets, account);
    const cells: LayoutCell[] = [];
    sheets.forEach((sheet, index) => {
        for (const [row, rowCells] of sheet.rows) {
            for (const cell of rowCells) {
                const text = cell.text.replace(/\s*[\r\n]+\s*/g, '').trim();
                if (text !== '') {
                    cells.push({ text, key: cell.position, from: 0, position: cell.position, row: index * 1_000_000 + row,
                        column: cell.column, rowPosition: sheet.rowPosition(row) });
                }
            }
        }
    });
    return { cells, account, format: 'grid' };
}

/** Cell separators in a line of text: a tab, `|`, two or more spaces, the ideographic space. */
const SEPARATOR = /\t+|\s*[|｜]+\s*|\s{2,}|\u3000+/g;
/** The same, without the global flag: `test` keeps no position between calls. */
const HAS_SEPARATOR = new RegExp(SEPARATOR.source);
/** A line this long without wide gaps is a form run together on one line: single spaces separate its cells. */
const RUN_TOGETHER_LENGTH = 120;

/** An indicator grid's header whose titles single spaces separate: the whole copy separates its cells so. */
const SINGLE_SPACED_HEADER = /(?:^|\S )一级指标 二级指标 \S/m;

/** Cells of a text: every line is a row, cut at its separators (the `|` characters are table rules: mapped). */
export function cellsOfText(text: string, account: SourceAccount): LayoutInput {
    const cells: LayoutCell[] = [];
    const singleSpaced = SINGLE_SPACED_HEADER.test(text) && !HAS_SEPARATOR.test(text.replace(/\r?\n/g, ' '));
    for (const line of textLines(text, account, /\r\n|\r|\n|\f/)) {
        const runTogether = line.text.length > RUN_TOGETHER_LENGTH && !HAS_SEPARATOR.test(line.text);
        const separator = singleSpaced || runTogether ? /\s+/g : SEPARATOR;
        let start = 0;
        const pieces: Array<[number, string]> = [];
        for (const match of line.text.matchAll(separator)) { // matchAll copies the (global) pattern
            pieces.push([start, line.text.slice(start, match.index)]);
            start = match.index + match[0].length;
        }
        pieces.push([start, line.text.slice(start)]);
        const located = pieces.filter(([, piece]) => piece.trim() !== '').length > 1;
        const lineCells: LayoutCell[] = [];
        for (const [column, piece] of pieces) {
            const trimmed = piece.trim();
            if (trimmed === '') {
                continue;
            }
            const at = pieceOf(line, column + piece.indexOf(trimmed), trimmed, located && (singleSpaced || line.text.length > RUN_TOGETHER_LENGTH));
            lineCells.push({ text: trimmed, key: lineKey(line.line), from: at.from ?? 0, position: linePosition(at), row: line.line,
                rowPosition: `第${line.line}行` });
        }
        cells.push(...lineCells);
        // What is not in a cell is a separator (spaces are not counted; `|` is a table rule).
        const inCells = new Set<number>();
        for (const cell of lineCells) {
            const length = countedChars(cell.text).length;
            for (let i = cell.from; i < cell.from + length; i++) {
                inCells.add(i);
            }
        }
        countedChars(line.text).forEach((_, index) => {
            if (!inCells.has(index)) {
                account.mark(lineKey(line.line), 'mapped', index, index + 1);
            }
        });
    }
    return { cells, account, format: 'text' };
}

/** Marks a cell's counted characters [start, end) (the whole cell by default). */
export function markCell(account: SourceAccount, cell: LayoutCell, mark: Mark, start = 0, end?: number): void {
    const length = countedChars(cell.text).length;
    account.mark(cell.key, mark, cell.from + start, cell.from + Math.min(end ?? length, length));
}

/** Marks the part of a cell's text from string index `start` to `end`. */
export function markCellText(account: SourceAccount, cell: LayoutCell, mark: Mark, start: number, end: number): void {
    markCell(account, cell, mark, countedChars(cell.text.slice(0, start)).length, countedChars(cell.text.slice(0, end)).length);
}

/** Column titles and labels compared without spaces, marks (*, ★) and a trailing colon. */
export function normalizeLabel(text: string): string {
    return text.replace(/[\s*＊★☆]/g, '').replace(/[:：]$/, '');
}
