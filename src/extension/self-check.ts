/**
 * A test-only command (registered only when PERF_SELF_CHECK_RESULT names a file) that checks, from inside a
 * real VS Code, what a user would see: diagnostics, completion at an indicator code, format, preview,
 * compile, the status bar, full-width (IME) quotes, the keyword quick fix, inlay hints, the walkthrough and
 * New Table command, rename refused on a built-in code and the per-project form layout (项目表). It writes one PASS/FAIL line per check to that file, then "RESULT PASS|FAIL".
 * Used by test/vscode (test-electron) and scripts/extension/e2e.mjs (code-server).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PERF_COMMANDS, SELF_CHECK_COMMAND } from './commands.js';
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
/** The one-form-per-project layout (项目表, issue 14): its preview and compile follow that layout. */
const PROJECT_FORM_NAME = 'project-form.perf';
const EXTENSION_ID = 'perf-budget.perf-budget';
/** Every string in full-width quotes, as a Chinese IME types them, a balanced “” inside one: no errors. */
const IME_QUOTES_TEXT = '部门 “自检单位” {\n    单位 万元\n    项目 “自检项目” {\n        总计 1.00\n        财政拨款 1.00\n'
    + '        绩效目标 “完成“十四五”规划的自检”\n        11 “数量” 指标值 ≥1个\n    }\n}\n';
