/**
 * Each layout's example as a real program shows it: the HTML printed by headless Chromium (the PDF), read
 * back with pdftotext; the XLSX opened by LibreOffice and converted to CSV, compared with the published model.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { renderHtml } from '../../src/compile/html.js';
import type { OfficialTable } from '../../src/compile/official-table.js';
import { renderPdf } from '../../src/compile/pdf.js';
import { renderXlsx } from '../../src/compile/xlsx.js';
import { ensurePackages, hasCommand } from '../debian-packages.js';
import { TWO_FORMS } from '../fixtures/layout-forms.js';
import { parseDocument, repoRoot, stripWhitespace } from '../helpers.js';
import { ensurePdfTools, pdfPages, pdfText } from './pdf-tools.js';

const tools = ensurePdfTools();
const office = ensurePackages('LibreOffice', [
    { check: () => hasCommand('soffice'), package: 'libreoffice-calc' },
    { check: () => hasCommand('pdftotext'), package: 'poppler-utils' }
]);
const CONVERSION_TIMEOUT_MS = 180_000;
const EXAMPLES = ['project-form', 'indicator-rows', 'department'] as const;

async function exampleTable(name: string): Promise<OfficialTable> {
    const document = await parseDocument(fs.readFileSync(path.join(repoRoot, 'examples', `${name}.perf`), 'utf8'));
    return buildOfficialTable(document.parseResult.value);
}

/** Characters of a cell that fit on one line of its narrowest column at the printed size. */
const SHORT_CELL = 4;

/** Whether the characters of `cell` occur in `text` in the same order. */
function inOrder(cell: string, text: string): boolean {
    let at = 0;
    for (const character of cell) {
        at = text.indexOf(character, at);
        if (at < 0) {
            return false;
        }
        at += character.length;
    }
    return true;
}

/** Every text cell of the published model, whitespace removed. */
function cellTexts(table: OfficialTable): string[] {
    return table.sheet!.blocks.flatMap(block => [...block.header, ...block.rows])
        .flatMap(row => row.cells.map(cell => stripWhitespace(cell.text))).filter(text => text !== '');
}

describe.skipIf(tools.skipReason !== undefined)(`each layout printed by Chromium${tools.skipReason ? ` (SKIPPED: ${tools.skipReason})` : ''}`, () => {
    it.each(EXAMPLES)('%s: A4 landscape pages with the title and every cell', async name => {
        const table = await exampleTable(name);
        const pdf = await renderPdf(renderHtml(table));
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-layout-pdf-')), `${name}.pdf`);
        fs.writeFileSync(file, pdf);
        const { count, mediaBoxes } = pdfPages(pdf);
        expect(count).toBe(1);
        expect(mediaBoxes.map(([x0, y0, x1, y1]) => [x0, y0, Math.round(x1), Math.round(y1)])).toContainEqual([0, 0, 842, 595]);
        const text = stripWhitespace(pdfText(file));
        expect(text).toContain(stripWhitespace(table.sheet!.title));
        expect(table.sheet!.title).toMatch(/2024年度/);
        // pdftotext reads a page line by line across the columns, so a cell that wraps comes back interleaved
        // with its neighbours: a short cell reads back whole, a longer one with its characters in order.
        for (const cell of cellTexts(table)) {
            if (Array.from(cell).length <= SHORT_CELL) {
                expect(text, cell).toContain(cell);
            } else {
                expect(inOrder(cell, text), cell).toBe(true);
            }
        }
    }, 60_000);
});

