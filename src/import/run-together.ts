/**
 * A Guangdong list whose cells run together on one line (a web page or DOCX copied as text: the whole
 * table, or all its rows, on a single line). The line is cut back into the lines a plain PDF copy has —
 * title, 部门名称, 单位, the column titles, then per row `name amounts`, the goal and the indicator items —
 * so that the plain text reader (pdf-text.ts) reads it; every piece remembers where in the line it was.
 *
 * Rows are found by their amounts (1,234.56 groups, up to four): the text before a group is, in order, the
 * previous row's goal, its indicator items (`1、…。`) and this row's name.
 */
import { AMOUNT_TOKEN } from './text-amounts.js';
import { pieceOf, type TextLine } from './text-lines.js';

const HEADER_TITLES = /项目名称(?:\s*[（(]资金使用单位[)）])?(?:\s*(?:总计|财政拨款|财政专户拨款|其他资金|绩效目标|绩效指标|[（(]万元[)）]|[（(]元[)）]))+/;
const AMOUNT_GROUP = new RegExp(String.raw`(?<=^|\s)${AMOUNT_TOKEN}(?:\s+${AMOUNT_TOKEN}){0,3}(?=\s|$)`, 'g');
const FIRST_ITEM = /1\s*、\s*(?:\d+\s*-|[^；;\s]{2,8}指标\s*[；;])/;
const HEADER_AREA = /部门(?:名称)?\s*[:：]|单位\s*[:：]/g;

/** Lines with the cells of several rows (or the header and rows) on them are cut into row lines. */
export function unfoldRunTogether(lines: TextLine[]): TextLine[] {
    return lines.flatMap(line => isRunTogether(line.text) ? unfold(line) : [line]);
}

function isRunTogether(text: string): boolean {
    const header = HEADER_TITLES.exec(text);
    if (header) {
        return text.slice(header.index + header[0].length).trim() !== '' || text.slice(0, header.index).trim() !== '';
    }
    const groups = [...text.matchAll(AMOUNT_GROUP)];
    return groups.length >= 2 && groups.some((group, index) => index > 0 && /\S/.test(text.slice(groups[index - 1].index + groups[index - 1][0].length, group.index)));
}

function unfold(line: TextLine): TextLine[] {
    const out: TextLine[] = [];
    const piece = (start: number, end: number, indent = '') => {
        const text = line.text.slice(start, end);
        const lead = text.length - text.trimStart().length;
        if (text.trim() !== '') {
            const cut = pieceOf(line, start + lead, text.trim(), true);
            out.push({ ...cut, text: indent + cut.text });
        }
    };
    const header = HEADER_TITLES.exec(line.text);
    let body = 0;
    const departmentNames: string[] = [];
    if (header) {
        // Title, 部门名称：…, 单位：… before the column titles, each on a line of its own.
        const cuts = [0, ...[...line.text.slice(0, header.index).matchAll(HEADER_AREA)].map(match => match.index), header.index];
        for (let k = 0; k + 1 < cuts.length; k++) {
            piece(cuts[k], cuts[k + 1]);
            const department = /^部门(?:名称)?\s*[:：]\s*(.+)$/.exec(line.text.slice(cuts[k], cuts[k + 1]).trim());
            if (department) {
                departmentNames.push(...department[1].split(/[、,，]/).map(name => name.trim()));
            }
        }
        piece(header.index, header.index + header[0].length);
        body = header.index + header[0].length;
    }
    const groups = [...line.text.slice(body).matchAll(AMOUNT_GROUP)].map(match => ({ start: body + match.index, end: body + match.index + match[0].length }));
    let cursor = body;
    let previousWasTotal = false;
    let rows = 0;
    for (const group of groups) {
        const nameStart = rows === 0 ? cursor : rowCellsEnd(line.text, cursor, group.start);
        if (rows > 0) {
            cells(line.text, cursor, nameStart, piece);
        }
        const name = line.text.slice(nameStart, group.start).trim();
        const isTotal = /^(?:合计|总计)$/.test(name);
        const unindented = isTotal || previousWasTotal || departmentNames.includes(name);
        piece(nameStart, group.end, unindented ? '' : '    ');
        previousWasTotal = isTotal;
        cursor = group.end;
        rows++;
    }
    cells(line.text, cursor, line.text.length, piece);
    return out;
}

/**
 * Where the previous row's goal and items end and the next name starts, in text[from, to): after the last
 * 。 of the items, else (no items) after the last space (a goal, then the name).
 */
function rowCellsEnd(text: string, from: number, to: number): number {
    const stretch = text.slice(from, to);
    const items = FIRST_ITEM.exec(stretch);
    if (items) {
        const lastStop = stretch.lastIndexOf('。');
        return lastStop >= items.index ? from + lastStop + 1 : from;
    }
    const lastSpace = stretch.trimEnd().search(/\s\S*$/);
    return lastSpace >= 0 ? from + lastSpace + 1 : from;
}

/** A row's goal, then its indicator items, each as a line. */
function cells(text: string, from: number, to: number, piece: (start: number, end: number) => void): void {
    const items = FIRST_ITEM.exec(text.slice(from, to));
    if (items) {
        piece(from, from + items.index);
        piece(from + items.index, to);
    } else {
        piece(from, to);
    }
}
