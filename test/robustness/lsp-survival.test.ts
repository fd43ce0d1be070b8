/**
 * The language server survives anything a client sends: after each bad message (broken JSON, unknown
 * methods, positions past the end, unknown documents, bad didChange ranges, a huge document), a valid request
 * still answers, and the server exits cleanly at the end. Drives `node bin/perf.js lsp --stdio` (built by
 * `npm test`'s pretest).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/source/size-limit.js';
import { readReferenceExample } from '../helpers.js';
import { RawLspClient } from './lsp-client.js';

const REFERENCE_URI = 'file:///robustness/reference.perf';
const reference = readReferenceExample();

let client: RawLspClient;

beforeAll(async () => {
    client = new RawLspClient();
    const initialized = await client.request('initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(initialized.error).toBeUndefined();
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: REFERENCE_URI, languageId: 'perf', version: 1, text: reference } });
});

afterAll(async () => {
    await client?.stop();
});

/** The valid request asked after every bad message: the outline of the reference table. */
async function stillAnswers(): Promise<void> {
    const answer = await client.request('textDocument/hover', {
        textDocument: { uri: REFERENCE_URI }, position: { line: 12, character: 12 }
    });
    expect(answer.error, JSON.stringify(answer.error)).toBeUndefined();
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: REFERENCE_URI } });
    expect(symbols.error, JSON.stringify(symbols.error)).toBeUndefined();
    expect(client.alive).toBe(true);
}

describe('perf lsp --stdio after bad messages', () => {
    test('answers at the start', stillAnswers);

    test('a body that is not JSON, and JSON that is not JSON-RPC', async () => {
        client.sendBody(Buffer.from('{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {'));
        client.sendBody(Buffer.from('\u0000\u00ff garbage', 'latin1'));
        client.sendBody(Buffer.from('[1, 2, 3]'));
        client.sendBody(Buffer.from('"just a string"'));
        client.sendMessage({ jsonrpc: '2.0', id: { nested: true }, method: 'textDocument/hover', params: {} });
        client.sendMessage({ id: 5, method: 'textDocument/hover' });
        await stillAnswers();
    });

    test('unknown methods: a request gets MethodNotFound, a notification is ignored', async () => {
        const answer = await client.request('perf/noSuchMethod', { anything: 1 });
        expect(answer.error?.code).toBe(-32601);
        client.notify('perf/noSuchNotification', {});
        client.notify('$/noSuchThing', null);
        await stillAnswers();
    });

    test('positions past the end, negative and fractional positions, missing parameters', async () => {
        for (const position of [
            { line: 1_000_000, character: 0 }, { line: 0, character: 1_000_000 }, { line: -1, character: -5 },
            { line: 1.5, character: 2.5 }, { line: 2 ** 31, character: 2 ** 31 }
        ]) {
            for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition',
                'textDocument/references', 'textDocument/documentHighlight', 'textDocument/prepareRename']) {
                const answer = await client.request(method, {
                    textDocument: { uri: REFERENCE_URI }, position, context: { includeDeclaration: true }
                });
                expect(answer.id).not.toBeNull();
            }
        }
        for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/formatting', 'textDocument/documentSymbol']) {
            await client.request(method, {});
            await client.request(method, null);
        }
        await stillAnswers();
    });

    test('requests for documents the server never saw', async () => {
        const unknown = { textDocument: { uri: 'file:///robustness/never-opened.perf' }, position: { line: 0, character: 0 } };
        for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/formatting',
            'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/codeAction']) {
            const answer = await client.request(method, {
                ...unknown, options: { tabSize: 4, insertSpaces: true },
                range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] }
            });
            expect(answer.id).not.toBeNull();
        }
        client.notify('textDocument/didChange', { textDocument: { uri: 'file:///robustness/never-opened.perf', version: 2 }, contentChanges: [{ text: 'x' }] });
        client.notify('textDocument/didClose', { textDocument: { uri: 'file:///robustness/never-opened.perf' } });
        await stillAnswers();
    });

    test('didChange with ranges past the end, reversed and negative, on a scratch document', async () => {
        const uri = 'file:///robustness/scratch.perf';
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'perf', version: 1, text: reference } });
        const ranges = [
            { start: { line: 5_000, character: 0 }, end: { line: 6_000, character: 3 } },
            { start: { line: 10, character: 40 }, end: { line: 2, character: 0 } },
            { start: { line: -3, character: -1 }, end: { line: 1, character: 1 } },
            { start: { line: 3, character: 1_000 }, end: { line: 3, character: 2_000 } }
        ];
        ranges.forEach((range, index) => {
            client.notify('textDocument/didChange', {
                textDocument: { uri, version: index + 2 }, contentChanges: [{ range, text: '项目 "插入" {\n' }]
            });
        });
        client.notify('textDocument/didChange', { textDocument: { uri, version: 99 }, contentChanges: [{ range: 'not a range', text: 5 }] });
        const answer = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        expect(answer.error).toBeUndefined();
        client.notify('textDocument/didClose', { textDocument: { uri } });
        await stillAnswers();
    });

    test('a huge document (the reference table 100 times, 2.3 MB) is served, then closed', async () => {
        const uri = 'file:///robustness/huge.perf';
        const huge = Array.from({ length: 100 }, () => reference).join('\n');
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'perf', version: 1, text: huge } });
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } }, 120_000);
        expect(symbols.error).toBeUndefined();
        expect((symbols.result as unknown[]).length).toBeGreaterThanOrEqual(100);
        const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 100 * 200, character: 10 } }, 120_000);
        expect(hover.error).toBeUndefined();
        client.notify('textDocument/didClose', { textDocument: { uri } });
        await stillAnswers();
    }, 240_000);

    test('a document over the 10 MB limit is not parsed: one error on its first line, the server stays small', async () => {
        const uri = 'file:///robustness/over-limit.perf';
        const copies = Math.ceil((MAX_DOCUMENT_BYTES + 1) / Buffer.byteLength(reference)) + 1;
        const text = Array.from({ length: copies }, () => reference).join('\n');
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'perf', version: 1, text } });
        const published = await client.notification((method, params) =>
            method === 'textDocument/publishDiagnostics' && (params as { uri: string }).uri === uri, 120_000) as { diagnostics: { message: string; range: { start: { line: number } } }[] };
        expect(published.diagnostics).toHaveLength(1);
        expect(published.diagnostics[0].message).toMatch(/^文件过大 too large \(\d+(\.\d)? MB, the limit is 10 MB\)/);
        expect(published.diagnostics[0].range.start.line).toBe(0);
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        expect(symbols.result).toEqual([]);
        client.notify('textDocument/didClose', { textDocument: { uri } });
        await stillAnswers();
    }, 240_000);

    // vscode-jsonrpc's reader drops a header block without Content-Length and stops reading that chunk: bytes
    // that came in the same chunk wait for the next one. The server stays up; a client sends the next message.
    test('a header without Content-Length (or with a bad one) is dropped: the next message still answers', async () => {
        for (const header of ['X-Nonsense: 1\r\n\r\n', 'Content-Length: lots\r\n\r\n']) {
            client.sendRaw(Buffer.from(header, 'ascii'));
            await new Promise(resolve => setTimeout(resolve, 300));
            expect(client.alive).toBe(true);
            await stillAnswers();
        }
    });

    test('shuts down cleanly: exit code 0', async () => {
        expect(await client.stop()).toBe(0);
    });
});
