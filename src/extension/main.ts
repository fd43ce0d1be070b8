/**
 * The VS Code extension: a thin client. Parsing, validation and compiling run in the perf language server
 * (dist/server.cjs, its own process); this side only starts it, shows its answers and adds commands.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../protocol/perf-protocol.js';
import { registerBuiltinCatalogs } from './builtin-catalogs.js';
import { registerCompileCommands } from './compile-commands.js';
import { PERF_COMMANDS, SELF_CHECK_COMMAND } from './commands.js';
import { registerImportCommand } from './import-command.js';
import { registerNewTableCommand } from './new-table.js';
import { registerCompareWithHead } from './compare-with-head.js';
import { PreviewManager } from './preview.js';
import { registerSelfCheck } from './self-check.js';
import { SummaryStatusBar } from './status-bar.js';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../server/server-process.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const activatedAt = Date.now();
    const output = vscode.window.createOutputChannel('perf', { log: true });
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: SERVER_ENV } },
        debug: {
            module: serverModule, transport: TransportKind.ipc,
            options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'], env: SERVER_ENV }
        }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'perf' }, { scheme: 'untitled', language: 'perf' }],
        outputChannel: output,
        synchronize: {
            configurationSection: 'perf',
            fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.perf,perf.config.json}')
        }
    };
    const languageClient = new LanguageClient('perf', vscode.l10n.t('perf language server'), serverOptions, clientOptions);
    client = languageClient;

    const previews = new PreviewManager(languageClient);
    const statusBar = new SummaryStatusBar(languageClient);
    context.subscriptions.push(
        output, previews, statusBar,
        registerBuiltinCatalogs(context),
        vscode.commands.registerCommand(PERF_COMMANDS.openPreviewToSide, (uri?: vscode.Uri) => previews.open(uri)),
        vscode.commands.registerCommand(PERF_COMMANDS.format, () => vscode.commands.executeCommand('editor.action.formatDocument')),
        vscode.commands.registerCommand(PERF_COMMANDS.checkWorkspace, () => checkWorkspace(languageClient)),
        ...registerCompileCommands(languageClient),
        registerImportCommand(languageClient),
        registerNewTableCommand(languageClient),
        registerCompareWithHead(languageClient)
    );

    await languageClient.start();
    const readyMs = Date.now() - activatedAt;
    output.info(`language server ready ${readyMs} ms after activation`);
    statusBar.start();
    // Registered only for the end-to-end runs (test-electron, code-server), never in normal use.
    const selfCheckResult = process.env.PERF_SELF_CHECK_RESULT;
    if (selfCheckResult) {
        context.subscriptions.push(registerSelfCheck(selfCheckResult, { client: languageClient, previews, statusBar, readyMs }));
        if (process.env.PERF_SELF_CHECK_AUTORUN) {
            // code-server offers no way to call a command that has no title: run it once the client is up.
            void vscode.commands.executeCommand(SELF_CHECK_COMMAND);
        }
    }
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

async function checkWorkspace(languageClient: LanguageClient): Promise<void> {
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('perf: checking the workspace…') },
        () => languageClient.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    vscode.window.showInformationMessage(vscode.l10n.t('perf: {0} files checked: {1} errors, {2} warnings',
        result.files, result.errors, result.warnings));
}
