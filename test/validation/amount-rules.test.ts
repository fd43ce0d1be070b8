import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

describe('amount-format', () => {
    test('an amount that is not a number is an error on that amount', async () => {
        const text = oneProject({ amounts: ['总计 10.0.0', '财政拨款 10.00'] });
        const found = await check(services, text, 'amount-format');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '总计 10.0.0') }]);
        expect(found[0].message).toContain('不是有效数字');
    });
    test('grouped and full-width amounts are fine', async () => {
        expect(await check(services, oneProject({ amounts: ['总计 1,234.50', '财政拨款 １,２３４.５０'] }), 'amount-format')).toEqual([]);
    });
});

describe('negative-amount', () => {
    test('a negative source is an error', async () => {
        const text = oneProject({ amounts: ['总计 10.00', '财政拨款 12.00', '其他资金 -2.00'] });
        const found = await check(services, text, 'negative-amount');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '其他资金 -2.00') }]);
        expect(found[0].message).toContain('负数');
    });
    test('-0 and positive amounts are not negative', async () => {
        expect(await check(services, oneProject({ amounts: ['总计 10.00', '财政拨款 10.00', '其他资金 -0'] }), 'negative-amount')).toEqual([]);
    });
});

describe('placeholder-amount', () => {
    test('a project total of 0.01 is a warning on the total', async () => {
        const text = oneProject({ amounts: ['总计 0.01', '财政拨款 0.01'] });
        const found = await check(services, text, 'placeholder-amount');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '总计 0.01') }]);
        expect(found[0].message).toContain('占位');
    });
    test('a project total of 0 computed from its sources is flagged on the first amount', async () => {
        const text = oneProject({ amounts: ['财政拨款 0'] });
        expect(await check(services, text, 'placeholder-amount')).toMatchObject([{ line: lineOf(text, '财政拨款 0') }]);
    });
    test('a real amount, and a project with no amount at all, are not placeholders', async () => {
        expect(await check(services, oneProject({ amounts: ['总计 0.02', '财政拨款 0.02'] }), 'placeholder-amount')).toEqual([]);
        expect(await check(services, oneProject({ amounts: [] }), 'placeholder-amount')).toEqual([]);
    });
});
