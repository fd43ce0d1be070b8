import { beforeAll, describe, expect, test } from 'vitest';
import { createServices, parseDocument } from '../helpers.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

describe('unknown-code', () => {
    test('an unknown level-2 code is an error that lists the catalog codes', async () => {
        const text = oneProject({ indicators: ['11 "培训场次" 指标值 ≥3场', '15 "未知指标" 指标值 ≥1个', '21 "增长率" 指标值 ≥5%', '31 "满意度" 指标值 ≥90%'] });
        const found = await check(services, text, 'unknown-code');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '15 "未知指标"'), column: 9 }]);
        expect(found[0].message).toContain('二级指标代码“15”不在指标体系“2015”中');
        expect(found[0].message).toContain('11-数量指标');
        expect(found[0].message).toContain('31-服务对象满意度');
    });
    test('an unknown level-1 code lists the level-1 codes; the generic linker message is gone', async () => {
        const text = oneProject({ indicators: ['9/11 "培训场次" 指标值 ≥3场'] });
        const document = await parseDocument(text, services);
        const messages = (document.diagnostics ?? []).filter(d => d.range.start.line + 1 === lineOf(text, '9/11'));
        expect(messages).toHaveLength(1);
        expect(messages[0].code).toBe('unknown-code');
        expect(messages[0].message).toContain('一级指标代码“9”');
        expect(messages[0].message).toContain('1-产出指标、2-效益指标、3-满意度指标');
    });
    test('codes of the chosen catalog resolve (2021: 41-经济成本指标)', async () => {
        const text = oneProject({ department: ['指标体系 "2021"'], indicators: ['41 "成本" 指标值 ≤65万元'] });
        expect(await check(services, text, 'unknown-code')).toEqual([]);
        expect(await check(services, oneProject(), 'unknown-code')).toEqual([]);
    });
});

describe('unknown-catalog', () => {
    test('a catalog that does not exist is an error naming the known ones', async () => {
        const text = oneProject({ department: ['指标体系 "2099"'] });
        const found = await check(services, text, 'unknown-catalog');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '指标体系 "2099"') }]);
        expect(found[0].message).toContain('“2015”');
        expect(found[0].message).toContain('“2021”');
    });
    test('a built-in catalog is known', async () => {
        expect(await check(services, oneProject({ department: ['指标体系 "2021"'] }), 'unknown-catalog')).toEqual([]);
    });
});

describe('level1-mismatch', () => {
    test('2/11: 11 belongs to 1, an error on the level-1 code', async () => {
        const text = oneProject({ indicators: ['2/11 "培训场次" 指标值 ≥3场', '21 "增长率" 指标值 ≥5%', '31 "满意度" 指标值 ≥90%'] });
        const found = await check(services, text, 'level1-mismatch');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '2/11'), column: 9 }]);
        expect(found[0].message).toContain('属于一级指标 1-产出指标');
    });
    test('1/11 fits', async () => {
        expect(await check(services, oneProject({ indicators: ['1/11 "培训场次" 指标值 ≥3场'] }), 'level1-mismatch')).toEqual([]);
    });
});

