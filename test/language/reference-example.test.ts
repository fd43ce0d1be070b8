import { beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { Column, type OfficialTable } from '../../src/compile/official-table.js';
import type { Indicator } from '../../src/language/generated/ast.js';
import { targetMeaning } from '../../src/model/indicators.js';
import { describeThreshold } from '../../src/model/threshold.js';
import { diagnosticsOf, parseDocument, readReferenceExample, stripWhitespace } from '../helpers.js';
import { expectPublishedReferenceTable, indicatorItems, projectRows, publishedText } from '../published-table.js';

/**
 * The whole published table, transcribed into examples/nansha-commerce-bureau.perf, must compile back to
 * the published text: every name, amount, goal and indicator, character for character.
 */
describe('the reference table (广州南沙经济技术开发区商务局)', () => {
    let table: OfficialTable;
    let published: string;
    let indicators: Indicator[];

    beforeAll(async () => {
        const document = await parseDocument(readReferenceExample());
        expect(diagnosticsOf(document, 1)).toEqual([]);
        table = buildOfficialTable(document.parseResult.value);
        indicators = document.parseResult.value.departments[0].projects.flatMap(project => project.indicators);
        published = publishedText();
    });

    const projects = () => projectRows(table);

    test('has its 28 project names and amounts in order, 28 goals and 183 indicator texts as published', () => {
        expectPublishedReferenceTable(table, published);
        projects().forEach(row => expect(row.cells[Column.specialAccount] + row.cells[Column.other]).toBe(''));
    });

    test('header, 合计 and department rows are as published', () => {
        expect(table.title).toBe('项目支出绩效目标表（含转移支付项目）');
        expect(table.department).toBe('广州南沙经济技术开发区商务局');
        expect(table.unit).toBe('万元');
        expect(published.startsWith(stripWhitespace(
            `${table.title} 部门名称：${table.department} 单位：${table.unit} ${table.columns.join(' ')}`))).toBe(true);
        expect(table.rows[0].cells).toEqual(['合计', '67,522.75', '67,522.75', '', '', '', '']);
        expect(table.rows[1].cells).toEqual(['广州南沙经济技术开发区商务局', '67,522.75', '67,522.75', '', '', '', '']);
    });

    test('indicators are numbered per project and each ends with 。', () => {
        for (const row of projects()) {
            indicatorItems(row.cells[Column.indicators]).forEach((item, index) => {
                expect(item.startsWith(`${index + 1}、`)).toBe(true);
                expect(item.endsWith('。')).toBe(true);
            });
        }
    });

    test('indicator cells, goals and amounts together give back the whole published text', () => {
        const header = `${table.title}部门名称：${table.department}单位：${table.unit}${table.columns.join('')}`;
        const rows = table.rows.map(row => row.cells.join('')).join('');
        const rebuilt = stripWhitespace(header + rows);
        // The PDF text puts one project's goal after its indicators, before the cell's closing 。: compare
        // as multisets of characters, which catches any dropped, added or changed character.
        expect(rebuilt.length).toBe(published.length);
        expect([...rebuilt].sort().join('')).toBe([...published].sort().join(''));
    });

    test('targets of every kind are read into their typed meaning', () => {
        const meaning = (name: string, which: 'period' | 'annual' = 'annual') =>
            targetMeaning(indicators.findLast(indicator => indicator.name === name)!, which);
        expect(meaning('南沙港区集装箱吞吐量增长率')).toMatchObject({ kind: 'quantity', comparator: 'ge', unit: '%', dimension: 'percent' });
        expect(meaning('南沙口岸外贸进出口额增长率')).toMatchObject({ kind: 'quantity', comparator: 'ge', comparatorText: '≧' });
        expect(meaning('使用企业数')).toMatchObject({ comparator: 'ge', comparatorForm: 'word', unit: '家', dimension: 'count' });
        expect(meaning('新增箱量数量')).toMatchObject({ comparator: 'ge', comparatorForm: 'suffix', unit: '万标准箱', before: '新增' });
        expect(meaning('响应时间（秒）')).toMatchObject({ comparator: 'ge', unit: '秒', unitFromName: true, dimension: 'time' });
        expect(meaning('卡口闸机单次起/降时间')).toMatchObject({ comparator: 'le', numberText: '1.6', unit: 's', dimension: 'time' });
        expect(meaning('车辆检测器平均使用寿命')).toMatchObject({ comparator: 'gt', unit: '万辆次' });
        expect(meaning('编外人员薪资发放及时性')).toMatchObject({ comparator: 'eq', comparatorForm: 'none', unit: '%' });
        expect(meaning('电子车牌读取时间及读取率要求', 'period')).toMatchObject({ kind: 'composite', text: '读取时间≤12毫秒、读取率≥99.9%。' });
        expect(meaning('防水等级')).toMatchObject({ kind: 'grade', grade: 'IP65', comparator: 'ge' });
        expect(meaning('平台各功能正常使用')).toMatchObject({ kind: 'qualitative' });
        expect(meaning('取得建设用地批复', 'period')).toMatchObject({ kind: 'none', text: '无' });
        expect(meaning('取得建设用地批复')).toMatchObject({ kind: 'quantity', unit: '份' });
        expect(meaning('用户投诉')).toMatchObject({ comparator: 'lt', before: '每月出现用户投诉次数', unit: '次' });
        expect(meaning('甲方对乙方提供服务的满意程度')).toMatchObject({ unit: '%', unitText: '％' });
        expect(describeThreshold(meaning('南沙港区集装箱吞吐量增长率'))).toContain('3');
    });

    test('every one of the 366 targets has a typed meaning', () => {
        const kinds = indicators.flatMap(indicator => ['period', 'annual'].map(which =>
            targetMeaning(indicator, which as 'period' | 'annual').kind));
        expect(kinds).toHaveLength(366);
        const count = (kind: string) => kinds.filter(k => k === kind).length;
        expect({ quantity: count('quantity'), composite: count('composite'), grade: count('grade'),
            qualitative: count('qualitative'), none: count('none') })
            .toEqual({ quantity: 354, composite: 4, grade: 4, qualitative: 2, none: 2 });
    });
});
