import {
    Cancellation, DefaultDocumentBuilder, DocumentState, type BuildOptions, type LangiumDocument, type ValidationCategory
} from 'langium';
import { forgetFigures } from '../../model/figures.js';
import type { PerfFile } from '../generated/ast.js';
import { closedDocumentCstOf } from './closed-document-cst.js';

/**
 * On every edit, Langium's `update` asks two questions of every document in the workspace: does it need
 * relinking (has it a linking error, or a reference into the changed file), and has it had every validation
 * check an edit runs. At 1,000 files that was ~7 ms per keystroke (docs/performance.md). The answers that
 * depend only on a document's own state are remembered by the array Langium replaces when that state
 * changes: its references (replaced when it is unlinked) and its executed validation checks (replaced when
 * it is validated again).
 *
 * A closed document is validated with its CST and held without it afterwards (closed-document-cst.ts), and
 * without the figures its validation cached (a summary in another file computes what it needs again).
 */
export class PerfDocumentBuilder extends DefaultDocumentBuilder {

    private readonly linkingErrors = new WeakMap<LangiumDocument['references'], { length: number; found: boolean }>();
    private readonly incompleteAfterEdit = new WeakMap<ValidationCategory[], { options: BuildOptions; incomplete: boolean }>();

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return this.hasLinkingError(document) || this.indexManager.isAffected(document, changedUris);
    }

    private hasLinkingError(document: LangiumDocument): boolean {
        const references = document.references;
        if (document.state < DocumentState.Linked) {
            // Still being linked: the list grows, so it is not remembered.
            return references.some(reference => reference.error !== undefined);
        }
        let known = this.linkingErrors.get(references);
        if (known?.length !== references.length) {
            known = { length: references.length, found: references.some(reference => reference.error !== undefined) };
            this.linkingErrors.set(references, known);
        }
        return known.found;
    }

    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const executed = this.buildState.get(document.uri.toString())?.result?.validationChecks;
        // Only the per-edit options are always the same object; other builds ask once per document anyway.
        if (options !== this.updateBuildOptions || !executed) {
            return super.resultsAreIncomplete(document, options);
        }
        let known = this.incompleteAfterEdit.get(executed);
        if (known?.options !== options) {
            known = { options, incomplete: super.resultsAreIncomplete(document, options) };
            this.incompleteAfterEdit.set(executed, known);
        }
        return known.incomplete;
    }

    protected override async validate(document: LangiumDocument, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const closedDocumentCst = closedDocumentCstOf(this.serviceRegistry, document);
        closedDocumentCst.pin(document);
        try {
            await super.validate(document, cancelToken);
        } finally {
            closedDocumentCst.unpin(document);
            closedDocumentCst.release(document);
            if (closedDocumentCst.isReleased(document)) {
                forgetFigures(document.parseResult.value as PerfFile);
            }
        }
    }
}
