/**
 * "perf: New Table": asks for the department, budget year, unit and catalog, and opens the starter table the
 * server writes (the same as `perf new`) as a new, unsaved .perf document.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NEW_TABLE_REQUEST, type NewTableParams, type NewTableResult } from '../protocol/perf-protocol.js';
import { PERF_COMMANDS } from './commands.js';

const UNITS = [
    { label: '万元', description: '金额以万元计（最常见）' },
    { label: '元', description: '金额以元计' }
];
const CATALOGS = [
    { label: '2015', description: '财预〔2015〕88号：产出、效益、满意度（广东等地沿用）' },
    { label: '2021', description: '财预〔2021〕101号：成本、产出、效益、满意度' }
];

export function registerNewTableCommand(client: LanguageClient): vscode.Disposable {
    return vscode.commands.registerCommand(PERF_COMMANDS.newTable, () => newTable(client));
}

export async function newTable(client: LanguageClient): Promise<vscode.TextDocument | undefined> {
    const department = await vscode.window.showInputBox({
        title: vscode.l10n.t('perf: New Table (1/4)'), prompt: vscode.l10n.t('Department name'),
        placeHolder: '某县教育局', ignoreFocusOut: true,
        validateInput: value => value.trim() === '' ? vscode.l10n.t('Please enter the department name') : undefined
    });
    if (department === undefined) {
        return undefined;
    }
    const year = await vscode.window.showInputBox({
        title: vscode.l10n.t('perf: New Table (2/4)'), prompt: vscode.l10n.t('Budget year'),
        value: String(new Date().getFullYear()), ignoreFocusOut: true
    });
    const unit = year === undefined ? undefined
        : await vscode.window.showQuickPick(UNITS, { title: vscode.l10n.t('perf: New Table (3/4)'), placeHolder: vscode.l10n.t('Unit of amounts') });
    const catalog = unit === undefined ? undefined
        : await vscode.window.showQuickPick(CATALOGS, { title: vscode.l10n.t('perf: New Table (4/4)'), placeHolder: vscode.l10n.t('Indicator catalog') });
    if (year === undefined || unit === undefined || catalog === undefined) {
        return undefined;
    }
    const params: NewTableParams = { department, year: year.trim(), unit: unit.label, catalog: catalog.label };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('perf: writing the new table…') },
        () => client.sendRequest<NewTableResult>(NEW_TABLE_REQUEST, params));
    if ('message' in result) {
        vscode.window.showWarningMessage(`perf：${result.message}`);
        return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'perf', content: result.text });
    await vscode.window.showTextDocument(document);
    return document;
}
