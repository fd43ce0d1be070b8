/**
 * A test-only command (registered only when PERF_SELF_CHECK_RESULT names a file) that checks, from inside a
 * real VS Code, what a user would see: diagnostics, completion at an indicator code, format, preview,
 * compile and the status bar. It writes one PASS/FAIL line per check to that file, then "RESULT PASS|FAIL".
 * Used by test/vscode (test-electron) and scripts/extension/e2e.mjs (code-server).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SELF_CHECK_COMMAND } from './commands.js';
import { compile } from './compile-commands.js';
import type { PreviewManager } from './preview.js';
import type { SummaryStatusBar } from './status-bar.js';

export interface SelfCheckContext {
    client: LanguageClient;
    previews: PreviewManager;
    statusBar: SummaryStatusBar;
    /** Milliseconds from activation to the language server being ready. */
    readyMs: number;
}

const EXAMPLE_NAME = 'nansha-commerce-bureau.perf';
/** An unknown level-2 code and an unquoted name: the server must report both. */
const BROKEN_TEXT = '部门 "自检单位" {\n    项目 "自检项目" {\n        总计 1.00\n        99 "未知代码" 指标值 ≥3%\n        11 未加引号 指标值 ≥1个\n    }\n}\n';
/** Valid but badly laid out: formatting must change it. */
const UNFORMATTED_TEXT = '部门 "自检单位" {\n单位 万元\n      项目 "自检项目" {\n总计 1.00\n财政拨款 1.00\n  11 "数量" 指标值 ≥1个\n}\n}\n';

export function registerSelfCheck(resultFile: string, context: SelfCheckContext): vscode.Disposable {
    return vscode.commands.registerCommand(SELF_CHECK_COMMAND, () => runSelfCheck(resultFile, context));
}

