/**
 * "perf: Import Table": reads a published table (XLSX, .xls/.et, a saved web page, PDF, DOCX, CSV or text)
 * with the importer in the server and opens the result as a new, unsaved .perf document to review. A PDF
 * or an .xls (converted by LibreOffice) takes seconds: a progress notification says what is being read.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_TABLE_REQUEST, type ImportTableParams, type ImportTableResult } from '../protocol/perf-protocol.js';
import { PERF_COMMANDS } from './commands.js';
import { IMPORT_EXTENSIONS } from '../import/import-extensions.js';

export function registerImportCommand(client: LanguageClient): vscode.Disposable {
    return vscode.commands.registerCommand(PERF_COMMANDS.importTable, (uri?: vscode.Uri) => importTable(client, uri));
}

export async function importTable(client: LanguageClient, uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const source = uri ?? (await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: vscode.l10n.t('Import'),
        title: vscode.l10n.t('perf: choose a published table'),
        filters: {
            [vscode.l10n.t('Tables')]: IMPORT_EXTENSIONS.map(extension => extension.slice(1)),
            'Excel / WPS': ['xlsx', 'xls', 'et'],
            [vscode.l10n.t('Web pages')]: ['html', 'htm'],
            'PDF': ['pdf'],
            'Word': ['docx'],
            [vscode.l10n.t('Text / CSV')]: ['txt', 'csv']
        }
    }))?.[0];
    if (!source) {
        return undefined;
    }
    if (source.scheme !== 'file') {
        vscode.window.showWarningMessage(vscode.l10n.t('perf: only local files can be imported'));
        return undefined;
    }
    const params: ImportTableParams = { path: source.fsPath };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('perf: importing {0}…', path.basename(source.fsPath)) },
        () => client.sendRequest<ImportTableResult>(IMPORT_TABLE_REQUEST, params));
    if ('message' in result) {
        vscode.window.showWarningMessage(vscode.l10n.t('perf: {0}', result.message));
        return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'perf', content: result.text });
    await vscode.window.showTextDocument(document);
    if (result.notes.length > 0) {
        vscode.window.showInformationMessage(
            vscode.l10n.t('perf: imported; {0} notes to review (written as comments in the file)', result.notes.length));
    }
    return document;
}
