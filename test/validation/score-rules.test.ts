import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

const weighted = (weights: string[], project: string[] = []) => oneProject({
    project,
    indicators: [`11 "培训场次" 指标值 ≥3场 ${weights[0]}`, `21 "带动销售额增长率" 指标值 ≥5% ${weights[1]}`,
        `31 "企业满意度" 指标值 ≥90% ${weights[2]}`]
});

describe('weights-total', () => {
    test('weights of 100, of 90 (预算执行率 implied) or of 90 plus a written 预算执行率 10 add up', async () => {
        expect(await check(services, weighted(['分值 50', '分值 30', '分值 20']), 'weights-total')).toEqual([]);
        expect(await check(services, weighted(['权重 45.5', '权重 34.5', '权重 10']), 'weights-total')).toEqual([]);
        expect(await check(services, weighted(['分值 50', '分值 30', '分值 10'], ['预算执行率 10']), 'weights-total')).toEqual([]);
    });
    test('weights of 95, or 100 beside a written 预算执行率, are a warning on the project with the sum', async () => {
        const text = weighted(['分值 50', '分值 30', '分值 15']);
        const found = await check(services, text, 'weights-total');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '项目 "测试项目"') }]);
        expect(found[0].message).toContain('合计 95');
        const withExecution = await check(services, weighted(['分值 50', '分值 30', '分值 20'], ['预算执行率 10']), 'weights-total');
        expect(withExecution[0].message).toContain('加预算执行率 10 分共 110');
    });
    test('no weights at all is not checked', async () => {
        expect(await check(services, oneProject(), 'weights-total')).toEqual([]);
    });
});

describe('missing-weight', () => {
    test('an indicator without a weight beside weighted ones is a warning on it (and the total is not judged)', async () => {
        const text = weighted(['分值 50', '', '分值 20']);
        const found = await check(services, text, 'missing-weight');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '带动销售额增长率') }]);
        expect(await check(services, text, 'weights-total')).toEqual([]);
    });
    test('all weighted: nothing missing', async () => {
        expect(await check(services, weighted(['分值 50', '分值 30', '分值 20']), 'missing-weight')).toEqual([]);
    });
});

describe('score-range', () => {
    const ranged = (weights: string[]) => weighted(weights, ['分值范围 1 40-50', '分值范围 3 10']);
    test('level-1 weights inside their ranges (产出指标(40-50)分, 满意度 10 分) fit', async () => {
        expect(await check(services, ranged(['分值 45', '分值 35', '分值 10']), 'score-range')).toEqual([]);
    });
    test('a group above its range, or a fixed score not met, is a warning on the range', async () => {
        const text = ranged(['分值 55', '分值 25', '分值 10']);
        const found = await check(services, text, 'score-range');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '分值范围 1 40-50') }]);
        expect(found[0].message).toContain('1-产出指标下各指标分值之和为 55，不在写明的分值范围 40-50 分内');
        const fixed = await check(services, ranged(['分值 45', '分值 37', '分值 8']), 'score-range');
        expect(fixed[0].message).toContain('10 分');
    });
});