async function runSelfCheck(resultFile: string, context: SelfCheckContext): Promise<boolean> {
    const lines: string[] = [`INFO activation-to-server-ready ${context.readyMs} ms`];
    let passed = true;
    const check = async (name: string, body: () => Promise<string>) => {
        try {
            lines.push(`PASS ${name}: ${await body()}`);
        } catch (error) {
            passed = false;
            lines.push(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
        fs.writeFileSync(resultFile, lines.join('\n') + '\n');
    };
    const example = await findExample();

    await check('diagnostics of the reference example', async () => {
        const document = await vscode.workspace.openTextDocument(example);
        await vscode.window.showTextDocument(document);
        await context.statusBar.refresh(); // returns once the server has validated the document
        const errors = await waitForDiagnostics(example, all => all, 2000);
        const errorCount = errors.filter(d => d.severity === vscode.DiagnosticSeverity.Error).length;
        expect(errorCount === 0, `expected no errors in the reference example, got ${errorCount}: ${errors[0]?.message}`);
        return `${errors.length} diagnostics, 0 errors`;
    });

    await check('diagnostics of a broken document', async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'perf', content: BROKEN_TEXT });
        await vscode.window.showTextDocument(document);
        const diagnostics = await waitForDiagnostics(document.uri, all => all.length >= 2 ? all : undefined, 15_000);
        // Leave nothing behind: its problems would crowd the Problems panel that the browser checks next.
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        const lines = diagnostics.map(d => d.range.start.line + 1);
        expect(lines.includes(4) && lines.includes(5), `expected problems on lines 4 and 5, got lines ${lines.join(', ')}`);
        return diagnostics.map(d => `${d.range.start.line + 1}: ${d.message}`).join(' | ');
    });

    await check('completion at an indicator code', async () => {
        const document = await vscode.workspace.openTextDocument(example);
        const line = document.getText().split('\n').findIndex(text => /^\s+11 "/.test(text));
        const position = new vscode.Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', example, position);
        // The server's items only: the snippets (snippets/perf.json) also start with the codes.
        const labels = list.items
            .filter(item => item.kind !== vscode.CompletionItemKind.Snippet)
            .map(item => typeof item.label === 'string' ? item.label : item.label.label);
        const codes = ['11', '12', '13', '21', '31'].filter(code => labels.some(label => label.startsWith(code)));
        expect(codes.length === 5, `expected the level-2 codes 11, 12, 13, 21, 31 among ${labels.slice(0, 20).join(', ')}`);
        return `${labels.length} items at line ${line + 1}, incl. ${codes.join(', ')}`;
    });

    await check('format', async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'perf', content: UNFORMATTED_TEXT });
        await vscode.window.showTextDocument(document);
        await waitForDiagnostics(document.uri, all => all, 1000);
        await vscode.commands.executeCommand('perf.format');
        const formatted = document.getText();
        expect(formatted !== UNFORMATTED_TEXT, 'perf.format left the badly indented document unchanged (is a formatter registered?)');
        expect(/\n {4}项目 "自检项目"/.test(formatted), `expected 项目 indented by 4 spaces, got:\n${formatted}`);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        return 'indentation fixed';
    });

    await check('preview', async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(example));
        await vscode.commands.executeCommand('perf.openPreviewToSide', example);
        const html = await waitFor(() => {
            const current = context.previews.htmlOf(example);
            return current?.includes('<table') ? current : undefined;
        }, 15_000, 'the preview never showed a table');
        expect(html.includes('项目支出绩效目标表') && html.includes('工作经费') && html.includes('67,522.75'), 'the preview lacks the title, a project or the 合计');
        // The CSP sits in a meta tag, its quotes escaped as &#39;.
        expect(!/<script/i.test(html) && /http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/.test(html),
            'the preview must have a strict CSP and no script');
        return `${(html.match(/<tr /g) ?? []).length} rows`;
    });

    for (const format of ['html', 'xlsx'] as const) {
        await check(`compile to ${format.toUpperCase()}`, async () => {
            const output = await compile(context.client, format, example);
            expect(output !== undefined && fs.existsSync(output), `no ${format} file was written`);
            const size = fs.statSync(output!).size;
            expect(size > 10_000, `${output} is only ${size} bytes`);
            return `${output} (${size} bytes)`;
        });
    }

    await check('status bar', async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(example));
        // A refresh cancelled by the server (a newer build) answers nothing: ask again.
        const summary = await waitForAsync(() => context.statusBar.refresh(), 15_000, 'the status bar never got a summary');
        expect(summary?.total === '67,522.75', `expected 合计 67,522.75, got ${summary?.total}`);
        return `合计 ${summary!.total} ${summary!.unit}, ${summary!.reconciles ? 'reconciles' : 'does not reconcile'}, `
            + `${summary!.mismatches.length} findings`;
    });

    lines.push(`RESULT ${passed ? 'PASS' : 'FAIL'}`);
    fs.writeFileSync(resultFile, lines.join('\n') + '\n');
    return passed;
}

function expect(condition: boolean, message: string): void {
    if (!condition) {
        throw new Error(message);
    }
}

async function findExample(): Promise<vscode.Uri> {
    const [found] = await vscode.workspace.findFiles(`**/${EXAMPLE_NAME}`, '**/node_modules/**', 1);
    if (!found) {
        throw new Error(`the workspace has no ${EXAMPLE_NAME}`);
    }
    return found;
}

/** Diagnostics of a document once `accept` takes them (or whatever there is after `timeoutMs`, when accept is lenient). */
async function waitForDiagnostics(uri: vscode.Uri, accept: (all: vscode.Diagnostic[]) => vscode.Diagnostic[] | undefined, timeoutMs: number): Promise<vscode.Diagnostic[]> {
    await delay(Math.min(timeoutMs, 500));
    return waitFor(() => accept(vscode.languages.getDiagnostics(uri)), timeoutMs, `diagnostics never arrived for ${uri.toString()}`);
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, failure: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = probe();
        if (value !== undefined) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(failure);
        }
        await delay(200);
    }
}

async function waitForAsync<T>(probe: () => Promise<T | undefined>, timeoutMs: number, failure: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(failure);
        }
        await delay(300);
    }
}

function delay(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}
