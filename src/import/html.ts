/**
 * Saved web pages (.html/.htm) as the grid (source-grid.ts): every innermost <table> is a sheet "表格N" —
 * government sites often wrap the content table in layout tables, whose own text is read as paragraphs —
 * with rowspan/colspan cells once, at their top-left position; <br> and block elements inside a cell are
 * line breaks. Text before a table (the title in <h1>, "部门名称：… 单位：万元", a site's menu) becomes rows
 * above it in its sheet, one row per paragraph, so the title area is read as it is in a sheet; text after
 * the last table (footers) is a sheet of its own, kept as notes. Nothing is left out; the page's head,
 * scripts and styles are markup, not content.
 *
 * Excel's "save as web page" writes indents as padding-left / mso-char-indent-count, inline or in a class
 * of its <style>; both count as the cell's indent (projects indented under their department).
 */
import { parseDocument } from 'htmlparser2';
import { sheetOf, type SourceCell, type SourceSheet } from './source-grid.js';

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Extract<HtmlNode, { name: string; attribs: Record<string, string> }>;

const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'title', 'iframe', 'object', 'svg']);
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article',
    'header', 'footer', 'nav', 'aside', 'main', 'blockquote', 'pre', 'address', 'caption', 'figure', 'figcaption', 'form',
    'fieldset', 'hr', 'tr', 'table', 'thead', 'tbody', 'tfoot', 'center']);
const INDENT = /(?:padding-left|text-indent|margin-left)\s*:\s*([\d.]+)|mso-char-indent-count\s*:\s*([\d.]+)/gi;

type Block = { kind: 'text'; text: string } | { kind: 'table'; table: HtmlElement };

export function readHtmlSheets(html: string): SourceSheet[] {
    const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
    const classIndents = styleIndents(document);
    const blocks: Block[] = [];
    let paragraph = '';
    const flush = () => {
        if (paragraph.trim() !== '') {
            blocks.push({ kind: 'text', text: paragraph.trim() });
        }
        paragraph = '';
    };
    const walk = (node: HtmlNode): void => {
        if (node.type === 'text') {
            paragraph += collapse((node as { data: string }).data);
            return;
        }
        if (!isElement(node) || SKIPPED.has(node.name)) {
            return;
        }
        if (node.name === 'table' && !containsTable(node)) {
            flush();
            blocks.push({ kind: 'table', table: node });
            return;
        }
        if (node.name === 'br') {
            flush();
            return;
        }
        const block = BLOCKS.has(node.name) || node.name === 'td' || node.name === 'th';
        if (block) {
            flush();
        }
        node.children.forEach(walk);
        if (block) {
            flush();
        }
    };
    document.children.forEach(walk);
    flush();
    return sheetsOf(blocks, classIndents);
}

/** Tables with the paragraphs before them on top and, for the last one, the paragraphs after it below. */
function sheetsOf(blocks: Block[], classIndents: Map<string, number>): SourceSheet[] {
    if (!blocks.some(block => block.kind === 'table')) {
        const cells = blocks.map((block, index) => textCell(index + 1, (block as { text: string }).text, `第${index + 1}段`));
        return cells.length > 0 ? [sheetOf('网页', cells, row => `第${row}段`)] : [];
    }
    const sheets: SourceSheet[] = [];
    let before: string[] = [];
    let tableIndex = 0;
    blocks.forEach(block => {
        if (block.kind === 'text') {
            before.push(block.text);
            return;
        }
        tableIndex++;
        sheets.push(tableSheet(`表格${tableIndex}`, block.table, before, classIndents));
        before = [];
    });
    if (before.length > 0) {
        const name = `表格${tableIndex}下方`;
        sheets.push(sheetOf(name, before.map((text, index) => textCell(index + 1, text, `${name}第${index + 1}段`)), row => `${name}第${row}段`));
    }
    return sheets;
}

