import {
    AstUtils, DefaultReferenceDescriptionProvider, isReference, UriUtils,
    type AstNode, type AstNodeLocator, type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type Reference,
    type ReferenceDescription, type URI
} from 'langium';
import type { PerfFile } from '../generated/ast.js';
import type { ClosedDocumentCst, ClosedDocumentCstServices } from './closed-document-cst.js';
import { referencesOf } from './perf-linker.js';

/**
 * Langium's index of every cross-reference (for find references and for rebuilding what a change affects)
 * stores, per reference, the path of the node that holds it as a concatenated string and its text segment as
 * four objects: ~10 MiB at 25,000 indicators (docs/performance.md). The nodes themselves live as long as their
 * document, whose entries the index replaces on every rebuild; so the path and segment are derived from them
 * when asked for, which only find references and rename do: the segment from the reference's token, or from
 * the position a document held without its CST kept (closed-document-cst.ts). The references are found as
 * the linker finds them.
 */
export class CompactReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {

    private readonly closedDocumentCst: ClosedDocumentCst;

    constructor(services: LangiumCoreServices & ClosedDocumentCstServices) {
        super(services);
        this.closedDocumentCst = services.workspace.ClosedDocumentCst;
    }

    override async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        let index = 0;
        for (const { reference, container, property } of referencesOf(document.parseResult.value as PerfFile)) {
            // perf's grammar has single references only (no multi-references), each with one target description.
            const target = isReference(reference) ? reference.$nodeDescription : undefined;
            if (!reference.error && target && this.closedDocumentCst.hasReferenceToken(document, index, reference.$refNode)) {
                descriptions.push(new DerivedReferenceDescription(this.nodeLocator, this.closedDocumentCst, container, property, index,
                    document.uri, target.documentUri, target.path, UriUtils.equals(target.documentUri, document.uri)));
            }
            index++;
        }
        return descriptions;
    }
}

class DerivedReferenceDescription implements ReferenceDescription {
    constructor(
        private readonly locator: AstNodeLocator,
        private readonly closedDocumentCst: ClosedDocumentCst,
        private readonly source: AstNode,
        private readonly property: string,
        /** Its index in `referencesOf` its document. */
        private readonly index: number,
        readonly sourceUri: URI,
        readonly targetUri: URI,
        readonly targetPath: string,
        readonly local: boolean
    ) {}

    get sourcePath(): string {
        return this.locator.getAstNodePath(this.source);
    }

    get segment(): DocumentSegment {
        const reference = (this.source as unknown as Record<string, Reference>)[this.property];
        return this.closedDocumentCst.referenceSegment(AstUtils.getDocument(this.source), this.index, reference.$refNode)!;
    }
}
