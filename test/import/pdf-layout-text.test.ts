import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import type { OfficialTable } from '../../src/compile/official-table.js';
import { ImportError } from '../../src/import/import-model.js';
import { importLayoutText, isLayoutText } from '../../src/import/pdf-layout-text.js';
import { allNotes } from '../../src/import/summary.js';
import { createServices, parseDocument, readReferenceExample, referenceText, repoRoot, stripWhitespace } from '../helpers.js';
import { expectPublishedReferenceTable, publishedText } from '../published-table.js';
import { perfOf, withoutComments, type Services } from './import-helpers.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'import');
/** `pdftotext -layout` of perf's own PDF of the reference table (14 pages, so 13 repeated headers). */
const nanshaLayout = path.join(fixtures, 'nansha-layout.txt');
/** Hand-made: a wrapped name with its amounts on a line of their own, 其他资金, a long goal, page numbers. */
const smallLayout = path.join(fixtures, 'layout-small.txt');

describe('recognising the layout form', () => {
    test('pdftotext -layout text is layout text, a plain copy of the same table is not', () => {
        expect(isLayoutText(fs.readFileSync(nanshaLayout, 'utf8'))).toBe(true);
        expect(isLayoutText(fs.readFileSync(smallLayout, 'utf8'))).toBe(true);
        expect(isLayoutText(fs.readFileSync(referenceText, 'utf8'))).toBe(false);
    });
});

describe('importing pdftotext -layout of the reference table', () => {
    let services: Services;
    let text: string;
    let errors: string[];
    let table: OfficialTable;
    let published: string;

    beforeAll(async () => {
        services = await createServices();
        published = publishedText();
        ({ text, errors, official: table } = await perfOf(importLayoutText(fs.readFileSync(nanshaLayout, 'utf8'), 'nansha-layout.txt'), services));
    });

    test('gives a document without errors: 1 department, 28 projects, 183 indicators', () => {
        expect(errors).toEqual([]);
        expect(text).toContain('// 部门 1 个，项目 28 个，指标 183 个。');
        expect(text).toContain('部门 "广州南沙经济技术开发区商务局" {');
    });

    test('28 project names and amounts in published order, 28 goals and 183 indicator texts, as published', () => {
        expectPublishedReferenceTable(table, published);
    });

    test('the same table as the hand transcription, cell for cell (whitespace aside)', async () => {
        const expected = buildOfficialTable((await parseDocument(readReferenceExample(), services)).parseResult.value);
        const strip = (t: OfficialTable) => t.rows.map(row => row.cells.map(stripWhitespace));
        expect(strip(table)).toEqual(strip(expected));
    });

    test('the header repeated on each of the 13 later pages is reported as page furniture with its lines', () => {
        const furniture = text.split('\n').filter(line => line.includes('分页处重复的表头（页面元素）') && line.startsWith('//   '));
        expect(furniture).toHaveLength(13);
        expect(furniture[0]).toBe('//   第22-23行：分页处重复的表头（页面元素），已略过');
    });
});

