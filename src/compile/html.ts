/**
 * Renders the official table (项目支出绩效目标表) as one self-contained, printable HTML5 document:
 * no script, no external URL, inline style only. Cell text is never altered: layout helpers
 * (indentation, line breaks before indicator items) are CSS on wrapping elements, so the
 * textContent of every cell equals the published cell string.
 */
import { escapeHtml } from './escape.js';
import { PROJECT_LIST } from './layouts.js';
import { listSheet } from './list-sheet.js';
import type { OfficialTable, PublishedBlock, PublishedCell, PublishedRow, PublishedSheet } from './official-table.js';

export interface RenderHtmlOptions {
    /** Content-Security-Policy for the meta tag; a VS Code webview passes its own (e.g. with a nonce). */
    csp?: string;
    /** Nonce for the inline <style>, when the CSP allows styles by nonce rather than 'unsafe-inline'. */
    styleNonce?: string;
}

export const DEFAULT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

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
.perf-official table ~ table { margin-top: 12pt; }
.perf-official[data-layout="项目表"] table ~ table { break-before: page; }
.perf-official td.label, .perf-official td.heading, .perf-official td.number { text-align: center; vertical-align: middle; }
.perf-official td.heading { font-weight: bold; }
.perf-official td .line { display: block; }
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
        `<title>${escapeHtml(`${table.department} ${table.sheet?.title ?? table.title}`.trim())}</title>`,
        `<style${nonce}>\n${OFFICIAL_TABLE_CSS}\n</style>`,
        '</head>',
        '<body>',
        renderHtmlFragment(table),
        '</body>',
        '</html>',
        ''
    ].join('\n');
}

/** The table alone (title, the line under it, the table), for embedding next to OFFICIAL_TABLE_CSS. */
export function renderHtmlFragment(table: OfficialTable): string {
    const sheet = table.sheet ?? listSheet(table);
    const layout = table.layout && table.layout !== PROJECT_LIST.name ? ` data-layout="${escapeHtml(table.layout)}"` : '';
    return [
        `<div class="perf-official"${table.year ? ` data-year="${escapeHtml(table.year)}"` : ''}${layout}>`,
        `<h1>${escapeHtml(sheet.title)}</h1>`,
        '<div class="meta">',
        ...sheet.meta.map(meta => `<span class="${escapeHtml(meta.role)}">${escapeHtml(meta.text)}</span>`),
        '</div>',
        ...sheet.blocks.flatMap(block => renderBlock(sheet, block)),
        '</div>'
    ].join('\n');
}

function renderBlock(sheet: PublishedSheet, block: PublishedBlock): string[] {
    const cols = sheet.columns.map(column => `<col class="${escapeHtml(column.role)}" style="width: ${escapeHtml(column.htmlWidth)}">`).join('');
    return [
        '<table>',
        `<colgroup>${cols}</colgroup>`,
        ...(block.header.length === 0 ? [] : [`<thead>${block.header.map(row => renderRow(row, 'th')).join('')}</thead>`]),
        '<tbody>',
        ...block.rows.map(row => renderRow(row, 'td')),
        '</tbody>',
        '</table>'
    ];
}

function renderRow(row: PublishedRow, tag: 'th' | 'td'): string {
    const cells = row.cells.map(cell => {
        const scope = tag === 'th' ? ' scope="col"' : '';
        const spans = (cell.colSpan ? ` colspan="${cell.colSpan}"` : '') + (cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : '');
        return `<${tag}${scope} class="${cell.role}"${spans}>${cellContent(cell)}</${tag}>`;
    }).join('');
    if (row.role === 'header') {
        return `<tr>${cells}</tr>`;
    }
    return `<tr class="row-${row.role}"${row.level === undefined ? '' : ` data-level="${row.level}"`}>${cells}</tr>`;
}

/**
 * A cell shown on several lines (each numbered indicator item of a 项目列表, 指标解释 beside 绩效标准) has each
 * line in a block span; the spans' text is the cell's lines exactly (no added text).
 */
function cellContent(cell: PublishedCell): string {
    if (!cell.lines) {
        return escapeHtml(cell.text);
    }
    const lineClass = cell.role === 'indicators' ? 'item' : 'line';
    return cell.lines.map(line => `<span class="${lineClass}">${escapeHtml(line)}</span>`).join('');
}