describe('misfiled-indicator', () => {
    test('a 满意度 under 22-社会效益 is a warning on the code naming 3/31', async () => {
        const text = oneProject({ indicators: ['11 "培训场次" 指标值 ≥3场', '22 "群众满意度" 指标值 ≥90%', '31 "企业满意度" 指标值 ≥90%'] });
        const found = await check(services, text, 'misfiled-indicator');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '22 "群众满意度"'), column: 9 }]);
        expect(found[0].message).toContain('名称含“满意度”，却填在二级指标 22-社会效益 下');
        expect(found[0].message).toContain('多半应为 3/31（满意度指标；服务对象满意度）');
    });
    test('a 费用 under 11-数量指标 names the cost code of the catalog: 1/14 in 2015, 4/41 in 2021', async () => {
        const indicators = ['11 "培训费用" 指标值 ≤5万元', '31 "企业满意度" 指标值 ≥90%'];
        const in2015 = await check(services, oneProject({ indicators }), 'misfiled-indicator');
        expect(in2015.map(f => f.message)).toEqual([expect.stringContaining('名称含“费用”，却填在二级指标 11-数量指标 下：多半应为 1/14（产出指标；成本指标）')]);
        const in2021 = await check(services, oneProject({ department: ['指标体系 "2021"'], indicators: ['11 "单位成本" 指标值 ≤5万元'] }), 'misfiled-indicator');
        expect(in2021.map(f => f.message)).toEqual([expect.stringContaining('多半应为 4/41（成本指标；经济成本指标）')]);
    });
    test('names filed where they say are not reported, nor a cost rate under 质量', async () => {
        const indicators = ['11 "培训场次" 指标值 ≥3场', '12 "成本核算准确率" 指标值 ≥95%', '14 "预算（成本）控制率" 指标值 ≤100%',
            '21 "带动销售额增长率" 指标值 ≥5%', '31 "企业满意度" 指标值 ≥90%', '31 "服务满意率" 指标值 ≥90%'];
        expect(await check(services, oneProject({ indicators }), 'misfiled-indicator')).toEqual([]);
        const in2021 = oneProject({ department: ['指标体系 "2021"'], indicators: ['41 "经济成本" 指标值 ≤65万元', '31 "满意度" 指标值 ≥90%'] });
        expect(await check(services, in2021, 'misfiled-indicator')).toEqual([]);
    });
});

describe('no-indicators', () => {
    test('a project without indicators is a warning on its name', async () => {
        const text = oneProject({ indicators: [] });
        const found = await check(services, text, 'no-indicators');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '项目 "测试项目"') }]);
    });
    test('one indicator is enough for this rule', async () => {
        expect(await check(services, oneProject({ indicators: ['11 "培训场次" 指标值 ≥3场'] }), 'no-indicators')).toEqual([]);
    });
});

describe('missing-indicator-group', () => {
    test('a project without 效益 and 满意度 indicators names both', async () => {
        const text = oneProject({ indicators: ['11 "培训场次" 指标值 ≥3场'] });
        const found = await check(services, text, 'missing-indicator-group');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '项目 "测试项目"') }]);
        expect(found[0].message).toContain('没有效益指标、满意度指标');
    });
    test('the 2021 catalog also asks for 成本指标', async () => {
        const text = oneProject({ department: ['指标体系 "2021"'] });
        const found = await check(services, text, 'missing-indicator-group');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('没有成本指标');
    });
    test('产出, 效益 and 满意度 all present (2015) gives nothing', async () => {
        expect(await check(services, oneProject(), 'missing-indicator-group')).toEqual([]);
    });
});

describe('duplicate-indicator-name', () => {
    test('the same name twice in one project is a warning on the second', async () => {
        const text = oneProject({ indicators: ['11 "培训场次" 指标值 ≥3场', '12 "培训场次" 指标值 ≥95%', '21 "增长率" 指标值 ≥5%', '31 "满意度" 指标值 ≥90%'] });
        const found = await check(services, text, 'duplicate-indicator-name');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '12 "培训场次"') }]);
        expect(found[0].message).toContain(`第 ${lineOf(text, '11 "培训场次"')} 行已有`);
    });
    test('the same name in two projects is fine', async () => {
        const text = [
            '部门 "测试局" {',
            '    项目 "甲" { 总计 1.00 财政拨款 1.00 11 "培训场次" 指标值 ≥3场 }',
            '    项目 "乙" { 总计 1.00 财政拨款 1.00 11 "培训场次" 指标值 ≥3场 }',
            '}'
        ].join('\n');
        expect(await check(services, text, 'duplicate-indicator-name')).toEqual([]);
    });
});
