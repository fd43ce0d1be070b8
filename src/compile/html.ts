/**
 * Renders the official table (项目支出绩效目标表) as one self-contained, printable HTML5 document:
 * no script, no external URL, inline style only. Cell text is never altered: layout helpers
 * (indentation, line breaks before indicator items) are CSS on wrapping elements, so the
 * textContent of every cell equals the published cell string.
 */
import { escapeHtml } from './escape.js';
import { Column, type OfficialRow, type OfficialTable } from './official-table.js';

export interface RenderHtmlOptions {
    /** Content-Security-Policy for the meta tag; a VS Code webview passes its own (e.g. with a nonce). */
    csp?: string;
    /** Nonce for the inline <style>, when the CSP allows styles by nonce rather than 'unsafe-inline'. */
    styleNonce?: string;
}

export const DEFAULT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const ROW_CLASS: Record<OfficialRow['level'], string> = {
    0: 'row-total', 1: 'row-department', 2: 'row-project'
};

/** Class per column; the widths keep the long 绩效指标 text readable on A4 landscape. */
const COLUMN_CLASS = ['name', 'amount', 'amount', 'amount', 'amount', 'goal', 'indicators'];
// An amount column holds "67,522.75" in bold and "财政专户拨款" on one line at the 9pt print size.
const COLUMN_WIDTH = ['14%', '8%', '8%', '8%', '8%', '17%', '37%'];

export const OFFICIAL_TABLE_CSS = `
@page { size: A4 landscape; margin: 12mm; }
.perf-official { font-family: SimSun, "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; color: #000; line-height: 1.45; }
.perf-official h1 { text-align: center; font-size: 16pt; margin: 0 0 8pt; }
.perf-official .meta { display: flex; justify-content: space-between; gap: 1em; margin-bottom: 4pt; }
.perf-official table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.perf-official thead { display: table-header-group; }
.perf-official tr { break-inside: avoid; page-break-inside: avoid; }
.perf-official th, .perf-official td { border: 0.5pt solid #000; padding: 3pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
.perf-official th { text-align: center; vertical-align: middle; font-weight: bold; }
.perf-official td.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.perf-official tr.row-total td, .perf-official tr.row-department td { font-weight: bold; }
.perf-official tr.row-total td.name { text-align: center; }
.perf-official tr.row-project td.name { padding-left: 1.5em; }
.perf-official td.indicators .item { display: block; }
@media print { .perf-official { font-size: 9pt; } }
`.trim();

/** The whole HTML5 document. */
export function renderHtml(table: OfficialTable, options: RenderHtmlOptions = {}): string {
    const nonce = options.styleNonce === undefined ? '' : ` nonce="${escapeHtml(options.styleNonce)}"`;
    return [
        '<!DOCTYPE html>',
        '<html lang="zh-CN">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.csp ?? DEFAULT_CSP)}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeHtml(`${table.department} ${table.title}`.trim())}</title>`,
        `<style${nonce}>\n${OFFICIAL_TABLE_CSS}\n</style>`,
        '</head>',
        '<body>',
        renderHtmlFragment(table),
        '</body>',
        '</html>',
        ''
    ].join('\n');
}

/** The table alone (title, department line, table), for embedding next to OFFICIAL_TABLE_CSS. */
export function renderHtmlFragment(table: OfficialTable): string {
    const cols = COLUMN_WIDTH.map((width, i) => `<col class="${COLUMN_CLASS[i]}" style="width: ${width}">`).join('');
    const headers = table.columns.map((text, i) => `<th scope="col" class="${COLUMN_CLASS[i] ?? ''}">${escapeHtml(text)}</th>`).join('');
    return [
        `<div class="perf-official"${table.year ? ` data-year="${escapeHtml(table.year)}"` : ''}>`,
        `<h1>${escapeHtml(table.title)}</h1>`,
        '<div class="meta">',
        `<span class="department">部门名称：${escapeHtml(table.department)}</span>`,
        `<span class="unit">单位：${escapeHtml(table.unit)}</span>`,
        '</div>',
        '<table>',
        `<colgroup>${cols}</colgroup>`,
        `<thead><tr>${headers}</tr></thead>`,
        '<tbody>',
        ...table.rows.map(renderRow),
        '</tbody>',
        '</table>',
        '</div>'
    ].join('\n');
}

function renderRow(row: OfficialRow): string {
    const cells = row.cells.map((text, i) => {
        const content = i === Column.indicators ? indicatorItems(text) : escapeHtml(text);
        return `<td class="${COLUMN_CLASS[i] ?? ''}">${content}</td>`;
    });
    return `<tr class="${ROW_CLASS[row.level]}" data-level="${row.level}">${cells.join('')}</tr>`;
}

/**
 * Wraps each numbered item ("1、…。2、…") of an indicator cell in a block span, so every item
 * starts on its own line. The pieces concatenate back to the exact cell text (no added text).
 */
function indicatorItems(text: string): string {
    const items = text.split(/(?<=。)(?=\d+、)/);
    if (items.length < 2) {
        return escapeHtml(text);
    }
    return items.map(item => `<span class="item">${escapeHtml(item)}</span>`).join('');
}
