import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

const department = (indicators: string[]) => ['部门 "示例区文化馆" {', '    表式 "部门整体"', ...indicators.map(line => `    ${line}`), '}', ''].join('\n');

describe('a department\'s own indicators (部门整体) are checked as a project\'s', () => {
    test('a duplicate name is a warning on the second', async () => {
        const text = department(['11 "举办活动" 指标值 ≥50场', '22 "非遗传承" 指标值 "巩固提高"', '31 "群众满意度" 指标值 ≥90%', '11 "举办活动" 指标值 ≥40场']);
        const found = await check(services, text, 'duplicate-indicator-name');
        expect(found).toMatchObject([{ severity: 'warning', line: lineOf(text, '≥40场') }]);
        expect(found[0].message).toContain('在部门“示例区文化馆”中重复');
    });
    test('a missing level-1 group is a warning on the department', async () => {
        const text = department(['11 "举办活动" 指标值 ≥50场', '22 "非遗传承" 指标值 "巩固提高"']);
        const found = await check(services, text, 'missing-indicator-group');
        expect(found).toMatchObject([{ line: lineOf(text, '部门 "示例区文化馆"') }]);
        expect(found[0].message).toContain('部门“示例区文化馆”没有满意度指标');
    });
    test('complete, distinct indicators are fine; a department without own indicators is not checked', async () => {
        const text = department(['11 "举办活动" 指标值 ≥50场 分值 40', '22 "非遗传承" 指标值 "巩固提高" 分值 30', '31 "群众满意度" 指标值 ≥90% 分值 20']);
        expect(await check(services, text, 'duplicate-indicator-name')).toEqual([]);
        expect(await check(services, text, 'missing-indicator-group')).toEqual([]);
        expect(await check(services, text, 'weights-total')).toEqual([]);
        expect(await check(services, department([]), 'missing-indicator-group')).toEqual([]);
    });
    test('their weights are checked too', async () => {
        const text = department(['11 "举办活动" 指标值 ≥50场 分值 40', '22 "非遗传承" 指标值 "巩固提高" 分值 30', '31 "群众满意度" 指标值 ≥90% 分值 10']);
        expect((await check(services, text, 'weights-total'))[0].message).toContain('部门“示例区文化馆”的指标分值合计 80');
    });
});