describe('a small layout table made for the messy cases', () => {
    const source = fs.readFileSync(smallLayout, 'utf8');
    const imported = importLayoutText(source, 'layout-small.txt');
    const [department] = imported.departments;
    const [wrapped, withOtherFunds] = department.projects;

    test('header area, 合计 and the department row', () => {
        expect(imported.title).toBe('项目支出绩效目标表（含转移支付项目）');
        expect(imported.unit).toBe('万元');
        expect(imported.grandTotal?.amounts).toEqual({ total: '130.00', fiscal: '80.00', other: '50.00' });
        expect(department.name).toBe('某某区示范局');
        expect(department.amounts).toEqual({ total: '130.00', fiscal: '80.00', other: '50.00' });
        expect(department.projects).toHaveLength(2);
    });

    test('a name wrapped over three lines, with its amounts on a line of their own below it', () => {
        expect(wrapped.name).toBe('城乡公共服务设施综合提升改造工程（一期）');
        expect(wrapped.position).toBe('第7行');
        expect(wrapped.amounts).toEqual({ total: '30.00', fiscal: '30.00' });
    });

    test('a goal wrapped over eight lines is joined without line breaks, beside its indicators', () => {
        expect(wrapped.goal).toEqual(['完成辖区内老旧公共服务设施的排查、维修和改造，改善居民出行和生活条件，提升公共服务均等化水平，推动城乡融合发展，'
            + '确保工程质量合格、资金使用规范、群众满意度持续提高，为下一年度二期工程打好基础。']);
        expect(wrapped.indicators.map(indicator => [indicator.position, indicator.name, indicator.annual])).toEqual([
            ['第7行', '改造设施数量', '≥20处'], ['第9行', '验收合格率', '100%'], ['第11行', '居民满意度', '≥90%']
        ]);
        expect(wrapped.notes).toEqual([]);
    });

    test('其他资金 goes to its own column by position, not to 财政专户拨款', () => {
        expect(withOtherFunds.name).toBe('社会资金合作项目');
        expect(withOtherFunds.amounts).toEqual({ total: '100.00', fiscal: '50.00', other: '50.00' });
        expect(withOtherFunds.goal).toEqual(['引导社会资金参与公共服务。']);
        expect(withOtherFunds.indicators.map(indicator => indicator.period)).toEqual(['≥3个', '≥500万元']);
    });

    test('page numbers and the repeated header are reported with their lines, nothing else is', () => {
        expect(allNotes(imported).map(note => `${note.position} ${note.message}`)).toEqual([
            '第15行 页码（页面元素），已略过',
            '第16-17行 分页处重复的表头（页面元素），已略过',
            '第23行 页码（页面元素），已略过'
        ]);
    });

    test('writes a valid document whose figures add up', async () => {
        const { text, errors } = await perfOf(imported, await createServices());
        expect(errors).toEqual([]);
        expect(text).toContain('// 各项目金额合计（万元）：总计 130.00，财政拨款 80.00，财政专户拨款 0.00，其他资金 50.00。');
        expect(text).toMatch(/项目 "社会资金合作项目" \{\n {8}总计 100.00\n {8}财政拨款 50.00\n {8}其他资金 50.00\n/);
    });

    test('a run that starts a character or two left of its column still belongs to it', () => {
        const drifted = source.replace('\n                                                          个；年度指标值:≥3个。', '\n                                                        个；年度指标值:≥3个。');
        expect(drifted).not.toBe(source);
        const project = importLayoutText(drifted, 'drifted.txt').departments[0].projects[1];
        expect(project.indicators.map(indicator => indicator.annual)).toEqual(['≥3个', '≥500万元']);
        expect(project.goal).toEqual(['引导社会资金参与公共服务。']);
    });

    test('text above any row is kept as a note with its line, not dropped', () => {
        const lines = source.split('\n');
        lines.splice(4, 0, '                                            无主的说明文字');
        const table = importLayoutText(lines.join('\n'), 'stray.txt');
        expect(allNotes(table)[0]).toEqual({ position: '第5行', message: '不属于任何项目的文字，未写入文档', text: '无主的说明文字' });
    });

    test('a header with a column perf does not know is refused with file:line:col and the expected order', () => {
        const unknown = source.replace(/其他资金(?= {8}绩效目标)/g, '自筹说明');
        expect(() => importLayoutText(unknown, 'odd.txt')).toThrow(ImportError);
        expect(() => importLayoutText(unknown, 'odd.txt')).toThrow(/^odd\.txt:3:1: 表头“.*”的列无法识别（自筹说明）：pdftotext -layout 文本应为/);
    });
});

describe('perf import FILE.txt picks the reader by itself', () => {
    test('layout text and a plain copy of the same table give the same document', () => {
        const perf = path.join(repoRoot, 'bin', 'perf.js');
        const layout = execFileSync('node', [perf, 'import', nanshaLayout], { encoding: 'utf8' });
        const plain = execFileSync('node', [perf, 'import', referenceText], { encoding: 'utf8' });
        expect(layout).toContain('项目 "商务综合服务经费" {');
        expect(stripWhitespace(withoutComments(layout))).toBe(stripWhitespace(withoutComments(plain)));
        const small = execFileSync('node', [perf, 'import', smallLayout], { encoding: 'utf8' });
        expect(small).toContain('// 导入摘要（PDF 文本：layout-small.txt）');
        expect(small).toContain('其他资金 50.00');
    });
});
