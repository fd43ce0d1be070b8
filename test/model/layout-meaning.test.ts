import { describe, expect, test } from 'vitest';
import { costItems } from '../../src/model/costs.js';
import { namedFunds, projectFigures, departmentFigures } from '../../src/model/figures.js';
import { targetMeaning } from '../../src/model/indicators.js';
import { budgetYear, monthIndex, parseYearMonth, projectPeriod } from '../../src/model/period.js';
import { directionOf, executionScoreOf, parseScore, scoreRangeOf, valueTypeOf, weightOf } from '../../src/model/scoring.js';
import { describeThreshold, type QuantityThreshold } from '../../src/model/threshold.js';
import { parseDocument } from '../helpers.js';

async function projectOf(body: string) {
    const document = await parseDocument(`部门 "示例局" { 预算年度 2023 单位 万元 项目 "甲" {\n${body}\n} }`);
    return document.parseResult.value.departments[0].projects[0];
}

describe('weights, directions and value types (分值/权重, 正向/反向, 定量/定性)', () => {
    test('a weight is an exact decimal, written as 10, 7.5, 10分 or ５', async () => {
        expect(['10', '7.5', '10分', '５', '12%'].map(text => parseScore(text)?.toString())).toEqual(['10', '7.5', '10', '5', '12']);
        expect(parseScore('十分')).toBeUndefined();
        const project = await projectOf(`11 "场次" 指标值 ≥3场 权重 7.5 反向 定性
            12 "合格率" 指标值 ≥95% 分值 0.1 positive quantitative
            13 "及时率" 指标值 ≥95%
            分值范围 1 40-50
            分值范围 3 10
            预算执行率 10`);
        const [count, quality, timely] = project.indicators;
        expect(weightOf(quality)!.plus(weightOf(count)!).toString()).toBe('7.6');
        expect([directionOf(count), valueTypeOf(count), directionOf(quality), valueTypeOf(quality)])
            .toEqual(['negative', 'qualitative', 'positive', 'quantitative']);
        expect([weightOf(timely), directionOf(timely), valueTypeOf(timely)]).toEqual([undefined, undefined, undefined]);
        expect(project.scores.map(scoreRangeOf).map(range => `${range?.min}-${range?.max}`)).toEqual(['40-50', '10-10']);
        expect(executionScoreOf(project)?.toString()).toBe('10');
    });
});

describe('the project period as a month range', () => {
    test.each([
        ['2023.07', '2024.01', [2023, 7], [2024, 1]],
        ['2023.7', '2024.1', [2023, 7], [2024, 1]],
        ['202001', '202012', [2020, 1], [2020, 12]],
        ['2023', '2025', [2023, 1], [2025, 12]],
        ['2023.07.01', '2024.06.30', [2023, 7], [2024, 6]]
    ])('%s-%s', (start, end, [startYear, startMonth], [endYear, endMonth]) => {
        expect(parseYearMonth(start, 'start')).toEqual({ year: startYear, month: startMonth });
        expect(parseYearMonth(end, 'end')).toEqual({ year: endYear, month: endMonth });
    });
    test('a month that is not one, and the order of months', () => {
        expect(parseYearMonth('2023.13', 'start')).toBeUndefined();
        expect(parseYearMonth('20231', 'start')).toBeUndefined();
        expect(monthIndex({ year: 2023, month: 12 }) < monthIndex({ year: 2024, month: 1 })).toBe(true);
    });
    test('a project reads its 起止时间, a department its 预算年度', async () => {
        const project = await projectOf('起止时间 2023.07 - 2024.01');
        expect(projectPeriod(project)).toEqual({ start: { year: 2023, month: 7 }, end: { year: 2024, month: 1 } });
        expect(budgetYear(project.$container)).toBe(2023);
        expect(projectPeriod(await projectOf(''))).toBeUndefined();
    });
});

describe('named funds: 计入 is part of a keyword source, otherwise a source of its own', () => {
    test('a part within 财政拨款 is not added again; a fund of its own adds to the total, exactly', async () => {
        const project = await projectOf(`总计 100.0000
            财政拨款 60.5000
            资金 "本级财力" 60.5000 计入 财政拨款
            资金 "自有资金" 39.4999
            资金 "上年结转" 0.0001`);
        expect(namedFunds(project).map(fund => [fund.name, fund.value?.toString(), fund.within]))
            .toEqual([['本级财力', '60.5', 'fiscal'], ['自有资金', '39.4999', undefined], ['上年结转', '0.0001', undefined]]);
        const row = projectFigures(project);
        expect([row.computed.fiscal.toString(), row.computed.total.toString()]).toEqual(['60.5', '100']);
    });
    test('parts stand for their source when the source is not written', async () => {
        const row = projectFigures(await projectOf(`资金 "上级补助" 30.00 计入 fiscal
            资金 "本级财力" 20.25 within 财政拨款`));
        expect([row.shown.fiscal.toString(), row.shown.total.toString()]).toEqual(['50.25', '50.25']);
    });
    test('a whole-department table: its named amounts make up its total', async () => {
        const document = await parseDocument('部门 "示例馆" { 资金 "基本支出" 100.00 资金 "项目支出" 50.50 }');
        expect(departmentFigures(document.parseResult.value.departments[0]).shown.total.toString()).toBe('150.5');
    });
});

describe('cost items and the unit column', () => {
    test('a cost item keeps its amount, basis and prior actual', async () => {
        const [item] = costItems(await projectOf('成本 "设备购置费" 20.0050 测算依据 "按报价" 上年 18.00'));
        expect([item.name, item.text, item.value?.toString(), item.prior?.text, item.prior?.value?.toString()])
            .toEqual(['设备购置费', '20.0050', '20.005', '18.00', '18']);
    });
    test('a bare number takes its unit from the unit column: ≥ 95 计量单位 "%" is ≥95%', async () => {
        const project = await projectOf(`12 "验收合格率" 指标值 ≥ 95 计量单位 "%"
            11 "培训人次" 年度 ≥300 度量单位 "人/次"
            12 "响应时间（秒）" 指标值 ≤3 计量单位 "分钟"
            12 "办结率" 指标值 ≥90% 计量单位 "%"`);
        const [rate, people, response, written] = project.indicators.map(indicator => targetMeaning(indicator, 'annual') as QuantityThreshold);
        expect([rate.comparator, rate.value.toString(), rate.unit, rate.dimension, rate.unitFromColumn]).toEqual(['ge', '95', '%', 'percent', true]);
        expect(describeThreshold(rate)).toBe('不少于 95 %（百分比，下限；单位取自计量单位栏）');
        expect([people.unit, people.unitText, people.dimension]).toEqual(['人/次', '人/次', 'none']);
        // The unit column wins over a unit in the name; a unit written in the value wins over both.
        expect([response.unit, response.dimension]).toEqual(['分钟', 'time']);
        expect([written.unit, written.unitFromColumn]).toEqual(['%', undefined]);
    });
});
