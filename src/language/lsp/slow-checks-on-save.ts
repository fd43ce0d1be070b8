import { URI, type IndexManager, type LangiumDocuments, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

/**
 * Runs the 'slow' validation checks (the cross-file reconciliation of summaries, 汇总) when a file is saved:
 * on the saved document and on every document that refers to it. Edits run only the fast checks (Langium's
 * default); without this, the editor would show slow diagnostics only after "perf: Check Workspace".
 */
export class PerfDocumentUpdateHandler extends DefaultDocumentUpdateHandler {

    private readonly documents: LangiumDocuments;
    private readonly index: IndexManager;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.index = services.workspace.IndexManager;
    }

    didSaveDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        void this.runSlowChecks(URI.parse(event.document.uri));
    }

    /** Completes once the slow diagnostics are computed (and, with a connection, published). */
    runSlowChecks(saved: URI): Promise<void> {
        const changed = new Set([saved.toString()]);
        const affected = this.documents.all
            .filter(document => changed.has(document.uri.toString()) || this.index.isAffected(document, changed))
            .toArray();
        // The builder runs only the categories a document has not had yet, keeping the fast diagnostics.
        return this.workspaceLock.write(token => this.documentBuilder.build(affected, { validation: true }, token));
    }
}
