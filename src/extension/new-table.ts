/**
 * "perf: New Table": asks for the department, budget year, unit and catalog, and opens the starter table the
 * server writes (the same as `perf new`) as a new, unsaved .perf document.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NEW_TABLE_REQUEST, type NewTableParams, type NewTableResult } from '../protocol/perf-protocol.js';
import { PERF_COMMANDS } from './commands.js';

// Functions, not constants: vscode.l10n answers in the user's language once the extension is loaded.
const units = () => [
    { label: '万元', description: vscode.l10n.t('amounts in 10,000 yuan (the most common)') },
    { label: '元', description: vscode.l10n.t('amounts in yuan') }
];
const catalogs = () => [
    { label: '2015', description: vscode.l10n.t('财预〔2015〕88号: output, effect, satisfaction (still used in Guangdong and elsewhere)') },
    { label: '2021', description: vscode.l10n.t('财预〔2021〕101号: cost, output, effect, satisfaction') }
];

export function registerNewTableCommand(client: LanguageClient): vscode.Disposable {
    return vscode.commands.registerCommand(PERF_COMMANDS.newTable, () => newTable(client));
}

export async function newTable(client: LanguageClient): Promise<vscode.TextDocument | undefined> {
    const department = await vscode.window.showInputBox({
        title: vscode.l10n.t('perf: New Table (1/4)'), prompt: vscode.l10n.t('Department name'),
        placeHolder: vscode.l10n.t('e.g. a county education bureau'), ignoreFocusOut: true,
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
        : await vscode.window.showQuickPick(units(), { title: vscode.l10n.t('perf: New Table (3/4)'), placeHolder: vscode.l10n.t('Unit of amounts') });
    const catalog = unit === undefined ? undefined
        : await vscode.window.showQuickPick(catalogs(), { title: vscode.l10n.t('perf: New Table (4/4)'), placeHolder: vscode.l10n.t('Indicator catalog') });
    if (year === undefined || unit === undefined || catalog === undefined) {
        return undefined;
    }
    const params: NewTableParams = { department, year: year.trim(), unit: unit.label, catalog: catalog.label };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('perf: writing the new table…') },
        () => client.sendRequest<NewTableResult>(NEW_TABLE_REQUEST, params));
    if ('message' in result) {
        vscode.window.showWarningMessage(vscode.l10n.t('perf: {0}', result.message));
        return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'perf', content: result.text });
    await vscode.window.showTextDocument(document);
    return document;
}
