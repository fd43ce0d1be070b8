import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { renderHtml } from '../../src/compile/html.js';
import type { PerfFile } from '../../src/language/generated/ast.js';
import { CHROMIUM_MISSING_MESSAGE, ChromiumMissingError, chromiumCandidates, findChromium, renderPdf } from '../../src/compile/pdf.js';
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

    it('PERF_CHROMIUM naming nothing runnable fails with a one-line message naming the variable and the path', async () => {
        const missing = path.join(os.tmpdir(), 'no-such-chromium');
        vi.stubEnv('PERF_CHROMIUM', missing);
        const attempt = renderPdf(renderHtml(sampleTable));
        await expect(attempt).rejects.toBeInstanceOf(ChromiumMissingError);
        await expect(attempt).rejects.toThrow(`PERF_CHROMIUM names ${missing}, which is not a program perf can run`);
    });

    it('the message when no browser is found says what to install and names PERF_CHROMIUM', () => {
        expect(new ChromiumMissingError().message).toBe(CHROMIUM_MISSING_MESSAGE);
        expect(CHROMIUM_MISSING_MESSAGE).toMatch(/^PDF needs Chrome, Edge or Chromium/);
        expect(CHROMIUM_MISSING_MESSAGE).toContain('apt-get install chromium');
        expect(CHROMIUM_MISSING_MESSAGE).toContain('the variable PERF_CHROMIUM; or print the HTML from a browser');
        expect(CHROMIUM_MISSING_MESSAGE).not.toContain('\n');
    });
});

describe('finding Chrome, Edge or Chromium', () => {
    it('on Windows: Chrome, Edge, Chromium under Program Files, Program Files (x86) and the user\'s AppData', () => {
        const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' };
        const candidates = chromiumCandidates('win32', env, 'C:\\Users\\u');
        expect(candidates).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
        expect(candidates).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
        expect(candidates).toContain('C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
        expect(candidates).toContain('C:\\Users\\u\\AppData\\Local\\Chromium\\Application\\chrome.exe');
        // Chrome first: a machine with both prints with Chrome, as before; Edge, on every Windows, is the fallback.
        expect(candidates[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    });

    it('on macOS: the app bundles in /Applications and ~/Applications', () => {
        const candidates = chromiumCandidates('darwin', {}, '/Users/u');
        expect(candidates).toEqual([
            '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
            '/Users/u/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
            '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
            '/Users/u/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
            '/Applications/Chromium.app/Contents/MacOS/Chromium',
            '/Users/u/Applications/Chromium.app/Contents/MacOS/Chromium'
        ]);
    });

    it('finds an installed browser in a usual place, and nothing where none is installed', () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-home-'));
        // macOS places on a machine without /Applications (this Linux): none until one is installed under home.
        if (!fs.existsSync('/Applications')) {
            expect(findChromium({}, 'darwin', home)).toBeUndefined();
        }
        const edge = path.join(home, 'Applications', 'Microsoft Edge.app', 'Contents', 'MacOS', 'Microsoft Edge');
        fs.mkdirSync(path.dirname(edge), { recursive: true });
        fs.writeFileSync(edge, '#!/bin/sh\n', { mode: 0o755 });
        expect(findChromium({}, 'darwin', home)).toBe(edge);
        // PERF_CHROMIUM, when set, is the only one tried.
        expect(findChromium({ PERF_CHROMIUM: path.join(home, 'nothing') }, 'darwin', home)).toBeUndefined();
        expect(findChromium({ PERF_CHROMIUM: edge }, 'linux', home)).toBe(edge);
        // A folder is not a program.
        expect(findChromium({ PERF_CHROMIUM: home }, 'linux', home)).toBeUndefined();
    });
});
