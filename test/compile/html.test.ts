import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/compile/escape.js';
import { DEFAULT_CSP, renderHtml, renderHtmlFragment } from '../../src/compile/html.js';
import { LONG_INDICATORS, SCRIPT_NAME, sampleTable } from '../fixtures/official-table.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The textContent of an HTML snippet: tags dropped, the five entities escapeHtml writes decoded. */
function textContent(html: string): string {
    return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]);
}

interface ParsedRow { attributes: string; cells: Array<{ tag: string; attributes: string; html: string }> }

function parseRows(html: string): ParsedRow[] {
    return [...html.matchAll(/<tr([^>]*)>([\s\S]*?)<\/tr>/g)].map(([, attributes, inner]) => ({
        attributes,
        cells: [...inner.matchAll(/<(t[hd])([^>]*)>([\s\S]*?)<\/\1>/g)].map(([, tag, attrs, cellHtml]) => ({ tag, attributes: attrs, html: cellHtml }))
    }));
}

describe('renderHtml', () => {
    const html = renderHtml(sampleTable);
    const rows = parseRows(html);

    it('is a self-contained HTML5 document', () => {
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
        expect(html).toContain('<meta charset="utf-8">');
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(DEFAULT_CSP)}">`);
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<link|<img|<iframe|@import|url\(|\bsrc=|\bhref=/i);
        // The only "http" in the document is inside cell text (the fixture's HYPERLINK name).
        const markupOnly = html.replace(/>[^<]*</g, '><');
        expect(markupOnly).not.toMatch(/https?:|\/\//i);
        expect(html.match(/<style>/g)).toHaveLength(1);
    });

    it('has the print CSS', () => {
        expect(html).toContain('@page { size: A4 landscape; margin: 12mm; }');
        expect(html).toMatch(/thead \{ display: table-header-group; \}/);
        expect(html).toMatch(/tr \{ break-inside: avoid;/);
        expect(html).toContain('font-family: SimSun, "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif');
        expect(html).toContain('font-variant-numeric: tabular-nums');
        expect(html).toMatch(/tr\.row-project td\.name \{ padding-left: [^;]+; \}/);
    });

    it('shows the title, department and unit above the table', () => {
        // The visible title carries the 预算年度 (the JSON title stays the 表名).
        expect(html).toContain(`<h1>${sampleTable.year}年${sampleTable.title}</h1>`);
        expect(html).toContain(`<span class="department">部门名称：${sampleTable.department}</span>`);
        expect(html).toContain('<span class="unit">单位：万元</span>');
        expect(html.indexOf('<h1>')).toBeLessThan(html.indexOf('<table>'));
    });

    it('has one header row and one row per table row, seven cells each', () => {
        expect(rows).toHaveLength(1 + sampleTable.rows.length);
        expect(html.match(/<thead>/g)).toHaveLength(1);
        expect(html).toMatch(/<thead><tr>(<th [^>]*>[^<]*<\/th>){7}<\/tr><\/thead>/);
        for (const row of rows) {
            expect(row.cells).toHaveLength(7);
        }
        expect(rows[0].cells.map(cell => cell.tag)).toEqual(Array(7).fill('th'));
        expect(rows[0].cells.map(cell => textContent(cell.html))).toEqual(sampleTable.columns);
        expect(html.match(/<col /g)).toHaveLength(7);
    });

    it('keeps the text of every cell exactly', () => {
        sampleTable.rows.forEach((row, i) => {
            const parsed = rows[i + 1];
            expect(parsed.cells.map(cell => cell.tag)).toEqual(Array(7).fill('td'));
            expect(parsed.cells.map(cell => textContent(cell.html))).toEqual(row.cells);
        });
    });

    it('marks each row with its level', () => {
        const classes = { 0: 'row-total', 1: 'row-department', 2: 'row-project' };
        sampleTable.rows.forEach((row, i) => {
            expect(rows[i + 1].attributes).toBe(` class="${classes[row.level]}" data-level="${row.level}"`);
        });
    });

    it('right-aligns amount columns via their class', () => {
        for (const row of rows.slice(1)) {
            expect(row.cells.map(cell => cell.attributes)).toEqual([
                ' class="name"', ' class="amount"', ' class="amount"', ' class="amount"', ' class="amount"',
                ' class="goal"', ' class="indicators"'
            ]);
        }
        expect(html).toMatch(/td\.amount \{ text-align: right;/);
    });

    it('escapes markup in every text', () => {
        const scriptRow = rows.find(row => textContent(row.cells[0].html) === SCRIPT_NAME)!;
        expect(scriptRow.cells[0].html).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(scriptRow.cells[5].html).toBe('&lt;b&gt;bold?&lt;/b&gt;');
        expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
        expect(html).toContain('&#39;apostrophes&#39;');
        const hostile = renderHtml({ ...sampleTable, title: '</title><script>', department: '"><x>', unit: "'&" });
        expect(hostile).not.toMatch(/<script|<x>/);
        expect(hostile).toContain('<title>&quot;&gt;&lt;x&gt; &lt;/title&gt;&lt;script&gt;</title>');
        expect(hostile).toContain('单位：&#39;&amp;');
    });

    it('puts each numbered indicator item on its own line without changing the text', () => {
        const longRow = rows.find(row => textContent(row.cells[6].html) === LONG_INDICATORS.join(''))!;
        const items = [...longRow.cells[6].html.matchAll(/<span class="item">([^<]*)<\/span>/g)].map(m => textContent(m[1]));
        expect(items).toEqual(LONG_INDICATORS);
        expect(html).toMatch(/td\.indicators \.item \{ display: block; \}/);
        // A cell without numbered items is left as plain text.
        expect(html).toContain('<td class="indicators">+1-产出指标；11-数量指标；单项指标，没有编号。</td>');
    });

    it('accepts a webview CSP and style nonce', () => {
        const csp = "default-src 'none'; style-src 'nonce-abc123'";
        const custom = renderHtml(sampleTable, { csp, styleNonce: 'abc123' });
        expect(custom).toContain(`content="${escapeHtml(csp)}"`);
        expect(custom).toContain('<style nonce="abc123">');
        expect(custom).not.toContain(escapeHtml(DEFAULT_CSP));
    });

    it('offers the table as a fragment', () => {
        const fragment = renderHtmlFragment(sampleTable);
        expect(html).toContain(fragment);
        expect(fragment).not.toMatch(/<html|<head|<style/);
        expect(fragment.startsWith('<div class="perf-official" data-year="2023">')).toBe(true);
    });
});
