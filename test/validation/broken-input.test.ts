import { beforeAll, expect, test } from 'vitest';
import { createServices, parseDocument } from '../helpers.js';
import { findings, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

/** Lines the parser has to recover from: every rule must cope with the partial AST. */
const BROKEN = [
    '11 未加引号的名称 指标值 ≥3%',
    '11 "名称" 指标值',
    '11 指标值 ≥3%',
    '2/ "名称" 指标值 ≥3%',
    '31 "满意度" 实施周期 ≥90% 年度',
    '12 "读取要求" 指标值 "读取率≥99.9%。',
    '总计',
    '财政拨款 财政拨款 1.00',
    '绩效目标 "未闭合的引号（',
    '项目 "嵌套" {'
];

test.each(BROKEN)('no rule crashes on `%s`: only syntax errors and rule findings', async line => {
    const document = await parseDocument(oneProject({ indicators: ['11 "培训场次" 指标值 ≥3场', line, '21 "增长率" 指标值 ≥5%'] }), services);
    const crashes = findings(document).filter(f => f.message.includes('An error occurred during validation'));
    expect(crashes).toEqual([]);
});
