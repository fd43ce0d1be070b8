import { beforeAll, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import { parseDocument, readReferenceExample } from '../helpers.js';
import { findings } from './validation-helpers.js';

/**
 * What perf reports on the published table of 广州南沙经济技术开发区商务局 (examples/nansha-commerce-bureau.perf):
 * each finding as [rule code, 1-based line, a fragment of that line]. No error.
 */
const EXPECTED: Array<[string, number, string]> = [
    ['rounding-difference', 8, '合计 67,522.75'],
    ['rounding-difference', 9, '财政拨款 67,522.75'],
    ['lower-bound-on-time', 124, '"响应时间（秒）" 指标值 不低于3'],
    ['lower-bound-on-time', 126, '"数据报表查询速度（秒）" 指标值 不低于15'],
    ['unbalanced-brackets', 170, '南沙商务发布”微信公众号发布推文数量'],
    ['trailing-punctuation', 240, '读取率≥99.9%。"'],
    ['placeholder-amount', 354, '总计 0.01'],
    ['satisfaction-not-percent', 229, '31 "用户投诉"'],
    ['satisfaction-not-percent', 260, '31 "用户投诉"'],
    // ≧, 不低于 and 大于等于 beside 91 ≥; ≦ beside ≤; 大于 beside ＞.
    ...[43, 44, 52, 104].map(line => ['mixed-comparators', line, '≧'] as [string, number, string]),
    ...[124, 126].map(line => ['mixed-comparators', line, '不低于'] as [string, number, string]),
    ...[193, 194, 195, 196, 350].map(line => ['mixed-comparators', line, '大于等于'] as [string, number, string]),
    ['mixed-comparators', 69, '≦0'],
    ...[140, 243].map(line => ['mixed-comparators', line, '大于800万辆次'] as [string, number, string]),
    // Projects without a 效益 (2) or 满意度 (3) indicator.
    ...[11, 20, 85, 96, 117, 131, 146, 157, 166, 189, 199, 207, 219, 233, 250, 264, 279, 294, 307, 353]
        .map(line => ['missing-indicator-group', line, '项目 "'] as [string, number, string])
];

let document: LangiumDocument;
let lines: string[];
beforeAll(async () => {
    const text = readReferenceExample();
    lines = text.split('\n');
    document = await parseDocument(text);
});

test('the reference table has no error', () => {
    expect(findings(document).filter(f => f.severity === 'error')).toEqual([]);
});

test('the expected lines hold the expected text (the example is unchanged)', () => {
    for (const [, line, fragment] of EXPECTED) {
        expect(lines[line - 1], `line ${line}`).toContain(fragment);
    }
});

test('exactly the expected findings, by rule and line', () => {
    const byCodeAndLine = (items: Array<[string, number]>) => items.map(([code, line]) => `${code}@${line}`).sort();
    const actual = findings(document).map(f => [f.code, f.line] as [string, number]);
    expect(byCodeAndLine(actual)).toEqual(byCodeAndLine(EXPECTED.map(([code, line]) => [code, line])));
});

test('the severities: warnings, and infos for the comparator spellings', () => {
    for (const finding of findings(document)) {
        expect(finding.severity, `${finding.code}@${finding.line}`).toBe(finding.code === 'mixed-comparators' ? 'info' : 'warning');
    }
});

test('the 合计 rounding warning shows both figures and says rounding explains it', () => {
    const [total] = findings(document, 'rounding-difference');
    expect(total.message).toContain('67,522.75');
    expect(total.message).toContain('67,522.74');
    expect(total.message).toContain('相差 0.01 万元');
    expect(total.message).toContain('四舍五入');
});
