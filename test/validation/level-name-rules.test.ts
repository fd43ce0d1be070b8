import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, withIndicator, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });


describe('level-name-mapped', () => {
    test('an older level-1 and level-2 name: one info each, naming the catalog code', async () => {
        const text = withIndicator('1/11 "维修面积" 一级 "预期产出指标" 二级 "数量指标（或建筑规模指标）" 指标值 ≥1000平方米');
        const found = await check(services, text, 'level-name-mapped');
        expect(found.map(f => [f.severity, f.line])).toEqual([['info', lineOf(text, '维修面积')], ['info', lineOf(text, '维修面积')]]);
        expect(found[0].message).toContain('“预期产出指标”对应指标体系“2015”的 1-产出指标');
        expect(found[1].message).toContain('11-数量指标');
    });
    test('in the 2021 catalog 预算（或投资规模）控制指标 is 41', async () => {
        const text = oneProject({
            department: ['单位 万元', '指标体系 "2021"'],
            indicators: ['41 "工程造价" 二级 "预算（或投资规模）控制指标" 指标值 ≤65万元', '11 "场次" 指标值 ≥3场',
                '21 "增长率" 指标值 ≥5%', '31 "满意度" 指标值 ≥90%']
        });
        const found = await check(services, text, 'level-name-mapped');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('41-经济成本指标');
    });
    test('the catalog\'s own names (with or without 指标) are not reported', async () => {
        const text = withIndicator('11 "场次" 一级 "产出指标" 二级 "数量指标" 指标值 ≥3场');
        expect(await check(services, text, 'level-name-mapped')).toEqual([]);
        const economic = withIndicator('21 "销售额" 二级 "经济效益指标" 指标值 ≥5%');
        expect(await check(services, economic, 'level-name-mapped')).toEqual([]);
        expect(await check(services, economic, 'level-name-mismatch')).toEqual([]);
    });
    test('效果指标 over a satisfaction indicator, as older forms print it, fits', async () => {
        const text = withIndicator('31 "群众满意度" 一级 "效果指标" 二级 "社会公众或服务对象满意度指标" 指标值 ≥90%');
        expect(await check(services, text, 'level-name-mismatch')).toEqual([]);
        expect(await check(services, text, 'level-name-mapped')).toHaveLength(2);
    });
});

describe('unknown-level-name', () => {
    test('a name neither the catalog nor the older names know is a warning', async () => {
        const text = withIndicator('11 "场次" 二级 "创新指标" 指标值 ≥3场');
        const found = await check(services, text, 'unknown-level-name');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '创新指标') }]);
        expect(found[0].message).toContain('按写明的代码 11-数量指标计');
    });
    test('a known name is not unknown', async () => {
        expect(await check(services, withIndicator('13 "工期" 二级 "工期指标" 指标值 ≤6个月'), 'unknown-level-name')).toEqual([]);
    });
});

describe('level-name-mismatch', () => {
    test('a name that means another code than the one written is a warning naming both', async () => {
        const text = withIndicator('11 "场次" 二级 "时效指标（工期指标）" 指标值 ≥3场');
        const found = await check(services, text, 'level-name-mismatch');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '场次') }]);
        expect(found[0].message).toContain('对应 13-时效指标');
        expect(found[0].message).toContain('11-数量指标');
    });
    test('a level-1 name of the catalog over an indicator of another group', async () => {
        const text = withIndicator('11 "场次" 一级 "满意度指标" 指标值 ≥3场');
        const found = await check(services, text, 'level-name-mismatch');
        expect(found[0].message).toContain('对应 3-满意度指标');
    });
});
