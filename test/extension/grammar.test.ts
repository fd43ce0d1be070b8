/**
 * The hand-written TextMate grammar (syntaxes/perf.tmLanguage.json), tokenised as VS Code does: every line
 * of the reference example gets meaningful scopes (nothing but whitespace is left to the bare source scope),
 * and codes, numbers, units, comparators, keywords and amounts get the expected scopes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readReferenceExample, repoRoot } from '../helpers.js';
import { AstUtils, GrammarAST } from 'langium';
import { PerfGrammar } from '../../src/language/generated/grammar.js';
import { DEPARTMENT_TABLE, PROJECT_FORM } from '../lsp/layout-fields-fixtures.js';
import { scopeOf, tokenizeLines, type Token } from './tokenize.js';

const CODE = 'constant.other.indicator-code.perf';
const NUMBER = 'constant.numeric.perf';
const UNIT = 'keyword.other.unit.perf';
const COMPARATOR = 'keyword.operator.comparison.perf';

let exampleLines: string[];
let exampleTokens: Token[][];

beforeAll(async () => {
    const text = readReferenceExample();
    exampleLines = text.split(/\r?\n/);
    exampleTokens = await tokenizeLines(text);
});

/** Non-whitespace text that only the root scope covers: the grammar did not recognise it. */
function untokenised(tokens: Token[]): string[] {
    return tokens.filter(token => token.scopes.length === 1 && token.text.trim() !== '').map(token => token.text);
}

/** The tokens of the first line of the example that contains `fragment`. */
function lineWith(fragment: string): Token[] {
    const index = exampleLines.findIndex(line => line.includes(fragment) && !line.trimStart().startsWith('//'));
    expect(index, `the example has a line with ${fragment}`).toBeGreaterThanOrEqual(0);
    return exampleTokens[index];
}

