/**
 * Writing with a Chinese input method and typing mistakes: full-width quotes and braces read as their ASCII
 * forms, and a mistyped keyword, an unclosed quote or a full-width colon is one error with a quick fix.
 */
import { beforeAll, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CodeAction } from 'vscode-languageserver-types';
import { createServices, parseDocument } from '../helpers.js';
import { findings, oneProject, type Services } from './validation-helpers.js';

let services: Services;
beforeAll(async () => { services = await createServices(); });

async function fixesOf(text: string): Promise<{ errors: Diagnostic[]; actions: CodeAction[] }> {
    const document = await parseDocument(text, services);
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
    const actions = await services.perf.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: errors[0].range, context: { diagnostics: errors }
    }) as CodeAction[];
    return { errors, actions };
}

test('full-width quotes delimit text: the value is the text between them, a balanced “” inside stays', async () => {
    const document = await parseDocument(oneProject({ department: ['单位 万元'], project: ['资金使用单位 “关于“十四五”规划办”'] })
        .replace('部门 "测试局"', '部门 “某县教育局”'), services);
    expect(findings(document).filter(f => f.severity === 'error')).toEqual([]);
    const department = document.parseResult.value.departments[0];
    expect(department.name).toBe('某县教育局');
    expect(department.projects[0].user).toBe('关于“十四五”规划办');
});

test('ASCII quotes around text containing “” keep it as written', async () => {
    const document = await parseDocument(oneProject({ project: ['资金使用单位 "“某”办"'] }), services);
    expect(document.parseResult.value.departments[0].projects[0].user).toBe('“某”办');
});

test('full-width braces read as braces', async () => {
    const document = await parseDocument('部门 “某县教育局” ｛\n    单位 万元\n｝\n', services);
    expect(findings(document).filter(f => f.severity === 'error')).toEqual([]);
    expect(document.parseResult.value.departments[0].unit).toBe('万元');
});

test('a mistyped keyword is one error naming the keyword meant, with a quick fix', async () => {
    const text = oneProject({ amounts: ['总计 10.00', '财正拨款 10.00'] });
    const { errors, actions } = await fixesOf(text);
    expect(errors.map(e => e.message)).toEqual(['未知的关键字“财正拨款”，是否要写“财政拨款”？(unknown keyword; did you mean 财政拨款?)']);
    expect(actions.map(a => a.edit?.changes && Object.values(a.edit.changes)[0])).toEqual([[{ range: errors[0].range, newText: '财政拨款' }]]);
});

test('a mistyped English keyword too', async () => {
    const { errors } = await fixesOf(oneProject({ amounts: ['total 10.00', 'fiscl 10.00'] }));
    expect(errors.map(e => e.message)).toEqual(['未知的关键字“fiscl”，是否要写“fiscal”？(unknown keyword; did you mean fiscal?)']);
});

test('an unclosed quote is one error, with a quick fix that closes it', async () => {
    for (const [open, close] of [['"', '"'], ['“', '”']]) {
        const text = oneProject({ project: [`绩效目标 ${open}未闭合的引号`] });
        const { errors, actions } = await fixesOf(text);
        expect(errors.map(e => e.range.start.line + 1)).toEqual([6]);
        expect(errors[0].message).toContain('引号没有结束');
        const edit = Object.values(actions[0].edit!.changes!)[0][0];
        expect(edit.newText).toBe(close);
        expect(edit.range.start).toEqual({ line: 5, character: text.split('\n')[5].length });
    }
});

test('an unclosed quote before a block brace leaves the brace to the block', async () => {
    const { errors } = await fixesOf('部门 "测试局 {\n    单位 万元\n}\n');
    expect(errors).toHaveLength(1);
});

test('a full-width colon after a keyword is one error, fixed by a space', async () => {
    const text = oneProject({ project: ['资金使用单位：“某单位”'] });
    const { errors, actions } = await fixesOf(text);
    expect(errors.map(e => e.message)).toEqual([expect.stringContaining('这里不需要冒号“：”')]);
    expect(Object.values(actions[0].edit!.changes!)[0][0].newText).toBe(' ');
});
