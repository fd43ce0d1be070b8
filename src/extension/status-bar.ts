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
        this.item.name = 'perf 合计';
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
        const state = !summary.reconciles ? `$(error) ${errors} 处未对平`
            : roundings > 0 ? `$(check) 已对平（${roundings} 处四舍五入差）` : '$(check) 已对平';
        this.item.text = `合计 ${summary.total} ${summary.unit} ${state}`;
        this.item.backgroundColor = summary.reconciles ? undefined : new vscode.ThemeColor('statusBarItem.errorBackground');
        const lines = [
            `**perf** — ${summary.projectCount} 个项目，合计 ${summary.total} ${summary.unit}`,
            summary.mismatches.length === 0
                ? '所有写明的金额都与下级合计相符 (every stated figure reconciles)'
                : summary.reconciles
                    ? '写明的金额与计算结果只差四舍五入 (stated ≈ computed, within rounding):'
                    : '写明的金额与计算结果不符 (stated ≠ computed):',
            ...summary.mismatches.slice(0, TOOLTIP_MISMATCHES).map(m => `- 第 ${m.line + 1} 行：${m.message}`),
            ...(summary.mismatches.length > TOOLTIP_MISMATCHES ? [`- …另有 ${summary.mismatches.length - TOOLTIP_MISMATCHES} 处`] : []),
            ...(summary.errorCount > 0 ? [`文档有 ${summary.errorCount} 个错误`] : []),
            '', '点击打开预览 (click to preview)'
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
