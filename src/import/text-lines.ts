/**
 * Lines of a text input as accounting units (source-account.ts): every input line is one unit; a reader
 * that cuts a line into pieces (a run-together dump, a column of `pdftotext -layout`) keeps for each piece
 * the unit it came from and how many counted characters of the unit precede it, so that its marks land on
 * the right characters.
 */
import { countedBefore, countedChars, type Mark, type SourceAccount } from './source-account.js';

export interface TextLine {
    /** 1-based line number in the input. */
    line: number;
    text: string;
    /** Counted characters of the input line before this piece (0 for a whole line). */
    from?: number;
    /** 1-based character column where the piece starts, for a piece cut out of a long line. */
    column?: number;
    /** The line's name when the text was made from a file of another kind ("第2页第5行" of a PDF). */
    name?: string;
}

export function lineKey(line: number): string {
    return `L${line}`;
}

/** "第12行", or "第1行第340字" for a piece of a long line. */
export function linePosition(line: TextLine): string {
    const name = line.name ?? `第${line.line}行`;
    return line.column !== undefined && line.column > 1 ? `${name}第${line.column}字` : name;
}

/**
 * The input's lines, each registered as a unit of the account; `names[i]` names line i+1 when the text was
 * made from another kind of file (a PDF's pages).
 */
export function textLines(text: string, account: SourceAccount, separators: RegExp = /\r\n|\r|\n/, names?: readonly string[]): TextLine[] {
    return text.replace(/^\uFEFF/, '').split(separators).map((content, index) => {
        const name = names?.[index];
        account.add(lineKey(index + 1), name ?? `第${index + 1}行`, content);
        return { line: index + 1, text: content, ...(name ? { name } : {}) };
    });
}

/**
 * A piece of a line: `text` starts at `column` (0-based) of `line.text`. `located`: positions name the
 * column too (a piece of a run-together line; a column of layout text is found by its line alone).
 */
export function pieceOf(line: TextLine, column: number, text: string, located = false): TextLine {
    return {
        line: line.line,
        text,
        ...(line.name ? { name: line.name } : {}),
        from: (line.from ?? 0) + countedBefore(line.text, column),
        ...(located ? { column: (line.column ?? 1) + column } : {})
    };
}

export function markLine(account: SourceAccount, line: TextLine, mark: Mark): void {
    const from = line.from ?? 0;
    account.mark(lineKey(line.line), mark, from, from + countedChars(line.text).length);
}

export function markLines(account: SourceAccount, lines: readonly TextLine[], mark: Mark): void {
    for (const line of lines) {
        markLine(account, line, mark);
    }
}

/**
 * Marks the characters [start, end) of the text that `lines` make when joined without separators
 * (joinLines): an item or a leftover of a cell that wraps over several lines.
 */
export function markJoined(account: SourceAccount, lines: readonly TextLine[], start: number, end: number, mark: Mark): void {
    let offset = 0;
    for (const line of lines) {
        const lineStart = offset;
        const lineEnd = offset + line.text.length;
        offset = lineEnd;
        const from = Math.max(start, lineStart);
        const to = Math.min(end, lineEnd);
        if (from >= to) {
            continue;
        }
        const base = line.from ?? 0;
        account.mark(lineKey(line.line), mark,
            base + countedBefore(line.text, from - lineStart), base + countedBefore(line.text, to - lineStart));
    }
}
