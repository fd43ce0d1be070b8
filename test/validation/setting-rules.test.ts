import { beforeAll, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

test('a department setting written twice is an error on the second one', async () => {
    const text = oneProject({ department: ['单位 万元', '预算年度 2024', '单位 元'] });
    const found = await check(services, text, 'duplicate-setting');
    expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '单位 元') }]);
    expect(found[0].message).toContain(`第 ${lineOf(text, '单位 万元')} 行已写过`);
});

test('表名, 预算年度, 指标体系 and 资金使用单位 twice are each flagged', async () => {
    const text = oneProject({
        department: ['表名 "甲"', '表名 "乙"', '预算年度 2024', '预算年度 2025', '指标体系 "2015"', '指标体系 "2021"'],
        project: ['资金使用单位 "甲"', '资金使用单位 "乙"']
    });
    const lines = (await check(services, text, 'duplicate-setting')).map(f => f.line);
    expect(lines).toEqual([lineOf(text, '表名 "乙"'), lineOf(text, '预算年度 2025'), lineOf(text, '指标体系 "2021"'), lineOf(text, '资金使用单位 "乙"')]);
});

test('the same fund source twice (合计 and 总计 are one column) is flagged', async () => {
    const text = oneProject({ amounts: ['总计 10.00', '财政拨款 4.00', '财政拨款 6.00', '合计 10.00'] });
    const found = await check(services, text, 'duplicate-setting');
    expect(found.map(f => f.line)).toEqual([lineOf(text, '财政拨款 6.00'), lineOf(text, '合计 10.00')]);
    expect(found[1].message).toContain('总计写了两次');
});

test('each setting once gives nothing', async () => {
    const text = oneProject({ department: ['表名 "甲"', '预算年度 2024', '单位 万元', '指标体系 "2015"'], project: ['资金使用单位 "甲"'] });
    expect(await check(services, text, 'duplicate-setting')).toEqual([]);
});

test('the fields of the other layouts twice are flagged: 表式, a project header field, an indicator field', async () => {
    const text = oneProject({
        department: ['表式 "项目表"', '表式 "指标行"'],
        project: ['实施单位 "甲"', '实施单位 "乙"', '起止时间 2024.01-2024.12', '起止时间 2024.02-2024.12'],
        indicators: ['11 "培训场次" 指标值 ≥3场 分值 10 权重 20 计量单位 "场" 计量单位 "次"']
    });
    const found = await check(services, text, 'duplicate-setting');
    expect(found.map(f => f.line)).toEqual([
        lineOf(text, '表式 "指标行"'), lineOf(text, '实施单位 "乙"'), lineOf(text, '起止时间 2024.02'),
        lineOf(text, '权重 20'), lineOf(text, '权重 20')
    ]);
    const line = lines(text, '权重 20');
    expect(found.slice(3).map(f => [f.column, f.message.slice(0, 6)])).toEqual([
        [line.indexOf('权重 20') + 4, '分值（权重）'], [line.indexOf('计量单位 "次"') + 6, '计量单位写了']
    ]);
});

test('an indicator with each field once, in any order, gives nothing', async () => {
    const text = oneProject({ indicators: ['11 "培训场次" 分值 10 正向 年度 ≥3场 实施周期 ≥6场 计量单位 "场" 定量 编码 119901'] });
    expect(await check(services, text, 'duplicate-setting')).toEqual([]);
});

function lines(text: string, fragment: string): string {
    return text.split('\n')[lineOf(text, fragment) - 1];
}