describe('TextMate grammar on the reference example', () => {
    test('every line is tokenised: no non-space text is left unscoped', () => {
        const unscoped = exampleTokens
            .map((tokens, index) => ({ line: index + 1, text: untokenised(tokens) }))
            .filter(entry => entry.text.length > 0);
        expect(unscoped).toEqual([]);
        expect(exampleTokens.length).toBe(exampleLines.length);
    });

    test('each of the 183 indicator lines starts with a code token', () => {
        const indicatorLines = exampleLines
            .map((line, index) => ({ line, tokens: exampleTokens[index] }))
            .filter(({ line }) => /^\s+\d+ "/.test(line));
        expect(indicatorLines).toHaveLength(183);
        for (const { line, tokens } of indicatorLines) {
            const code = line.trim().split(' ')[0];
            expect(scopeOf(tokens, code), line).toBe(CODE);
        }
    });

    test('numbers and their units are separate tokens', () => {
        const tokens = lineWith('"接洽国际知名企业项目线索"');
        expect(scopeOf(tokens, '11')).toBe(CODE);
        expect(scopeOf(tokens, '≥')).toBe(COMPARATOR);
        expect(scopeOf(tokens, '10')).toBe(NUMBER);
        expect(scopeOf(tokens, '条')).toBe(UNIT);
        const milliseconds = lineWith('≤200ms');
        expect(scopeOf(milliseconds, '200')).toBe(NUMBER);
        expect(scopeOf(milliseconds, 'ms')).toBe(UNIT);
        const composite = lineWith('大于800万辆次');
        expect(scopeOf(composite, '800')).toBe(NUMBER);
        expect(scopeOf(composite, '万辆次')).toBe(UNIT);
        const percent = lineWith('"南沙港区集装箱吞吐量增长率"');
        expect(scopeOf(percent, '%')).toBe(UNIT);
        const bare = lineWith('"项目预算超支率"');
        expect(scopeOf(bare, '0')).toBe(NUMBER);
    });

    test('comparators: symbols, full-width forms and words', () => {
        expect(scopeOf(lineWith('≧2%'), '≧')).toBe(COMPARATOR);
        expect(scopeOf(lineWith('≦0'), '≦')).toBe(COMPARATOR);
        expect(scopeOf(lineWith('＞95%'), '＞')).toBe(COMPARATOR);
        expect(scopeOf(lineWith('≤200ms'), '≤')).toBe(COMPARATOR);
        expect(scopeOf(lineWith('不低于3'), '不低于')).toBe(COMPARATOR);
        expect(scopeOf(lineWith('大于800万辆次'), '大于')).toBe(COMPARATOR);
        expect(scopeOf(lineWith('大于等于5家'), '大于等于')).toBe(COMPARATOR);
    });

    test('amounts, fund sources, keywords, strings and comments', () => {
        const total = lineWith('合计 67,522.75');
        expect(scopeOf(total, '合计')).toBe('support.type.fund-source.perf');
        expect(scopeOf(total, '67,522.75')).toBe(NUMBER);
        expect(scopeOf(lineWith('财政拨款 50,000.00'), '50,000.00')).toBe(NUMBER);
        expect(scopeOf(lineWith('单位 万元'), '万元')).toBe('keyword.other.unit.money.perf');
        expect(scopeOf(lineWith('部门 "'), '部门')).toBe('storage.type.perf');
        expect(scopeOf(lineWith('项目 "工作经费"'), '项目')).toBe('storage.type.perf');
        const periodLine = lineWith('实施周期 "无" 年度 1份');
        expect(scopeOf(periodLine, '实施周期')).toBe('keyword.other.property.perf');
        expect(scopeOf(periodLine, '年度')).toBe('keyword.other.property.perf');
        expect(scopeOf(periodLine, '1')).toBe(NUMBER);
        expect(scopeOf(periodLine, '份')).toBe(UNIT);
        // Digits inside a quoted target stay string text, not numbers.
        const quoted = lineWith('"新增10万标准箱及以上"');
        expect(scopeOf(quoted, '新增10万标准箱及以上')).toBe('string.quoted.double.perf');
        expect(exampleTokens[0][0].scopes).toContain('comment.line.double-slash.perf');
    });
});

describe('TextMate grammar on other text', () => {
    test('the built-in catalogs tokenise fully, with their level-1 and level-2 codes as codes', async () => {
        for (const name of ['2015.perf', '2021.perf']) {
            const text = fs.readFileSync(path.join(repoRoot, 'catalogs', name), 'utf8');
            const lines = await tokenizeLines(text);
            expect(lines.flatMap(untokenised), name).toEqual([]);
            const groupLine = lines[text.split('\n').findIndex(line => line.includes('1 "产出指标"'))];
            expect(scopeOf(groupLine, '1')).toBe(CODE);
        }
    });

    test('English keywords, group/category codes, negative amounts, full-width digits and block comments', async () => {
        const lines = await tokenizeLines([
            'department "D" { unit 元 total -1,200.50',
            '  project "P" { fiscal 3.00',
            '    1/11 "n" value >= ９５％ /* a',
            '    comment */',
            '    2 / 21 "m" period "无" annual 不超过5天',
            '  }',
            '}'
        ].join('\n'));
        expect(lines.flatMap(untokenised)).toEqual([]);
        expect(scopeOf(lines[0], 'department')).toBe('storage.type.perf');
        expect(scopeOf(lines[0], 'total')).toBe('support.type.fund-source.perf');
        expect(scopeOf(lines[0], '-1,200.50')).toBe(NUMBER);
        expect(scopeOf(lines[0], '元')).toBe('keyword.other.unit.money.perf');
        expect(scopeOf(lines[2], '1')).toBe(CODE);
        expect(scopeOf(lines[2], '/')).toBe('punctuation.separator.code.perf');
        expect(scopeOf(lines[2], '11')).toBe(CODE);
        expect(scopeOf(lines[2], '>=')).toBe(COMPARATOR);
        expect(scopeOf(lines[2], '９５')).toBe(NUMBER);
        expect(scopeOf(lines[2], '％')).toBe(UNIT);
        expect(lines[3][0].scopes).toContain('comment.block.perf');
        expect(scopeOf(lines[4], '2')).toBe(CODE);
        expect(scopeOf(lines[4], '21')).toBe(CODE);
        expect(scopeOf(lines[4], 'period')).toBe('keyword.other.property.perf');
        expect(scopeOf(lines[4], '不超过')).toBe(COMPARATOR);
        expect(scopeOf(lines[4], '天')).toBe(UNIT);
    });
});

describe('TextMate grammar on full-width quotes', () => {
    test('“…” is a string, a balanced “…” inside it too, and the code after it is not', async () => {
        const [tokens] = await tokenizeLines('    11 “关于“十四五”规划” 指标值 ≥3%');
        expect(scopeOf(tokens, '关于')).toBe('string.quoted.double.perf');
        expect(scopeOf(tokens, '规划')).toBe('string.quoted.double.perf');
        expect(scopeOf(tokens, '3')).toBe(NUMBER);
    });
});

describe('TextMate grammar on every keyword of the language (issue 14 fields included)', () => {
    const KEYWORD_SCOPES = ['storage.type.perf', 'support.type.fund-source.perf', 'keyword.other.property.perf',
        'constant.language.perf', 'keyword.operator.comparison.perf'];

    test('each word keyword of the grammar is one token with a keyword scope, never split at a shorter keyword', async () => {
        const words = [...new Set(AstUtils.streamAllContents(PerfGrammar()).filter(GrammarAST.isKeyword)
            .map(keyword => keyword.value).filter(word => /\p{L}/u.test(word) && word !== '万元' && word !== '元'))];
        const lines = await tokenizeLines(words.map(word => `    ${word} "x"`).join('\n'));
        const wrong = words
            .map((word, index) => ({ word, scope: scopeOf(lines[index], word) }))
            .filter(({ scope }) => !scope || !KEYWORD_SCOPES.includes(scope));
        expect(wrong).toEqual([]);
        expect(words).toEqual(expect.arrayContaining(['年度目标', '实施期目标', '中期预算', '中期目标', '分值范围', '项目属性', '部门职责', 'period-goal', 'mid-term-budget', 'level1']));
    });

    test('documents with every new field tokenise fully; prefixes of longer keywords do not split them', async () => {
        for (const text of [PROJECT_FORM, DEPARTMENT_TABLE]) {
            expect((await tokenizeLines(text)).flatMap(untokenised)).toEqual([]);
        }
        const [fields, indicator] = await tokenizeLines([
            '年度目标 "a" 实施期目标 "b" 中期预算 1.00 分值范围 1 40-50 项目属性 "c" 部门职责 "d"',
            '11 "e" 实施期 ≥1个 中期 ≥1个 年度 ≥1个 分值 10 正向 定性 计量单位 "%" level1 "f" period-goal'
        ].join('\n'));
        for (const word of ['年度目标', '实施期目标', '中期预算', '分值范围', '项目属性', '部门职责']) {
            expect(scopeOf(fields, word), word).toBe('keyword.other.property.perf');
        }
        for (const word of ['实施期', '中期', '年度', '分值', '计量单位', 'level1', 'period-goal']) {
            expect(scopeOf(indicator, word), word).toBe('keyword.other.property.perf');
        }
        expect(scopeOf(indicator, '正向')).toBe('constant.language.perf');
        expect(scopeOf(indicator, '定性')).toBe('constant.language.perf');
    });
});
