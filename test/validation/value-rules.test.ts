import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, withIndicator, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });


describe('qualitative-with-unit', () => {
    test('a 定性 indicator with a unit column is a warning on the unit', async () => {
        const text = withIndicator('12 "服务质量" 指标值 "优良" 定性 计量单位 "%"');
        const found = await check(services, text, 'qualitative-with-unit');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '服务质量') }]);
        expect(found[0].message).toContain('计量单位“%”');
    });
    test('a 定性 indicator whose value is a number is a warning on the value', async () => {
        const found = await check(services, withIndicator('12 "服务质量" 指标值 ≥95% qualitative'), 'qualitative-with-unit');
        expect(found[0].message).toContain('“≥95%”却是数字');
    });
    test('without a value type, a text value beside a unit column is one too', async () => {
        const found = await check(services, withIndicator('12 "服务质量" 指标值 "优良" 计量单位 "%"'), 'qualitative-with-unit');
        expect(found[0].message).toContain('“优良”是文字（定性），却写了计量单位“%”');
        expect(await check(services, withIndicator('12 "合格率" 指标值 ≥ 95 计量单位 "%"'), 'qualitative-with-unit')).toEqual([]);
    });
    test('a 定性 text value, or a 定量 value with a unit, is fine', async () => {
        expect(await check(services, withIndicator('12 "服务质量" 指标值 "巩固提高" 定性'), 'qualitative-with-unit')).toEqual([]);
        expect(await check(services, withIndicator('12 "合格率" 指标值 ≥ 95 定量 计量单位 "%"'), 'qualitative-with-unit')).toEqual([]);
    });
});

describe('unit-mismatch', () => {
    test('money under a % unit column says so', async () => {
        const text = withIndicator('12 "资金到位率" 指标值 ≥65万元 计量单位 "%"');
        const found = await check(services, text, 'unit-mismatch');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '资金到位率') }]);
        expect(found[0].message).toContain('金额写在了百分比下');
    });
    test('money under an indicator named in (%) is a warning too', async () => {
        expect(await check(services, withIndicator('12 "预算执行率（%）" 指标值 ≥50万元'), 'unit-mismatch')).toHaveLength(1);
    });
    test('a unit column that contradicts the value\'s unit (场 against 人次)', async () => {
        const found = await check(services, withIndicator('11 "培训场次" 指标值 ≥3场 计量单位 "人次"'), 'unit-mismatch');
        expect(found[0].message).toContain('单位是“场”，与计量单位“人次”不符');
    });
    test('the same or a convertible unit, or a bare number under the column, is fine', async () => {
        for (const line of ['11 "培训场次" 指标值 ≥3场 计量单位 "场"', '14 "造价" 指标值 ≤0.5亿元 计量单位 "万元"',
            '12 "合格率" 指标值 ≥ 95 计量单位 "%"', '12 "合格率（%）" 指标值 ≥95']) {
            expect(await check(services, withIndicator(line), 'unit-mismatch')).toEqual([]);
        }
    });
});

describe('direction-mismatch', () => {
    test('正向 with ≤ and 反向 with ≥ are warnings naming the bound', async () => {
        const positive = await check(services, withIndicator('11 "培训场次" 指标值 ≤3场 正向'), 'direction-mismatch');
        expect(positive[0].message).toContain('正向（越高越好）');
        expect(positive[0].message).toContain('上限 ≤3场');
        const negative = await check(services, withIndicator('14 "单位成本" 年度 ≥ 20 计量单位 "万元" 反向'), 'direction-mismatch');
        expect(negative[0].message).toContain('下限 ≥20万元');
    });
    test('a written direction replaces the guess from the name (reversed-comparator)', async () => {
        const text = withIndicator('31 "群众满意度" 指标值 ≤90% 正向');
        expect(await check(services, text, 'direction-mismatch')).toHaveLength(1);
        expect(await check(services, text, 'reversed-comparator')).toEqual([]);
        expect(await check(services, withIndicator('31 "群众满意度" 指标值 ≤90%'), 'reversed-comparator')).toHaveLength(1);
        expect(await check(services, withIndicator('14 "投诉次数" 指标值 ≥3次 正向'), 'reversed-comparator')).toEqual([]);
    });
    test('a comparator along the direction, or no comparator, fits', async () => {
        for (const line of ['11 "培训场次" 指标值 ≥3场 正向', '14 "单位成本" 指标值 ≤20万元 negative', '11 "培训场次" 指标值 3场 反向']) {
            expect(await check(services, withIndicator(line), 'direction-mismatch')).toEqual([]);
        }
    });
});

describe('placeholder-value', () => {
    test.each([['""', '为空'], ['"≥**%"', '模板占位符'], ['"88 100"', '两个孤立的数字']])('指标值 %s', async (value, words) => {
        const text = withIndicator(`11 "培训场次" 指标值 ${value}`);
        const found = await check(services, text, 'placeholder-value');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '培训场次') }]);
        expect(found[0].message).toContain(words);
    });
    test('real values are not placeholders', async () => {
        for (const value of ['"新增10万标准箱及以上"', '"无"', '≥3场', '"读取时间≤12毫秒、读取率≥99.9%"']) {
            expect(await check(services, withIndicator(`11 "培训场次" 指标值 ${value}`), 'placeholder-value')).toEqual([]);
        }
    });
});

describe('copied-value', () => {
    test('one value down the whole column of three indicators of different kinds is a warning on the project', async () => {
        const text = oneProject({ indicators: ['11 "场次" 指标值 ≥90%', '21 "增长率" 指标值 ≥90%', '31 "满意度" 指标值 ≥90%'] });
        const found = await check(services, text, 'copied-value');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '项目 "测试项目"') }]);
        expect(found[0].message).toContain('全部 3 个指标的实施周期指标值和年度指标值都是“≥90%”');
    });
    test('values that differ in one row, two rows only, or rows of one kind (five 验收通过率 of 100%) are fine', async () => {
        expect(await check(services, oneProject({ indicators: ['11 "场次" 年度 ≥90%', '21 "增长率" 年度 ≥90%', '31 "满意度" 年度 ≥95%'] }), 'copied-value')).toEqual([]);
        expect(await check(services, oneProject({ indicators: ['11 "场次" 年度 ≥90%', '31 "满意度" 年度 ≥90%'] }), 'copied-value')).toEqual([]);
        expect(await check(services, oneProject({ indicators: ['12 "甲通过率" 指标值 100%', '12 "乙通过率" 指标值 100%', '12 "丙通过率" 指标值 100%'] }), 'copied-value')).toEqual([]);
    });
});
