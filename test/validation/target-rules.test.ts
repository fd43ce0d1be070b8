import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

/** The findings of `code` for a project whose indicators are the given lines. */
async function checkIndicators(code: string, ...indicators: string[]) {
    const text = oneProject({ indicators });
    return { text, found: await check(services, text, code) };
}

describe('inconsistent-targets', () => {
    test('period in 个 and annual in % differ in dimension: a warning on the annual target', async () => {
        const { text, found } = await checkIndicators('inconsistent-targets', '11 "培训场次" 实施周期 ≥10场 年度 ≥95%');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '培训场次') }]);
        expect(found[0].message).toContain('量纲不同');
    });
    test('家 and 条 are counts but cannot convert into each other', async () => {
        const { found } = await checkIndicators('inconsistent-targets', '11 "企业" 实施周期 ≥10家 年度 ≥5条');
        expect(found[0].message).toContain('单位不同');
    });
    test('万吨 and 吨 convert; "无" and quoted prose are not compared', async () => {
        expect((await checkIndicators('inconsistent-targets', '11 "加注量" 实施周期 ≥10万吨 年度 ≥50000吨')).found).toEqual([]);
        expect((await checkIndicators('inconsistent-targets', '11 "用地批复" 实施周期 "无" 年度 1份')).found).toEqual([]);
    });
});

describe('satisfaction-not-percent', () => {
    test('a 31 indicator with a count target is a warning', async () => {
        const { text, found } = await checkIndicators('satisfaction-not-percent', '31 "用户投诉" 指标值 "每月出现用户投诉次数小于3次"');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '用户投诉') }]);
    });
    test('a name with 满意度 outside 31 is checked too', async () => {
        const { found } = await checkIndicators('satisfaction-not-percent', '22 "群众满意度" 指标值 "较高"');
        expect(found).toHaveLength(1);
    });
    test('percentages, in words or from the name, are fine', async () => {
        const { found } = await checkIndicators('satisfaction-not-percent',
            '31 "企业满意度" 指标值 ≥90%', '31 "使用人员满意度" 指标值 "满意度95%及以上"', '31 "企业满意度（%）" 指标值 90');
        expect(found).toEqual([]);
    });
});

describe('rate-above-100', () => {
    test('≥292% for a 合格率 is an error', async () => {
        const { text, found } = await checkIndicators('rate-above-100', '12 "验收合格率" 指标值 ≥292%');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '验收合格率') }]);
        expect(found[0].message).toContain('≥292%');
    });
    test('>100% for a 及时率 is impossible too', async () => {
        expect((await checkIndicators('rate-above-100', '13 "支付及时率" 指标值 >100%')).found).toHaveLength(1);
    });
    test('≥100% is reachable, and a 增长率 may exceed 100%', async () => {
        const { found } = await checkIndicators('rate-above-100', '12 "在线办理完成率" 指标值 ≥100%', '21 "进出口额增长率" 指标值 ≥150%');
        expect(found).toEqual([]);
    });
});

describe('lower-bound-on-time', () => {
    test('响应时间（秒） 不低于3 is a warning: probably meant ≤', async () => {
        const { text, found } = await checkIndicators('lower-bound-on-time', '12 "响应时间（秒）" 指标值 不低于3');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '响应时间') }]);
        expect(found[0].message).toContain('多半应为 ≤');
    });
    test('a speed inside a composite target is found too', async () => {
        expect((await checkIndicators('lower-bound-on-time', '12 "读取要求" 指标值 "读取时间≥12毫秒、读取率≥99.9%"')).found).toHaveLength(1);
    });
    test('an upper bound on a time, and a lower bound on a duration that should last, are fine', async () => {
        const { found } = await checkIndicators('lower-bound-on-time', '12 "响应时间" 指标值 ≤3秒', '12 "公示时间" 指标值 ≥7天');
        expect(found).toEqual([]);
    });
});

describe('annual-above-period', () => {
    test('an annual count above the period count is a warning on the annual target', async () => {
        const { text, found } = await checkIndicators('annual-above-period', '11 "培训场次" 实施周期 ≥10场 年度 ≥12场');
        const line = lineOf(text, '培训场次');
        expect(found).toMatchObject([{ severity: 'warning', line, column: text.split('\n')[line - 1].indexOf('≥12场') + 1 }]);
    });
    test('an annual count within the period count, or a rate, is fine', async () => {
        const { found } = await checkIndicators('annual-above-period', '11 "培训场次" 实施周期 ≥10场 年度 ≥4场', '12 "合格率" 实施周期 ≥90% 年度 ≥95%');
        expect(found).toEqual([]);
    });
});

describe('reversed-comparator', () => {
    test('a 满意度 with ≤ flips the scoring', async () => {
        const { text, found } = await checkIndicators('reversed-comparator', '31 "企业满意度" 指标值 ≤90%');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '企业满意度') }]);
        expect(found[0].message).toContain('多半应为 ≥');
    });
    test('a cost in 14-成本指标 or a complaint count with ≥ flips it the other way', async () => {
        const { found } = await checkIndicators('reversed-comparator', '14 "单位成本" 指标值 ≥65万元', '31 "用户投诉次数" 指标值 ≥3次');
        expect(found.map(f => f.message.includes('多半应为 ≤'))).toEqual([true, true]);
    });
    test('a rate with ≥, a cost with ≤, 超支率 ≦0 and 控制率 ≤100% are fine', async () => {
        const { found } = await checkIndicators('reversed-comparator',
            '12 "验收合格率" 指标值 ≥95%', '14 "单位成本" 指标值 ≤65万元', '14 "项目预算超支率" 指标值 ≦0', '14 "预算（成本）控制率" 指标值 ≤100%',
            '31 "用户投诉" 指标值 "每月出现用户投诉次数小于3次"');
        expect(found).toEqual([]);
    });
});

describe('an indicator line needs its targets once (the grammar takes its fields in any order)', () => {
    test('no target at all is an error naming the ways to write one', async () => {
        const text = oneProject({ indicators: ['11 "培训场次" 分值 10'] });
        const found = await check(services, text, 'missing-target');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '培训场次') }]);
        expect(found[0].message).toContain('年度 <值>');
    });

    test('an annual target alone, or period and annual, or 指标值 alone, is enough', async () => {
        const text = oneProject({ indicators: ['11 "培训场次" 年度 ≥3场', '11 "培训人次" 实施期 ≥9人次 年度 ≥3人次', '31 "满意度" 指标值 ≥90%'] });
        expect(await check(services, text, 'missing-target')).toEqual([]);
        expect(await check(services, text, 'conflicting-targets')).toEqual([]);
    });

    test('指标值 together with 年度 is an error on the second one', async () => {
        const text = oneProject({ indicators: ['11 "培训场次" 指标值 ≥3场 年度 ≥2场'] });
        const found = await check(services, text, 'conflicting-targets');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('又写了年度指标值“≥2场”');
    });
});
