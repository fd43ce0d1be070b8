import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-types';
import { readReferenceExample, referenceExample } from '../helpers.js';
import { positionOf } from './lsp-helpers.js';
import { fileUri, startLspSession, type LspSession } from './lsp-client.js';

/** `perf lsp --stdio` over real pipes: the contract every third-party editor relies on. */
describe('perf lsp --stdio', () => {
    let session: LspSession;
    const uri = fileUri(referenceExample);
    const text = readReferenceExample();

    beforeAll(async () => {
        session = await startLspSession();
        await session.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'perf', version: 1, text }
        });
    }, 30_000);

    afterAll(async () => {
        await session?.close();
    });

    test('publishes the diagnostics of the reference example: warnings, no error', async () => {
        const diagnostics = await session.diagnosticsFor(uri);
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        expect(diagnostics.length).toBeGreaterThan(0);
    }, 30_000);

    test('completes the catalog codes at an indicator code', async () => {
        const position = positionOf(text, '11 "南沙港区集装箱吞吐量增长率"', { index: 2 });
        const result = await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }) as CompletionList | CompletionItem[];
        const labels = (Array.isArray(result) ? result : result.items).map(item => item.label);
        expect(labels).toEqual(expect.arrayContaining(['11 数量指标（产出指标）', '12 质量指标（产出指标）', '31 服务对象满意度（满意度指标）']));
    }, 30_000);

    test('announces completion trigger characters and completes after one without Ctrl+Space', async () => {
        expect(session.capabilities.completionProvider?.triggerCharacters).toEqual(['"', ' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        const position = positionOf(text, '31 "-使用人员满意度"', { index: 4 });
        const result = await session.connection.sendRequest('textDocument/completion', {
            textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: '"' }
        }) as CompletionList | CompletionItem[];
        const items = Array.isArray(result) ? result : result.items;
        expect(items.map(item => item.label)).toEqual(expect.arrayContaining(['客户满意度', '联检单位满意度']));
        expect(items.every(item => item.kind === 12)).toBe(true); // names only (CompletionItemKind.Value), no keyword list
    }, 30_000);

    test('answers inlay hints with the computed 合计 beside the stated one', async () => {
        expect(session.capabilities.inlayHintProvider).toBeTruthy();
        const line = positionOf(text, '    合计 67,522.75').line;
        const hints = await session.connection.sendRequest('textDocument/inlayHint', {
            textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 100 } }
        }) as Array<{ label: string }>;
        expect(hints.map(hint => hint.label)).toEqual(['Σ 67,522.74 · 相差 +0.01（四舍五入 rounding）']);
    }, 30_000);

    test('hovers a code with its catalog entry', async () => {
        const position = positionOf(text, '11 "南沙港区集装箱吞吐量增长率"');
        const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Hover;
        expect((hover.contents as { value: string }).value).toContain('**11 数量指标** · 二级指标');
    }, 30_000);

    test('formats on request without changing the canonical example', async () => {
        const edits = await session.connection.sendRequest('textDocument/formatting', {
            textDocument: { uri }, options: { tabSize: 4, insertSpaces: true }
        });
        expect(edits).toEqual([]);
        expect(session.stderr()).toBe('');
    }, 30_000);
});