/** 财正拨款 is a typo of the keyword 财政拨款: one error, and a quick fix that writes the keyword meant. */
const MISTYPED_KEYWORD_TEXT = '部门 "自检单位" {\n    单位 万元\n    项目 "自检项目" {\n        总计 10.00\n        财正拨款 10.00\n'
    + '        11 "数量" 指标值 ≥1个\n    }\n}\n';
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
        const errorCount = errorsAmong(errors).length;
        expect(errorCount === 0, `expected no errors in the reference example, got ${errorCount}: ${errors[0]?.message}`);
        return `${errors.length} diagnostics, 0 errors`;
    });

    await check('diagnostics of a broken document', async () => {
        const document = await openScratch('broken.perf', BROKEN_TEXT);
        await vscode.window.showTextDocument(document);
        const diagnostics = await waitForDiagnostics(document.uri, all => all.length >= 2 ? all : undefined, 15_000);
        // Leave nothing behind: its problems would crowd the Problems panel that the browser checks next.
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        const lines = diagnostics.map(d => d.range.start.line + 1);
        expect(lines.includes(4) && lines.includes(5), `expected problems on lines 4 and 5, got lines ${lines.join(', ')}`);
        return listed(diagnostics);
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
        const document = await openScratch('unformatted.perf', UNFORMATTED_TEXT);
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
        const html = await previewTable(context, example);
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

    await check('full-width (IME) quotes', async () => {
        const document = await openScratch('ime-quotes.perf', IME_QUOTES_TEXT);
        await vscode.window.showTextDocument(document);
        await context.statusBar.refresh(); // returns once the server has validated the document
        const diagnostics = await waitForDiagnostics(document.uri, all => all, 3000);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        const errors = errorsAmong(diagnostics);
        expect(errors.length === 0, `expected no errors in a document quoted with “…”, got ${listed(errors)}`);
        return `${diagnostics.length} diagnostics, 0 errors`;
    });

    await check('keyword quick fix', async () => {
        const document = await openScratch('mistyped-keyword.perf', MISTYPED_KEYWORD_TEXT);
        await vscode.window.showTextDocument(document);
        const errorsOf = () => errorsAmong(vscode.languages.getDiagnostics(document.uri));
        const errors = await waitFor(() => errorsOf().length > 0 ? errorsOf() : undefined, 15_000, 'no diagnostic for 财正拨款');
        try {
            expect(errors.length === 1 && errors[0].range.start.line === 4 && errors[0].message.includes('财政拨款'),
                `expected one error on line 5 naming 财政拨款, got ${listed(errors)}`);
            const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, errors[0].range);
            const fix = actions.find(action => action.title.includes('财政拨款') && action.edit);
            expect(fix !== undefined, `no quick fix writing 财政拨款 among: ${actions.map(action => action.title).join(' | ')}`);
            expect(await vscode.workspace.applyEdit(fix!.edit!), 'the quick fix edit was not applied');
            const fixedLine = document.lineAt(4).text;
            expect(fixedLine === '        财政拨款 10.00', `expected the line to read “财政拨款 10.00”, got “${fixedLine.trim()}”`);
            await waitFor(() => errorsOf().length === 0 ? true : undefined, 15_000, `errors remain after the fix: ${errorsOf()[0]?.message}`);
            return `“${fix!.title}” → ${fixedLine.trim()}, no errors left`;
        } finally {
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
    });

    await check('inlay hints', async () => {
        const document = await vscode.workspace.openTextDocument(example);
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        // Right after the preceding checks the server may still be rebuilding: ask until it answers with hints.
        const hints = await waitForAsync(async () => {
            const answer = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', example, whole);
            return answer.length > 0 ? answer : undefined;
        }, 15_000, 'no inlay hints for the reference example');
        const labelOnLine = (pattern: RegExp) => {
            const line = document.getText().split('\n').findIndex(text => pattern.test(text));
            const hint = hints.find(h => h.position.line === line);
            return hint && (typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join(''));
        };
        // The reference states 合计 67,522.75 where its rows add up to 67,522.74: rounding, as the published table has it.
        const total = labelOnLine(/^\s+合计 67,522\.75/);
        expect(total === 'Σ 67,522.74 · 相差 +0.01（四舍五入 rounding）', `after the 合计: ${total ?? 'no hint'}`);
        const projectTotal = labelOnLine(/^\s+总计 /);
        expect(projectTotal === 'Σ ✓', `after the first project's 总计: ${projectTotal ?? 'no hint'}`);
        return `${hints.length} hints; 合计: ${total}; first 总计: ${projectTotal}`;
    });

    await check('walkthrough and New Table command', async () => {
        const commands = await vscode.commands.getCommands(true);
        const walkthroughs: { id: string; steps: { completionEvents?: string[] }[] }[] =
            vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes?.walkthroughs ?? [];
        expect(walkthroughs.length > 0, `${EXTENSION_ID} contributes no walkthroughs`);
        // The steps complete on perf commands: each must be one that is registered.
        const stepCommands = walkthroughs.flatMap(w => w.steps.flatMap(step => step.completionEvents ?? []))
            .filter(event => event.startsWith('onCommand:')).map(event => event.slice('onCommand:'.length));
        const needed = [...new Set([PERF_COMMANDS.newTable, ...stepCommands])];
        const missing = needed.filter(command => !commands.includes(command));
        expect(missing.length === 0, `commands not registered: ${missing.join(', ')}`);
        await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthroughs[0].id}`, false);
        return `walkthrough ${walkthroughs[0].id} (${walkthroughs[0].steps.length} steps) opened; ${needed.join(', ')} registered`;
    });

    await check('rename refused on a built-in catalog code', async () => {
        const document = await vscode.workspace.openTextDocument(example);
        const line = document.getText().split('\n').findIndex(text => /^\s+11 "/.test(text));
        const position = new vscode.Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex);
        const refusal = async (command: string, ...args: unknown[]) => {
            try {
                const answer = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(command, example, position, ...args);
                expect(!answer || (answer instanceof vscode.WorkspaceEdit && answer.size === 0), `${command} answered an edit of ${answer?.size} files`);
                return `${command}: no edit`;
            } catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                expect(message.includes('内置指标体系'), `${command} failed without saying why: ${message}`);
                return `${command}: ${message.slice(0, 40)}…`;
            }
        };
        return [await refusal('vscode.prepareRename'), await refusal('vscode.executeDocumentRenameProvider', '19')].join('; ');
    });

    await check('per-project form (项目表): diagnostics, preview, compile', async () => {
        const [form] = await vscode.workspace.findFiles(`**/${PROJECT_FORM_NAME}`, '**/node_modules/**', 1);
        expect(form !== undefined, `the workspace has no ${PROJECT_FORM_NAME}`);
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(form!));
        await waitForAsync(() => context.statusBar.refresh(), 15_000, 'the server never validated the file'); // answers once validated
        const diagnostics = vscode.languages.getDiagnostics(form!);
        const errors = errorsAmong(diagnostics);
        expect(errors.length === 0, `expected no errors, got ${listed(errors)}`);
        await vscode.commands.executeCommand('perf.openPreviewToSide', form);
        const html = await previewTable(context, form!);
        expectProjectForm('the preview', html);
        const output = await compile(context.client, 'html', form!);
        expect(output !== undefined && fs.existsSync(output), 'no html file was written');
        expectProjectForm(output!, fs.readFileSync(output!, 'utf8'));
        return `${diagnostics.length} diagnostics, 0 errors; preview and ${path.basename(output!)} in the 项目表 layout`;
    });

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

/** The preview's HTML once it shows a table; else an error saying what it shows instead. */
async function previewTable(context: SelfCheckContext, uri: vscode.Uri): Promise<string> {
    try {
        return await waitFor(() => {
            const current = context.previews.htmlOf(uri);
            return current?.includes('<table') ? current : undefined;
        }, 20_000, 'the preview never showed a table');
    } catch (error) {
        const shown = context.previews.htmlOf(uri)?.replace(/<style[^]*?<\/style>|<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
        throw new Error(`${error instanceof Error ? error.message : error}; it shows: ${shown}`);
    }
}

/** The 项目表 prints one form per project (metadata, goals, indicator rows, cost breakdown), not the list's project rows. */
function expectProjectForm(where: string, html: string): void {
    const missing = ['项目支出绩效目标表（2024年度）', '主管部门', '实施期目标', 'class="row-indicator"', '材料费'].filter(part => !html.includes(part));
    expect(missing.length === 0, `${where} lacks ${missing.join(', ')} of the 项目表 layout`);
    expect(!html.includes('class="row-project"'), `${where} has the project rows of the list layout, not the 项目表`);
}

function expect(condition: boolean, message: string): void {
    if (!condition) {
        throw new Error(message);
    }
}

/**
 * Each check's own document, a file of its own name in a folder of this run. Untitled documents would not do:
 * VS Code gives a new one the name of the one just closed (Untitled-1 again), so a late diagnostics message
 * for the closed document could pass for, or wipe, the new one's (a keyword check once saw no error at all).
 */
async function openScratch(name: string, content: string): Promise<vscode.TextDocument> {
    scratchFolder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'perf-self-check-'));
    const file = path.join(scratchFolder, name);
    fs.writeFileSync(file, content);
    return vscode.workspace.openTextDocument(vscode.Uri.file(file));
}
let scratchFolder: string | undefined;

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

function errorsAmong(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
    return diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error);
}

/** Diagnostics as a check's message lists them: "line: message | …". */
function listed(diagnostics: readonly vscode.Diagnostic[]): string {
    return diagnostics.map(d => `${d.range.start.line + 1}: ${d.message}`).join(' | ');
}
