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
        openLabel: '导入 (Import)',
        title: 'perf：选择已发布的绩效目标表 (choose a published table)',
        filters: {
            '绩效目标表 (tables)': IMPORT_EXTENSIONS.map(extension => extension.slice(1)),
            'Excel / WPS': ['xlsx', 'xls', 'et'],
            '网页 (web pages)': ['html', 'htm'],
            'PDF': ['pdf'],
            'Word': ['docx'],
            '文本 / CSV (text)': ['txt', 'csv']
        }
    }))?.[0];
    if (!source) {
        return undefined;
    }
    if (source.scheme !== 'file') {
        vscode.window.showWarningMessage('perf：只能导入本机文件 (only local files can be imported)');
        return undefined;
    }
    const params: ImportTableParams = { path: source.fsPath };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `perf：正在导入 ${path.basename(source.fsPath)}… (importing)` },
        () => client.sendRequest<ImportTableResult>(IMPORT_TABLE_REQUEST, params));
    if ('message' in result) {
        vscode.window.showWarningMessage(`perf：${result.message}`);
        return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'perf', content: result.text });
    await vscode.window.showTextDocument(document);
    if (result.notes.length > 0) {
        vscode.window.showInformationMessage(
            `perf：导入完成，${result.notes.length} 处需要核对（已作为注释写在文件中）(${result.notes.length} notes to review)`);
    }
    return document;
}