describe.skipIf(tools.skipReason !== undefined)(`项目表 printed by Chromium${tools.skipReason ? ` (SKIPPED: ${tools.skipReason})` : ''}`, () => {
    it('prints each project\'s form on its own page', async () => {
        const table = buildOfficialTable((await parseDocument(TWO_FORMS)).parseResult.value);
        const pdf = await renderPdf(renderHtml(table));
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-layout-pdf-')), 'two-forms.pdf');
        fs.writeFileSync(file, pdf);
        const pages = pdfText(file).split('\f').slice(0, -1).map(stripWhitespace);
        expect(pages).toHaveLength(2);
        expect(pages[0]).toContain('示例管网改造');
        expect(pages[1]).toContain('示例水质监测');
        expect(pages[1]).not.toContain('示例管网改造');
    }, 60_000);
});

/** Converts `file` with LibreOffice headless (a private profile) and returns the converted file's path. */
function convertWithLibreOffice(file: string, workDir: string): string {
    const profile = pathToFileURL(path.join(workDir, 'profile')).href;
    const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir', workDir, file], { encoding: 'utf8', timeout: CONVERSION_TIMEOUT_MS });
    const converted = path.join(workDir, `${path.basename(file, '.xlsx')}.csv`);
    if (result.status !== 0 || !fs.existsSync(converted)) {
        throw new Error(`LibreOffice could not convert ${file} (exit ${result.status}): ${result.stdout}${result.stderr}`);
    }
    return converted;
}

describe.skipIf(office.skipReason !== undefined)(`each layout opened by LibreOffice${office.skipReason ? ` (SKIPPED: ${office.skipReason})` : ''}`, () => {
    const shown = new Map<string, string[][]>();

    beforeAll(async () => {
        const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-layout-libreoffice-'));
        for (const name of EXAMPLES) {
            const file = path.join(workDir, `${name}.xlsx`);
            fs.writeFileSync(file, await renderXlsx(await exampleTable(name)));
            shown.set(name, parse(fs.readFileSync(convertWithLibreOffice(file, workDir), 'utf8'), { relaxColumnCount: true }));
        }
    }, EXAMPLES.length * CONVERSION_TIMEOUT_MS);

    it('项目表: the form as LibreOffice shows it, row for row', () => {
        const rows = shown.get('project-form')!;
        expect(rows[0][0]).toBe('项目支出绩效目标表（2024年度）');
        expect(rows[2]).toEqual(['项目名称', '示例校舍维修', '', '', '', '', '', '']);
        expect(rows[3]).toEqual(['主管部门及代码', '示例县教育局[015001]', '', '', '实施单位', '示例县第一小学', '', '']);
        expect(rows[6]).toEqual(['项目资金（万元）', '年度资金总额', '', '', '120.00', '', '', '']);
        expect(rows[14]).toEqual(['', '产出指标(40-50)分', '数量指标', '屋面防水面积', '≥1200平方米', '≥1200平方米', '按竣工验收单计算\n计划标准', '25']);
        expect(rows.find(row => row.includes('预算执行率'))).toEqual(['', '预算执行率', '', '', '', '', '', '10']);
    });

    it('指标行: one indicator per row, comparator, number and unit apart', () => {
        const rows = shown.get('indicator-rows')!;
        expect(rows[2]).toEqual(['单位名称', '项目名称', '预算数（元）', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性']);
        expect(rows[3]).toEqual(['示例市图书馆', '示例阅读推广活动', '80,000.00', '全年举办阅读推广活动不少于24场，覆盖读者5000人次。', '产出指标', '数量指标',
            '举办阅读推广活动场次', '≥', '24', '场', '30', '正向']);
        expect(rows[8].slice(4)).toEqual(['满意度指标', '服务对象满意度', '读者满意度', '≥', '90', '%', '20', '正向']);
    });

    it('部门整体: duties, goal and the department\'s indicators', () => {
        const rows = shown.get('department')!;
        expect(rows.find(row => row[0] === '部门职责')?.[1]).toBe('组织开展群众文化活动，指导基层文化建设，保护非物质文化遗产。');
        expect(rows.find(row => row.includes('举办群众文化活动'))).toEqual(['产出指标', '数量指标', '举办群众文化活动', '定量', '≥50', '场', '', '每少1场扣1分']);
    });
});