function tableSheet(name: string, table: HtmlElement, before: string[], classIndents: Map<string, number>): SourceSheet {
    const cells: SourceCell[] = [];
    const labels: string[] = [];
    before.forEach((text, index) => {
        labels.push(`${name}上方第${index + 1}段`);
        cells.push(textCell(labels.length, text, labels.at(-1)!));
    });
    const offset = labels.length;
    const covered = new Set<string>();
    const rows = tableRows(table);
    rows.forEach((row, r) => {
        labels.push(`${name} 第${r + 1}行`);
        let column = 1;
        for (const cell of row.children.filter(isElement).filter(child => child.name === 'td' || child.name === 'th')) {
            while (covered.has(`${r},${column}`)) {
                column++;
            }
            const rowSpan = span(cell.attribs.rowspan);
            const colSpan = span(cell.attribs.colspan);
            for (let dr = 0; dr < rowSpan; dr++) {
                for (let dc = 0; dc < colSpan; dc++) {
                    covered.add(`${r + dr},${column + dc}`);
                }
            }
            const text = cellText(cell);
            if (text.trim() !== '') {
                cells.push({ row: offset + r + 1, column, text, indent: indentOf(cell, classIndents), position: `${name} 第${r + 1}行第${column}格` });
            }
            column += colSpan;
        }
    });
    return sheetOf(name, cells, row => labels[row - 1] ?? `${name} 第${row - offset}行`);
}

function textCell(row: number, text: string, position: string): SourceCell {
    return { row, column: 1, text, indent: 0, position };
}

/** The rows of a table in order, through thead/tbody/tfoot (not into nested tables). */
function tableRows(table: HtmlElement): HtmlElement[] {
    const rows: HtmlElement[] = [];
    const visit = (node: HtmlElement) => {
        for (const child of node.children.filter(isElement)) {
            if (child.name === 'tr') {
                rows.push(child);
            } else if (child.name !== 'table') {
                visit(child);
            }
        }
    };
    visit(table);
    return rows;
}

/** A cell's text: whitespace collapsed as a browser shows it, <br> and blocks as line breaks, leading non-breaking or ideographic spaces kept (an indent). */
function cellText(cell: HtmlElement): string {
    let text = '';
    const walk = (node: HtmlNode): void => {
        if (node.type === 'text') {
            text += collapse((node as { data: string }).data);
        } else if (isElement(node) && !SKIPPED.has(node.name)) {
            if (node.name === 'br') {
                text += '\n';
                return;
            }
            const block = BLOCKS.has(node.name);
            if (block && text !== '' && !text.endsWith('\n')) {
                text += '\n';
            }
            node.children.forEach(walk);
            if (block && !text.endsWith('\n')) {
                text += '\n';
            }
        }
    };
    cell.children.forEach(walk);
    return text.split('\n').map(line => line.replace(/^[ ]+|[ ]+$/g, '')).join('\n').replace(/^\n+|\n+$/g, '');
}

/** Runs of spaces, tabs and line breaks are one space (non-breaking and ideographic spaces are kept). */
function collapse(text: string): string {
    return text.replace(/[ \t\r\n\f]+/g, ' ');
}

function indentOf(cell: HtmlElement, classIndents: Map<string, number>): number {
    const inline = indentIn(cell.attribs.style ?? '');
    const fromClass = (cell.attribs.class ?? '').split(/\s+/).reduce((most, name) => Math.max(most, classIndents.get(name) ?? 0), 0);
    return Math.max(inline, fromClass);
}

function indentIn(style: string): number {
    let indent = 0;
    for (const match of style.matchAll(INDENT)) {
        const value = Number(match[1] ?? match[2]);
        // Padding of a few pixels is a cell's inner margin, not an indent.
        indent = Math.max(indent, match[2] !== undefined ? value : value >= 10 ? 1 : 0);
    }
    return indent;
}

/** Indents of simple class rules in the page's <style> (`.xl66 { mso-char-indent-count:1 }`, as Excel writes them). */
function styleIndents(document: HtmlDocument): Map<string, number> {
    const indents = new Map<string, number>();
    const visit = (node: HtmlNode) => {
        if (!isElement(node)) {
            return;
        }
        if (node.name === 'style') {
            const css = node.children.map(child => (child as { data?: string }).data ?? '').join('');
            for (const rule of css.matchAll(/(?:^|[\s}])(?:td)?\.([\w-]+)\s*\{([^}]*)\}/g)) {
                const indent = indentIn(rule[2]);
                if (indent > 0) {
                    indents.set(rule[1], indent);
                }
            }
        }
        node.children.forEach(visit);
    };
    document.children.forEach(visit);
    return indents;
}

function containsTable(table: HtmlElement): boolean {
    const search = (node: HtmlNode): boolean => isElement(node) && (node.name === 'table' || node.children.some(search));
    return table.children.some(search);
}

function span(value: string | undefined): number {
    const number = Number.parseInt(value ?? '1', 10);
    return Number.isFinite(number) && number >= 1 ? Math.min(number, 1000) : 1;
}

function isElement(node: HtmlNode): node is HtmlElement {
    return 'name' in node && 'attribs' in node;
}
