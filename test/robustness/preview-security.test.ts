/**
 * The preview webview (src/extension/preview.ts) as VS Code would show it: its options allow no script and no
 * local resource, every page it sets carries a strict Content-Security-Policy that loads nothing remote, and
 * hostile text from the document (names, error messages) arrives escaped and only once.
 * `vscode` exists only inside VS Code: a small stand-in records the webview the preview creates.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import type { OfficialTable } from '../../src/compile/official-table.js';
import { DEFAULT_TITLE, OFFICIAL_COLUMNS } from '../../src/compile/official-table.js';
import { cheapCases } from './fuzz-settings.js';

interface FakePanel {
    options: Record<string, unknown>;
    webview: { html: string };
    pages: string[];
}

const panels: FakePanel[] = [];

vi.mock('vscode', () => {
    const disposable = { dispose() { /* nothing to release */ } };
    const document = { uri: { toString: () => 'file:///t.perf', path: '/t.perf' }, languageId: 'perf' };
    return {
        ViewColumn: { Beside: -2 },
        // The English source text with its {0} filled in, as VS Code gives it without a translation.
        l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, index) => String(args[Number(index)])) },
        workspace: {
            onDidChangeTextDocument: () => disposable,
            onDidSaveTextDocument: () => disposable,
            openTextDocument: async () => document
        },
        window: {
            activeTextEditor: { document },
            showWarningMessage: () => undefined,
            createWebviewPanel: (_type: string, _title: string, _column: unknown, options: Record<string, unknown>) => {
                const pages: string[] = [];
                const panel: FakePanel = {
                    options, pages,
                    webview: { set html(value: string) { pages.push(value); }, get html() { return pages.at(-1) ?? ''; } }
                };
                panels.push(panel);
                return { ...panel, onDidDispose: () => disposable, reveal: () => undefined, dispose: () => undefined };
            }
        }
    };
});

const { PreviewManager, PREVIEW_CSP } = await import('../../src/extension/preview.js');

function tableNamed(name: string): OfficialTable {
    return {
        title: DEFAULT_TITLE, department: name, unit: '万元', columns: [...OFFICIAL_COLUMNS],
        rows: [{ level: 2, cells: [name, '1.00', '1.00', '', '', name, `1、1-产出指标；11-数量指标；${name}；实施周期指标值:${name}；年度指标值:≥1。`] }]
    };
}

/** A language client stand-in answering perf/officialTable with the given results, one per request. */
function clientAnswering(results: unknown[]) {
    return {
        code2ProtocolConverter: { asUri: (uri: { toString(): string }) => uri.toString() },
        sendRequest: async () => results.shift()
    } as never;
}

/** What a page may load: the CSP's sources and any src/href attribute. */
function checkPage(page: string): void {
    const metas = [...page.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
    expect(metas).toHaveLength(1);
    const policy = metas[0][1].replaceAll('&#39;', '\'');
    expect(policy).toBe(PREVIEW_CSP);
    expect(page).not.toMatch(/<script\b/i);
    expect(page).not.toMatch(/<(?:link|iframe|object|embed|img|base|form)\b/i);
    expect(page).not.toMatch(/<[^>]*\s(?:src|href|action)=/i);
    expect(page).not.toMatch(/<[^>]*\son\w+=/i);
}

describe('the preview webview', () => {
    test('its Content-Security-Policy allows no script, no connection and nothing remote', () => {
        const directives = new Map(PREVIEW_CSP.split(';').map(part => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
        expect(directives.get('default-src')).toEqual(['\'none\'']);
        expect(directives.get('script-src')).toEqual(['\'none\'']);
        for (const values of directives.values()) {
            expect(values.join(' ')).not.toMatch(/https?:|\*|'unsafe-eval'|blob:|filesystem:/);
        }
    });

    test('property: hostile names in the table and in the error notice stay text, exactly once', async () => {
        await fc.assert(fc.asyncProperty(
            fc.oneof(fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '$\' $& $` $1', '</head><body>'),
                fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })),
            async hostile => {
                panels.length = 0;
                const error = { errorCount: 1, firstError: { line: 0, character: 0, message: `名称 ${hostile} 有误` } };
                const manager = new PreviewManager(clientAnswering([{ table: tableNamed(hostile) }, error]));
                await manager.open();
                const [panel] = panels;
                expect(panel.options).toMatchObject({ enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
                // The error page: the last good table under a notice quoting the error.
                await (manager as unknown as { refresh(d: unknown, p: unknown): Promise<void> })
                    .refresh({ uri: { toString: () => 'file:///t.perf' } }, { panel, lastTable: tableNamed(hostile) });
                expect(panel.pages.length).toBeGreaterThanOrEqual(3);
                for (const page of panel.pages) {
                    checkPage(page);
                    expect((page.match(/<\/head>/g) ?? []).length).toBe(1);
                    expect((page.match(/<body>/g) ?? []).length).toBe(1);
                }
                const notice = panel.pages.at(-1)!;
                expect(notice).toContain('class="perf-notice"');
                manager.dispose();
            }), cheapCases(100));
    });
});
