import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { renderHtml } from '../../src/compile/html.js';
import type { PerfFile } from '../../src/language/generated/ast.js';
import { CHROMIUM_MISSING_MESSAGE, ChromiumMissingError, renderPdf } from '../../src/compile/pdf.js';
import { FORMULA_NAME, SCRIPT_NAME, sampleTable } from '../fixtures/official-table.js';
import { parseDocument, readReferenceExample, stripWhitespace } from '../helpers.js';
import { ensurePdfTools, pdfPages, pdfText } from './pdf-tools.js';

const tools = ensurePdfTools();

/**
 * The 项目名称 column on the printed page: 12 mm margin (34 pt), then 14% of the 774 pt wide table.
 * A little wider on both sides is harmless: the neighbouring column starts with amounts.
 */
const NAME_COLUMN: [number, number] = [30, 146];
/** The 绩效指标 column: the last 37% of the table. */
const INDICATOR_COLUMN: [number, number] = [520, 812];

function writeTemp(pdf: Buffer): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-pdf-test-')), 'table.pdf');
    fs.writeFileSync(file, pdf);
    return file;
}

describe.skipIf(tools.skipReason !== undefined)(`PDF through headless Chromium${tools.skipReason ? ` (SKIPPED: ${tools.skipReason})` : ''}`, () => {
    let pdf: Buffer;
    let text: string;
    let names: string;
    let document: PerfFile;

    beforeAll(async () => {
        document = (await parseDocument(readReferenceExample())).parseResult.value;
        pdf = await renderPdf(renderHtml(buildOfficialTable(document)));
        const file = writeTemp(pdf);
        text = stripWhitespace(pdfText(file));
        names = stripWhitespace(pdfText(file, NAME_COLUMN));
    });

    it('is a PDF of A4 landscape pages', () => {
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const { count, mediaBoxes } = pdfPages(pdf);
        expect(count).toBeGreaterThanOrEqual(1);
        expect(mediaBoxes.length).toBeGreaterThanOrEqual(count);
        for (const [x0, y0, x1, y1] of mediaBoxes) {
            expect([x0, y0, Math.round(x1), Math.round(y1)]).toEqual([0, 0, 842, 595]);
        }
    });

    it('holds the title, department, every project name, amounts and indicators as text', () => {
        expect(text).toContain('项目支出绩效目标表（含转移支付项目）');
        expect(text).toContain('部门名称：广州南沙经济技术开发区商务局');
        for (const project of document.departments[0].projects) {
            expect(names).toContain(stripWhitespace(project.name));
        }
        expect(text).toContain('67,522.75');
        expect(text).toContain('50,000.00');
        const indicators = stripWhitespace(pdfText(writeTemp(pdf), INDICATOR_COLUMN));
        expect(indicators).toContain(stripWhitespace(buildOfficialTable(document).rows[2].cells[6]));
        expect(indicators).toContain('1、1-产出指标；11-数量指标；南沙港区集装箱吞吐量增长率；实施周期指标值:≥3%；年度指标值:≥3%。');
    });

    it('prints hostile names as plain text', async () => {
        const hostile = stripWhitespace(pdfText(writeTemp(await renderPdf(renderHtml(sampleTable))), NAME_COLUMN));
        expect(hostile).toContain(stripWhitespace(SCRIPT_NAME));
        expect(hostile).toContain(stripWhitespace(FORMULA_NAME));
    });
});

describe('PDF without Chromium', () => {
    afterEach(() => vi.unstubAllEnvs());

    it('fails with the one-line message saying what to install', async () => {
        vi.stubEnv('PERF_CHROMIUM', path.join(os.tmpdir(), 'no-such-chromium'));
        const attempt = renderPdf(renderHtml(sampleTable));
        await expect(attempt).rejects.toBeInstanceOf(ChromiumMissingError);
        await expect(attempt).rejects.toThrow(CHROMIUM_MISSING_MESSAGE);
        expect(CHROMIUM_MISSING_MESSAGE).toBe('PDF needs Chromium: apt-get install chromium (or print the HTML from a browser)');
    });
});
