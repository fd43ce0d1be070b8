import { beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { firstUnbalanced } from '../../src/language/validation/text-rules.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

describe('unbalanced-brackets', () => {
    test('a closing ” without its “ in an indicator name: a warning on that character', async () => {
        const text = oneProject({ indicators: ['11 "南沙商务发布”微信公众号发布推文数量" 指标值 ≥150篇'] });
        const found = await check(services, text, 'unbalanced-brackets');
        const line = lineOf(text, '南沙商务发布');
        expect(found).toMatchObject([{ severity: 'warning', line, column: text.split('\n')[line - 1].indexOf('”') + 1 }]);
        expect(found[0].message).toContain('” 没有配对的 “');
    });
    test('an unclosed 《 in the second goal string and an unclosed （ in a project name are found', async () => {
        const text = oneProject({ project: ['绩效目标 "第一段。" "落实《南沙方案要求。"'] }).replace('"测试项目"', '"测试项目（一期"');
        const found = await check(services, text, 'unbalanced-brackets');
        expect(found.map(f => f.line).sort()).toEqual([lineOf(text, '测试项目（一期'), lineOf(text, '落实《')].sort());
    });
    test('the column survives an escaped quote before the bracket', async () => {
        const text = oneProject({ indicators: ['11 "a\\"b】c" 指标值 ≥1个'] });
        const found = await check(services, text, 'unbalanced-brackets');
        const line = lineOf(text, 'a\\"b');
        expect(found).toMatchObject([{ line, column: text.split('\n')[line - 1].indexOf('】') + 1 }]);
    });
    test('balanced pairs, nested or mixed width, give nothing', async () => {
        const text = oneProject({ indicators: ['12 "报关报检“零纸本”在线（含《方案》)办理率" 指标值 ≥95%'] });
        expect(await check(services, text, 'unbalanced-brackets')).toEqual([]);
        expect(firstUnbalanced('【“甲”（乙）】')).toBeUndefined();
    });
});

describe('trailing-punctuation', () => {
    test('a quoted target ending in 。 is a warning on the 。', async () => {
        const text = oneProject({ indicators: ['12 "读取要求" 实施周期 "读取时间≤12毫秒、读取率≥99.9%。" 年度 "读取时间≤12毫秒、读取率≥99.9%"'] });
        const found = await check(services, text, 'trailing-punctuation');
        const line = lineOf(text, '读取要求');
        expect(found).toMatchObject([{ severity: 'warning', line, column: text.split('\n')[line - 1].indexOf('。') + 1 }]);
    });
    test('a target without trailing punctuation, and a goal ending in 。, are fine', async () => {
        const text = oneProject({ indicators: ['12 "读取要求" 指标值 "读取时间≤12毫秒、读取率≥99.9%"'] });
        expect(await check(services, text, 'trailing-punctuation')).toEqual([]);
    });
});
