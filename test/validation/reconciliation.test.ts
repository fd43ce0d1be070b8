import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

/** A department with two projects (two-decimal figures). */
function twoProjects(departmentAmounts: string[], first = ['总计 10.00', '财政拨款 10.00'], second = ['总计 20.50', '财政拨款 20.50']): string {
    const project = (name: string, amounts: string[]) =>
        [`    项目 "${name}" {`, ...amounts.map(a => `        ${a}`), '        11 "培训场次" 指标值 ≥3场', '    }'];
    return ['部门 "测试局" {', '    单位 万元', ...departmentAmounts.map(a => `    ${a}`),
        ...project('甲', first), ...project('乙', second), '}', ''].join('\n');
}

describe('project: 总计 = 财政拨款 + 财政专户拨款 + 其他资金', () => {
    test('a total that adds up gives nothing', async () => {
        const text = oneProject({ amounts: ['总计 10.00', '财政拨款 6.00', '财政专户拨款 3.00', '其他资金 1.00'] });
        expect(await check(services, text, 'total-mismatch')).toEqual([]);
        expect(await check(services, text, 'rounding-difference')).toEqual([]);
    });
    test('a difference within 3 × 0.005 is a rounding warning that shows both figures', async () => {
        const text = oneProject({ amounts: ['总计 10.01', '财政拨款 6.00', '财政专户拨款 3.00', '其他资金 1.00'] });
        const found = await check(services, text, 'rounding-difference');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '总计 10.01'), column: 12 }]);
        expect(found[0].message).toContain('总计 10.01');
        expect(found[0].message).toContain('10.00');
        expect(found[0].message).toContain('最多 0.015 万元');
        expect(await check(services, text, 'total-mismatch')).toEqual([]);
    });
    test('a larger difference is an error on the stated total naming the computed one', async () => {
        const text = oneProject({ amounts: ['总计 10.02', '财政拨款 6.00', '财政专户拨款 3.00', '其他资金 1.00'] });
        const found = await check(services, text, 'total-mismatch');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '总计 10.02') }]);
        expect(found[0].message).toContain('10.00');
        expect(found[0].message).toContain('相差 0.02 万元');
    });
    test('exact decimals: 0.1 + 0.2 = 0.3 holds (no float error)', async () => {
        const text = oneProject({ amounts: ['总计 0.3', '财政拨款 0.1', '其他资金 0.2'] });
        expect(await check(services, text, 'rounding-difference')).toEqual([]);
        expect(await check(services, text, 'total-mismatch')).toEqual([]);
    });
});

describe('missing-fund-source', () => {
    test('a 总计 without any source line is a warning (not a mismatch)', async () => {
        const text = oneProject({ amounts: ['总计 24.00'] });
        const found = await check(services, text, 'missing-fund-source');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '总计 24.00') }]);
        expect(await check(services, text, 'total-mismatch')).toEqual([]);
    });
    test('sources without a total are fine', async () => {
        expect(await check(services, oneProject({ amounts: ['财政拨款 24.00'] }), 'missing-fund-source')).toEqual([]);
    });
});

describe('department: 合计 and source columns = sums of its projects', () => {
    test('stated figures that add up give nothing', async () => {
        const text = twoProjects(['合计 30.50', '财政拨款 30.50']);
        expect(await check(services, text, 'rounding-difference')).toEqual([]);
        expect(await check(services, text, 'total-mismatch')).toEqual([]);
    });
    test('0.01 off with 2 two-decimal figures (tolerance 0.01) is a rounding warning', async () => {
        const text = twoProjects(['合计 30.51']);
        const found = await check(services, text, 'rounding-difference');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '合计 30.51') }]);
        expect(found[0].message).toContain('30.50');
        expect(found[0].message).toContain('2 个两位小数的数字');
    });
    test('0.02 off with 2 figures is an error, also on a source column', async () => {
        const text = twoProjects(['合计 30.52', '财政拨款 30.00']);
        const found = await check(services, text, 'total-mismatch');
        expect(found.map(f => f.line)).toEqual([lineOf(text, '合计 30.52'), lineOf(text, '财政拨款 30.00')]);
        expect(found[1].message).toContain('各项目财政拨款之和 30.50');
    });
    test('a project without a stated total enters with its sources', async () => {
        const text = twoProjects(['合计 30.50'], ['财政拨款 6.00', '其他资金 4.00']);
        expect(await check(services, text, 'total-mismatch')).toEqual([]);
        expect(await check(services, text, 'rounding-difference')).toEqual([]);
    });
});

describe('perf.roundingTolerance: a fixed tolerance instead of the automatic one', () => {
    const setTolerance = (tolerance: unknown) =>
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { perf: { roundingTolerance: tolerance } } });

    test('0 makes every difference an error', async () => {
        setTolerance(0);
        const text = twoProjects(['合计 30.51']);
        expect(await check(services, text, 'rounding-difference')).toEqual([]);
        const found = await check(services, text, 'total-mismatch');
        expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '合计 30.51') }]);
        expect(found[0].message).toContain('超出设置的容差 0.00');
    });
    test('a larger one turns a mismatch into a rounding warning that names the setting', async () => {
        setTolerance(0.05);
        const found = await check(services, twoProjects(['合计 30.52']), 'rounding-difference');
        expect(found).toMatchObject([{ severity: 'warning' }]);
        expect(found[0].message).toContain('在设置的容差 0.05');
    });
    test('null or nonsense means automatic', async () => {
        for (const tolerance of [null, 'abc', -1]) {
            setTolerance(tolerance);
            expect(await check(services, twoProjects(['合计 30.51']), 'rounding-difference')).toHaveLength(1);
        }
    });
});
