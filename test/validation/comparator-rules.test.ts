import { beforeAll, expect, test } from 'vitest';
import { createServices } from '../helpers.js';
import { check, lineOf, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

test('≧ and 大于等于 beside a more used ≥ are infos on each minority spelling', async () => {
    const text = oneProject({ indicators: [
        '11 "培训场次" 指标值 ≥3场', '11 "企业" 指标值 ≧5家', '21 "增长率" 指标值 ≥5%', '31 "满意度" 指标值 大于等于90%'
    ] });
    const found = await check(services, text, 'mixed-comparators');
    expect(found.map(f => [f.severity, f.line])).toEqual([['info', lineOf(text, '≧5家')], ['info', lineOf(text, '大于等于90%')]]);
    expect(found[0].message).toContain('建议统一写成“≥”');
    expect(found[0].message).toContain('≥ 2 处');
});

test('different comparators (≥ and ≤) and one spelling each are not mixed', async () => {
    const text = oneProject({ indicators: ['11 "培训场次" 指标值 ≥3场', '12 "响应时间" 指标值 ≤3秒', '31 "满意度" 指标值 ≥90%'] });
    expect(await check(services, text, 'mixed-comparators')).toEqual([]);
});

test('on a tie the canonical symbol is kept', async () => {
    const text = oneProject({ indicators: ['11 "培训场次" 指标值 ≧3场', '31 "满意度" 指标值 ≥90%'] });
    const found = await check(services, text, 'mixed-comparators');
    expect(found.map(f => f.line)).toEqual([lineOf(text, '≧3场')]);
});
