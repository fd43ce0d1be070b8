import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

const withPeriod = (period: string, year = '2023') => oneProject({ department: ['单位 万元', `预算年度 ${year}`], project: [`起止时间 ${period}`] });

describe('period-reversed', () => {
    test('a start after its end is an error on the end', async () => {
        const text = withPeriod('2024.01-2023.07');
        const found = await check(services, text, 'period-reversed');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '起止时间') }]);
        expect(found[0].message).toContain('2024.01-2023.07 起于止之后');
    });
    test.each(['2023.07-2024.01', '2023.7-2024.1', '202301-202312', '2023.07-2023.07'])('%s is in order', async period => {
        expect(await check(services, withPeriod(period), 'period-reversed')).toEqual([]);
    });
});

describe('year-outside-period', () => {
    test('a 预算年度 before the period is a warning', async () => {
        const text = withPeriod('2024.01-2025.12', '2023');
        const found = await check(services, text, 'year-outside-period');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '起止时间') }]);
        expect(found[0].message).toContain('预算年度 2023 不在');
    });
    test('a 预算年度 inside, or no 预算年度, is fine', async () => {
        expect(await check(services, withPeriod('2023.07-2024.01', '2024'), 'year-outside-period')).toEqual([]);
        expect(await check(services, oneProject({ project: ['起止时间 2020.01-2020.12'] }), 'year-outside-period')).toEqual([]);
    });
});

describe('period-format', () => {
    test('a month 13 or a five-digit month is a warning naming it', async () => {
        const found = await check(services, withPeriod('2023.13-202401'), 'period-format');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('“2023.13”不是可读的年月');
        expect((await check(services, withPeriod('20231-202401'), 'period-format'))[0].message).toContain('20231');
    });
    test('readable months are not reported', async () => {
        expect(await check(services, withPeriod('2023-2025'), 'period-format')).toEqual([]);
    });
});
