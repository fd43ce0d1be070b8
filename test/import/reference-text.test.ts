import * as fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { Column, type OfficialTable } from '../../src/compile/official-table.js';
import { importText } from '../../src/import/pdf-text.js';
import { createServices, diagnosticsOf, parseDocument, readReferenceExample, referenceText, stripWhitespace } from '../helpers.js';
import { expectPublishedReferenceTable, projectRows, publishedText } from '../published-table.js';
import { perfOf } from './import-helpers.js';

/** The published PDF text of the reference table, imported without any help: the main "done when". */
describe('importing the published reference text', () => {
    let text: string;
    let errors: string[];
    let table: OfficialTable;
    let expected: OfficialTable;
    let published: string;

    beforeAll(async () => {
        const services = await createServices();
        const source = fs.readFileSync(referenceText, 'utf8');
        published = publishedText();
        ({ text, errors, official: table } = await perfOf(importText(source, 'nansha-commerce-bureau.txt'), services));
        expected = buildOfficialTable((await parseDocument(readReferenceExample(), services)).parseResult.value);
    });

    test('gives a document without errors and with nothing left unexplained', () => {
        expect(errors).toEqual([]);
        expect(text).toContain('// 部门 1 个，项目 28 个，指标 183 个。');
        expect(text).toContain('// 未识别的内容：无');
    });

    test('28 project names and amounts in published order, 28 goals and 183 indicator texts, as published', () => {
        expectPublishedReferenceTable(table, published);
        expect(table.rows.slice(0, 2).map(row => row.cells)).toEqual(expected.rows.slice(0, 2).map(row => row.cells));
    });

    test('the same table as the hand transcription (whitespace aside)', () => {
        const strip = (t: OfficialTable) => t.rows.map(row => row.cells.map(stripWhitespace));
        expect(strip(table)).toEqual(strip(expected));
    });

    test('targets are typed where the grammar allows and quoted verbatim elsewhere', () => {
        expect(text).toContain('11 "南沙港区集装箱吞吐量增长率" 指标值 ≥3%');
        expect(text).toContain('指标值 "新增10万标准箱及以上"');
        expect(text).toContain('指标值 不低于3');
        expect(text).toContain('指标值 "读取时间≤12毫秒、读取率≥99.9%"');
    });

    test('the goal that the PDF prints after its indicators goes to the goal, its lone 。 to the indicators', () => {
        const row = projectRows(table).find(r => r.cells[Column.name] === '商务综合服务经费')!;
        expect(stripWhitespace(row.cells[Column.goal])).toBe(stripWhitespace('1.营造良好营商环境、消费氛围；2.创新商务服务的体制机制，提高服务效率和服务质量；3 合理优化资源配置，充分发挥政府职能，提高效率。'));
        expect(row.cells[Column.indicators].endsWith('年度指标值:≥85%。')).toBe(true);
    });

    test('the reference document is written in canonical form (it formats to itself)', async () => {
        const document = await parseDocument(text);
        expect(diagnosticsOf(document, 1)).toEqual([]);
        expect(text).toMatch(/^部门 "广州南沙经济技术开发区商务局" \{\n {4}单位 万元\n {4}合计 67,522.75\n {4}财政拨款 67,522.75\n\n {4}项目 "工作经费" \{\n {8}总计 24.00\n/m);
    });
});
