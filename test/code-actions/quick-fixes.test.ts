import { beforeAll, describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { createServices, parseDocument, readReferenceExample } from '../helpers.js';
import { findings, oneProject, type Services } from '../validation/validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

/** The quick fixes offered for the diagnostics of one rule. */
async function fixesFor(document: LangiumDocument, code: string): Promise<CodeAction[]> {
    const diagnostics = (document.diagnostics ?? []).filter((d: Diagnostic) => d.code === code);
    expect(diagnostics.length, `diagnostics ${code}`).toBeGreaterThan(0);
    const result = await services.perf.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostics[0].range,
        context: { diagnostics }
    });
    return (result ?? []) as CodeAction[];
}

/** The text after applying a code action's WorkspaceEdit. */
function apply(document: LangiumDocument, action: CodeAction): string {
    const edits = action.edit?.changes?.[document.uri.toString()] ?? [];
    expect(edits.length).toBeGreaterThan(0);
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Fixes the first diagnostic of `code`, re-parses the result, and returns it with the remaining findings. */
async function fixAndRecheck(text: string, code: string) {
    const document = await parseDocument(text, services);
    const [action] = await fixesFor(document, code);
    expect(action.kind).toBe('quickfix');
    const fixed = apply(document, action);
    const after = await parseDocument(fixed, services);
    expect(after.parseResult.parserErrors).toEqual([]);
    return { action, fixed, after: findings(after) };
}

describe('set a stated total to the computed one', () => {
    test('a project 总计 that does not add up becomes the sum of its sources', async () => {
        const { action, fixed, after } = await fixAndRecheck(oneProject({ amounts: ['总计 12.00', '财政拨款 6.00', '其他资金 4.00'] }), 'total-mismatch');
        expect(action.title).toContain('10.00');
        expect(fixed).toContain('总计 10.00');
        expect(after.filter(f => f.code === 'total-mismatch')).toEqual([]);
    });
    test('the reference table: 合计 67,522.75 becomes 67,522.74 and its rounding warning goes', async () => {
        const document = await parseDocument(readReferenceExample(), services);
        const actions = await fixesFor(document, 'rounding-difference');
        const fixed = apply(document, actions[0]);
        expect(fixed).toContain('合计 67,522.74');
        const after = findings(await parseDocument(fixed, services), 'rounding-difference');
        expect(after.map(f => f.line)).toEqual([9]); // the stated 财政拨款 still differs: its own fix
    });
});

describe('fix a level-1 code', () => {
    test('2/11 becomes 1/11', async () => {
        const { fixed, after } = await fixAndRecheck(oneProject({ indicators: ['2/11 "培训场次" 指标值 ≥3场'] }), 'level1-mismatch');
        expect(fixed).toContain('1/11 "培训场次"');
        expect(after.filter(f => f.code === 'level1-mismatch')).toEqual([]);
    });
});

describe('file an indicator under the code its name says', () => {
    test('22 "群众满意度" becomes 31; a written level-1 code moves with it (2/22 → 3/31)', async () => {
        const one = await fixAndRecheck(oneProject({ indicators: ['11 "培训场次" 指标值 ≥3场', '22 "群众满意度" 指标值 ≥90%'] }), 'misfiled-indicator');
        expect(one.action.title).toBe('把指标代码改为 31（服务对象满意度）(file it under 31)');
        expect(one.fixed).toContain('        31 "群众满意度" 指标值 ≥90%');
        expect(one.after.filter(f => f.code === 'misfiled-indicator')).toEqual([]);
        const both = await fixAndRecheck(oneProject({ indicators: ['1/11 "培训费用" 指标值 ≤5万元', '31 "满意度" 指标值 ≥90%'] }), 'misfiled-indicator');
        expect(both.fixed).toContain('        1/14 "培训费用" 指标值 ≤5万元');
        expect(both.after.filter(f => ['misfiled-indicator', 'level1-mismatch'].includes(f.code))).toEqual([]);
    });
});

describe('unify comparator spellings', () => {
    test('one action rewrites every minority spelling of the document to the most used one', async () => {
        const text = oneProject({ indicators: [
            '11 "培训场次" 指标值 ≥3场', '11 "企业" 指标值 ≧5家', '12 "合格率" 指标值 ≥95%', '21 "增长率" 指标值 大于等于5%', '31 "满意度" 指标值 ≥90%'
        ] });
        const document = await parseDocument(text, services);
        const actions = await fixesFor(document, 'mixed-comparators');
        expect(actions).toHaveLength(1);
        expect(actions[0].title).toContain('“≥”（2 处）');
        const fixed = apply(document, actions[0]);
        expect(fixed).toContain('"企业" 指标值 ≥5家');
        expect(fixed).toContain('"增长率" 指标值 ≥5%');
        expect(findings(await parseDocument(fixed, services), 'mixed-comparators')).toEqual([]);
    });
    test('on the reference table every ≥-like spelling becomes ≥', async () => {
        const document = await parseDocument(readReferenceExample(), services);
        const diagnostics = (document.diagnostics ?? []).filter(d => d.code === 'mixed-comparators' && d.message.includes('“≧”'));
        const [action] = (await services.perf.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] }
        }) ?? []) as CodeAction[];
        const after = findings(await parseDocument(apply(document, action), services), 'mixed-comparators');
        expect(after.some(f => /≧|不低于|大于等于/.test(f.message))).toBe(false);
        expect(after.length).toBeGreaterThan(0); // ≦ and 大于 are other comparators, with their own fix
    });
});

describe('add the missing fund-source line', () => {
    test('a 总计 alone gets 财政拨款 with the same amount, indented alike', async () => {
        const { fixed, after } = await fixAndRecheck(oneProject({ amounts: ['总计 24.00'] }), 'missing-fund-source');
        expect(fixed).toContain('        总计 24.00\n        财政拨款 24.00\n');
        expect(after.filter(f => ['missing-fund-source', 'total-mismatch', 'rounding-difference'].includes(f.code))).toEqual([]);
    });
});

describe('drop stray punctuation', () => {
    test('the 。 at the end of a target goes', async () => {
        const { fixed, after } = await fixAndRecheck(oneProject({ indicators: ['12 "读取要求" 指标值 "读取率≥99.9%。"'] }), 'trailing-punctuation');
        expect(fixed).toContain('"读取率≥99.9%"');
        expect(after.filter(f => f.code === 'trailing-punctuation')).toEqual([]);
    });
});

test('no action for a diagnostic without a fix', async () => {
    const document = await parseDocument(oneProject({ indicators: [] }), services);
    expect(await fixesFor(document, 'no-indicators')).toEqual([]);
});
