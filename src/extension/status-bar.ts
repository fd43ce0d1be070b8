/**
 * Status-bar item for the active .perf document: its 合计 (as the table shows it) and whether every stated
 * figure reconciles with what it adds up. The figures come from the server (perf/documentSummary).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_SUMMARY_REQUEST, type DocumentParams, type DocumentSummaryResult } from '../protocol/perf-protocol.js';
import { PERF_COMMANDS } from './commands.js';

const REFRESH_DELAY_MS = 300;
/** Mismatches listed in the tooltip; the rest are counted. */
const TOOLTIP_MISMATCHES = 8;

export class SummaryStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('perf.summary', vscode.StatusBarAlignment.Left, 100);
    private readonly subscriptions: vscode.Disposable[] = [];
    private timer?: NodeJS.Timeout;
    /** The last summary shown, for the self-check. */
    lastSummary?: DocumentSummaryResult;

    constructor(private readonly client: LanguageClient) {
        this.item.name = vscode.l10n.t('perf total');
        this.item.command = PERF_COMMANDS.openPreviewToSide;
    }

    start(): void {
        this.subscriptions.push(
            vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document === vscode.window.activeTextEditor?.document) {
                    this.schedule(REFRESH_DELAY_MS);
                }
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('perf')) {
                    this.schedule(REFRESH_DELAY_MS);
                }
            })
        );
        this.schedule(0);
    }

    private schedule(delay: number): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), delay);
    }

    /** Asks the server for the active document's summary and shows it (hidden for other documents). */
    async refresh(): Promise<DocumentSummaryResult | undefined> {
        const document = vscode.window.activeTextEditor?.document;
        if (!document || document.languageId !== 'perf') {
            this.item.hide();
            return undefined;
        }
        const params: DocumentParams = { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
        let summary: DocumentSummaryResult;
        try {
            summary = await this.client.sendRequest<DocumentSummaryResult>(DOCUMENT_SUMMARY_REQUEST, params);
        } catch {
            return undefined; // cancelled by a newer edit; the next refresh shows it
        }
        if (document !== vscode.window.activeTextEditor?.document) {
            return summary;
        }
        this.lastSummary = summary;
        this.show(summary);
        return summary;
    }

    private show(summary: DocumentSummaryResult): void {
        if (!summary.total) {
            this.item.hide();
            return;
        }
        const errors = summary.mismatches.filter(mismatch => !mismatch.rounding).length;
        const roundings = summary.mismatches.length - errors;
        const state = !summary.reconciles ? `$(error) ${vscode.l10n.t('{0} do not reconcile', errors)}`
            : roundings > 0 ? `$(check) ${vscode.l10n.t('reconciles ({0} rounding differences)', roundings)}` : `$(check) ${vscode.l10n.t('reconciles')}`;
        this.item.text = vscode.l10n.t('Total {0} {1} {2}', summary.total, summary.unit, state);
        this.item.backgroundColor = summary.reconciles ? undefined : new vscode.ThemeColor('statusBarItem.errorBackground');
        const lines = [
            `**perf** — ${vscode.l10n.t('{0} projects, total {1} {2}', summary.projectCount, summary.total, summary.unit)}`,
            summary.mismatches.length === 0
                ? vscode.l10n.t('Every stated figure reconciles with the sum below it')
                : summary.reconciles
                    ? vscode.l10n.t('The stated figures differ from the computed ones by rounding only:')
                    : vscode.l10n.t('The stated figures differ from the computed ones:'),
            ...summary.mismatches.slice(0, TOOLTIP_MISMATCHES).map(m => `- ${vscode.l10n.t('Line {0}: {1}', m.line + 1, m.message)}`),
            ...(summary.mismatches.length > TOOLTIP_MISMATCHES ? [`- ${vscode.l10n.t('…and {0} more', summary.mismatches.length - TOOLTIP_MISMATCHES)}`] : []),
            ...(summary.errorCount > 0 ? [vscode.l10n.t('The document has {0} errors', summary.errorCount)] : []),
            '', vscode.l10n.t('Click to open the preview')
        ];
        this.item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
        this.item.show();
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.item.dispose();
        this.subscriptions.forEach(subscription => subscription.dispose());
    }
}
