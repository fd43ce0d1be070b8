import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

describe('named funds in the project total (total-mismatch, rounding-difference)', () => {
    test('a fund of its own adds to the keyword sources; a 计入 part is not counted twice', async () => {
        const text = oneProject({ amounts: ['总计 100.0000', '财政拨款 60.5000', '资金 "本级财力" 60.5000 计入 财政拨款', '资金 "自有资金" 39.5000'] });
        expect(await check(services, text, 'total-mismatch')).toEqual([]);
        expect(await check(services, text, 'rounding-difference')).toEqual([]);
        expect(await check(services, text, 'missing-fund-source')).toEqual([]);
    });
    test('a 总计 that leaves out a fund of its own is a mismatch naming the fund', async () => {
        const text = oneProject({ amounts: ['总计 60.00', '财政拨款 60.00', '资金 "上年结转" 5.00'] });
        const found = await check(services, text, 'total-mismatch');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '总计 60.00') }]);
        expect(found[0].message).toContain('财政拨款、财政专户拨款、其他资金及“上年结转”之和 65.00');
    });
    test('parts stand for a source that is not written, with the rounding of their four decimals explained', async () => {
        const exact = oneProject({ amounts: ['总计 50.25', '资金 "上级补助" 30.00 计入 财政拨款', '资金 "本级财力" 20.25 计入 fiscal'] });
        expect(await check(services, exact, 'total-mismatch')).toEqual([]);
        expect(await check(services, exact, 'missing-fund-source')).toEqual([]);
        const rounded = oneProject({ amounts: ['总计 10606.75', '资金 "一般公共预算拨款" 10606.7522'] });
        const found = await check(services, rounded, 'rounding-difference');
        expect(found[0].message).toContain('相差 0.0022');
    });
});

describe('fund-part-exceeds', () => {
    test('parts within 财政拨款 above it are an error on the last part', async () => {
        const text = oneProject({ amounts: ['总计 100.00', '财政拨款 100.00', '资金 "上级补助" 70.00 计入 财政拨款', '资金 "本级财力" 40.00 计入 财政拨款'] });
        const found = await check(services, text, 'fund-part-exceeds');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '本级财力') }]);
        expect(found[0].message).toContain('之和 110.00 超过财政拨款 100.00（多 10.00 万元）');
    });
    test('parts that list only some of the source (其中 …), or all of it, are fine', async () => {
        expect(await check(services, oneProject({ amounts: ['总计 100.00', '财政拨款 100.00', '资金 "上级补助" 70.00 计入 财政拨款'] }), 'fund-part-exceeds')).toEqual([]);
        expect(await check(services, oneProject({ amounts: ['总计 100.00', '财政拨款 100.00', '资金 "上级补助" 70.00 计入 财政拨款', '资金 "本级财力" 30.00 计入 财政拨款'] }), 'fund-part-exceeds')).toEqual([]);
    });
});

describe('cost-mismatch', () => {
    test('cost items that do not add up to the 总计 are an error on the first item', async () => {
        const text = oneProject({ project: ['成本 "设备购置费" 6.00 测算依据 "按报价"', '成本 "安装费" 3.00 上年 2.50'] });
        const found = await check(services, text, 'cost-mismatch');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '设备购置费') }]);
        expect(found[0].message).toContain('总计 10.00 与成本构成各项之和 9.00 不符');
    });
    test('items that add up, exactly or within their rounding, are not a mismatch', async () => {
        expect(await check(services, oneProject({ project: ['成本 "设备购置费" 6.00', '成本 "安装费" 4.00'] }), 'cost-mismatch')).toEqual([]);
        const rounded = oneProject({ project: ['成本 "设备购置费" 6.004', '成本 "安装费" 3.999'] });
        expect(await check(services, rounded, 'cost-mismatch')).toEqual([]);
        expect(await check(services, rounded, 'rounding-difference')).toHaveLength(1);
    });
});

describe('amount checks for named funds and cost items', () => {
    test('a malformed or negative named fund or cost item is reported', async () => {
        const text = oneProject({ amounts: ['总计 10.00', '财政拨款 10.00', '资金 "自有资金" 1.2.3'], project: ['成本 "安装费" -4.00'] });
        expect(await check(services, text, 'amount-format')).toMatchObject([{ line: lineOf(text, '自有资金') }]);
        const negative = await check(services, text, 'negative-amount');
        expect(negative[0].message).toContain('“安装费” -4.00 是负数');
    });
});

describe('a whole-department table: its named amounts make up its total', () => {
    test('合计 against 基本支出 + 项目支出', async () => {
        const fine = '部门 "示例馆" {\n 单位 万元\n 合计 150.50\n 资金 "基本支出" 100.00\n 资金 "项目支出" 50.50\n}\n';
        expect(await check(services, fine, 'total-mismatch')).toEqual([]);
        const wrong = await check(services, fine.replace('合计 150.50', '合计 160.50'), 'total-mismatch');
        expect(wrong[0].message).toContain('“基本支出”、“项目支出”之和 150.50');
    });
});
