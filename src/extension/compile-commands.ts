/** "perf: Compile to HTML / XLSX / PDF": the server writes the file beside the .perf source. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPILE_REQUEST, type CompileFormat, type CompileParams, type CompileResult } from '../protocol/perf-protocol.js';
import { PERF_COMMANDS } from './commands.js';
import { perfDocumentFor } from './documents.js';

const COMMAND_FORMAT: Record<string, CompileFormat> = {
    [PERF_COMMANDS.compileHtml]: 'html',
    [PERF_COMMANDS.compileXlsx]: 'xlsx',
    [PERF_COMMANDS.compilePdf]: 'pdf'
};

export function registerCompileCommands(client: LanguageClient): vscode.Disposable[] {
    return Object.entries(COMMAND_FORMAT).map(([command, format]) =>
        vscode.commands.registerCommand(command, (uri?: vscode.Uri) => compile(client, format, uri)));
}

/** Returns the written file's path (undefined when nothing was written), so tests can check the output. */
export async function compile(client: LanguageClient, format: CompileFormat, uri?: vscode.Uri): Promise<string | undefined> {
    const document = await perfDocumentFor(uri);
    if (!document) {
        return undefined;
    }
    if (document.isDirty) {
        await document.save();
    }
    const params: CompileParams = { uri: client.code2ProtocolConverter.asUri(document.uri), format };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('perf: writing {0}…', format.toUpperCase()) },
        () => client.sendRequest<CompileResult>(COMPILE_REQUEST, params));
    if ('message' in result) {
        vscode.window.showWarningMessage(vscode.l10n.t('perf: {0}', result.message));
        return undefined;
    }
    const open = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Reveal in Folder');
    void vscode.window.showInformationMessage(vscode.l10n.t('perf: wrote {0}', result.output), open, reveal).then(choice => {
        const target = vscode.Uri.file(result.output);
        if (choice === open) {
            void vscode.env.openExternal(target);
        } else if (choice === reveal) {
            void vscode.commands.executeCommand('revealFileInOS', target);
        }
    });
    return result.output;
}
