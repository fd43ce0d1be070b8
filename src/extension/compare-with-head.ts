/** "perf: Compare with HEAD": the server diffs the editor's text against the last commit; shown as Markdown. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPARE_WITH_HEAD_REQUEST, type CompareWithHeadParams, type CompareWithHeadResult } from '../protocol/perf-protocol.js';
import { PERF_COMMANDS } from './commands.js';
import { perfDocumentFor } from './documents.js';

export function registerCompareWithHead(client: LanguageClient): vscode.Disposable {
    return vscode.commands.registerCommand(PERF_COMMANDS.compareWithHead, (uri?: vscode.Uri) => compareWithHead(client, uri));
}

/** Returns the Markdown shown (undefined when there was no .perf file on disk), so tests can check it. */
export async function compareWithHead(client: LanguageClient, uri?: vscode.Uri): Promise<string | undefined> {
    const document = await perfDocumentFor(uri);
    if (!document) {
        return undefined;
    }
    if (document.uri.scheme !== 'file') {
        vscode.window.showWarningMessage(vscode.l10n.t('perf: save the file in a git repository first'));
        return undefined;
    }
    const params: CompareWithHeadParams = { uri: client.code2ProtocolConverter.asUri(document.uri), text: document.getText() };
    const { markdown } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('perf: comparing with HEAD…') },
        () => client.sendRequest<CompareWithHeadResult>(COMPARE_WITH_HEAD_REQUEST, params));
    const view = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', view.uri);
    return markdown;
}
