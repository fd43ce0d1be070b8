/**
 * "perf: Open Preview to the Side": the official table (HTML from renderHtml) in a webview beside the
 * editor, refreshed as the document changes. The webview runs no script and loads nothing: its
 * Content-Security-Policy allows inline styles only.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { escapeHtml } from '../compile/escape.js';
import { renderHtml } from '../compile/html.js';
import type { OfficialTable } from '../compile/official-table.js';
import { OFFICIAL_TABLE_REQUEST, type DocumentParams, type OfficialTableResult } from '../protocol/perf-protocol.js';
import { perfDocumentFor } from './documents.js';

/** No script, no fetch, no frame, no form, no base: only the inline style of the table. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'";

/** Delay after the last keystroke before the preview asks the server again. */
const REFRESH_DELAY_MS = 250;
/**
 * A preview opened right after its document may ask before the server has read it (or be cancelled by the
 * first build): until a table was shown, ask again this often, this many times, instead of waiting for an edit.
 */
const FIRST_TABLE_RETRY_MS = 500;
const FIRST_TABLE_RETRIES = 20;

export const PREVIEW_VIEW_TYPE = 'perf.preview';

interface Preview {
    panel: vscode.WebviewPanel;
    lastTable?: OfficialTable;
    timer?: NodeJS.Timeout;
    /** Failed requests since the panel opened, while it has shown no table yet. */
    failures: number;
}

export class PreviewManager implements vscode.Disposable {
    private readonly previews = new Map<string, Preview>();
    private readonly subscriptions: vscode.Disposable[];

    constructor(private readonly client: LanguageClient) {
        this.subscriptions = [
            vscode.workspace.onDidChangeTextDocument(event => this.scheduleRefresh(event.document)),
            vscode.workspace.onDidSaveTextDocument(document => this.scheduleRefresh(document))
        ];
    }

    /** Opens (or reveals) the preview of a document beside it; resolves once the first content is shown. */
    async open(uri?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
        const document = await perfDocumentFor(uri);
        if (!document) {
            return undefined;
        }
        const key = document.uri.toString();
        const existing = this.previews.get(key);
        if (existing) {
            existing.panel.reveal(vscode.ViewColumn.Beside, true);
            return existing.panel;
        }
        const panel = vscode.window.createWebviewPanel(
            PREVIEW_VIEW_TYPE, vscode.l10n.t('Preview {0}', document.uri.path.split('/').pop() ?? ''),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: false, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false }
        );
        const preview: Preview = { panel, failures: 0 };
        this.previews.set(key, preview);
        panel.onDidDispose(() => {
            clearTimeout(preview.timer);
            this.previews.delete(key);
        });
        panel.webview.html = messagePage(vscode.l10n.t('Rendering the preview…'));
        await this.refresh(document, preview);
        return panel;
    }

    /** The HTML currently shown for a document (for the self-check and tests). */
    htmlOf(uri: vscode.Uri): string | undefined {
        return this.previews.get(uri.toString())?.panel.webview.html;
    }

    private scheduleRefresh(document: vscode.TextDocument): void {
        const preview = this.previews.get(document.uri.toString());
        if (!preview) {
            return;
        }
        clearTimeout(preview.timer);
        preview.timer = setTimeout(() => void this.refresh(document, preview), REFRESH_DELAY_MS);
    }

    private async refresh(document: vscode.TextDocument, preview: Preview): Promise<void> {
        const params: DocumentParams = { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
        let result: OfficialTableResult;
        try {
            result = await this.client.sendRequest<OfficialTableResult>(OFFICIAL_TABLE_REQUEST, params);
        } catch (error) {
            // The server cancels a request when a newer edit arrives: the next refresh brings the table.
            if (!preview.lastTable) {
                preview.panel.webview.html = messagePage(vscode.l10n.t('The preview is not available: {0}', error instanceof Error ? error.message : String(error)));
                if (++preview.failures <= FIRST_TABLE_RETRIES) {
                    clearTimeout(preview.timer);
                    preview.timer = setTimeout(() => void this.refresh(document, preview), FIRST_TABLE_RETRY_MS);
                }
            }
            return;
        }
        if (result.table) {
            preview.lastTable = result.table;
            preview.panel.webview.html = withPreviewStyle(renderHtml(result.table, { csp: PREVIEW_CSP }));
            return;
        }
        const state = preview.lastTable
            ? vscode.l10n.t('The document has {0} errors; the preview shows its last version without errors.', result.errorCount)
            : vscode.l10n.t('The document has {0} errors; the preview shows once they are corrected.', result.errorCount);
        const where = result.firstError
            ? ' ' + vscode.l10n.t('Line {0}, column {1}: {2}', result.firstError.line + 1, result.firstError.character + 1, result.firstError.message)
            : '';
        const notice = state + where;
        preview.panel.webview.html = preview.lastTable
            ? withNotice(withPreviewStyle(renderHtml(preview.lastTable, { csp: PREVIEW_CSP })), notice)
            : messagePage(notice);
    }

    dispose(): void {
        for (const preview of this.previews.values()) {
            preview.panel.dispose();
        }
        this.subscriptions.forEach(subscription => subscription.dispose());
    }
}

const NOTICE_CSS = '.perf-notice { border: 1px solid #c00; background: #fff4f4; color: #900; padding: 4pt 8pt; margin-bottom: 8pt; }';

/** A side panel is narrower than A4 landscape: keep the table at a printable width and let it scroll. */
const PREVIEW_CSS = 'body { margin: 12px; background: #fff; } .perf-official { min-width: 1100px; }';

function withPreviewStyle(html: string): string {
    return html.replace('</head>', `<style>${PREVIEW_CSS}</style>\n</head>`);
}

/** The last good table with a notice above it, saying why it is not the current text. */
function withNotice(html: string, notice: string): string {
    return html
        .replace('</head>', `<style>${NOTICE_CSS}</style>\n</head>`)
        // A function, not a string: the notice quotes document text, and `$'` or `$&` in a replacement string
        // would paste parts of the page into it.
        .replace('<body>', () => `<body>\n<div class="perf-notice" role="alert">${escapeHtml(notice)}</div>`);
}

function messagePage(message: string): string {
    return [
        '<!DOCTYPE html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(PREVIEW_CSP)}">`,
        `<style>${NOTICE_CSS}</style>`, '</head>',
        `<body><div class="perf-notice" role="alert">${escapeHtml(message)}</div></body>`, '</html>'
    ].join('\n');
}
