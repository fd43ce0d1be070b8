import {
    AstUtils, CstUtils, DefaultReferenceDescriptionProvider, isReference, UriUtils,
    type AstNode, type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumDocument, type ReferenceDescription,
    type ReferenceInfo, type URI
} from 'langium';
import type { PerfFile } from '../generated/ast.js';
import { referencesOf } from './perf-linker.js';

/**
 * Langium's index of every cross-reference (for find references and for rebuilding what a change affects)
 * stores, per reference, the path of the node that holds it as a concatenated string and its text segment as
 * four objects: ~10 MiB at 25,000 indicators (docs/performance.md). The nodes themselves live as long as their
 * document, whose entries the index replaces on every rebuild; so the path and segment are derived from them
 * when asked for, which only find references and rename do. The references are found as the linker finds them.
 */
export class CompactReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {

    override async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        return [...referencesOf(document.parseResult.value as PerfFile)].flatMap(info => this.createInfoDescriptions(info));
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const reference = refInfo.reference;
        const refNode = reference.$refNode;
        // perf's grammar has single references only (no multi-references), each with one target description.
        const target = isReference(reference) ? reference.$nodeDescription : undefined;
        if (reference.error || !refNode || !target) {
            return [];
        }
        const sourceUri = AstUtils.getDocument(refInfo.container).uri;
        return [new DerivedReferenceDescription(this.nodeLocator, refInfo.container, refNode, sourceUri,
            target.documentUri, target.path, UriUtils.equals(target.documentUri, sourceUri))];
    }
}

class DerivedReferenceDescription implements ReferenceDescription {
    constructor(
        private readonly locator: AstNodeLocator,
        private readonly source: AstNode,
        private readonly refNode: CstNode,
        readonly sourceUri: URI,
        readonly targetUri: URI,
        readonly targetPath: string,
        readonly local: boolean
    ) {}

    get sourcePath(): string {
        return this.locator.getAstNodePath(this.source);
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.refNode);
    }
}
