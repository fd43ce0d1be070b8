import * as vscode from 'vscode';

/**
 * The .perf document a command acts on: the one passed by a menu (explorer, editor title), else the active
 * editor's. Says what to do when there is none.
 */
export async function perfDocumentFor(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const document = uri
        ? await vscode.workspace.openTextDocument(uri)
        : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'perf') {
        vscode.window.showWarningMessage(vscode.l10n.t('perf: open a .perf file first'));
        return undefined;
    }
    return document;
}
