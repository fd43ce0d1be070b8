import { DefaultLangiumDocuments, stream, type LangiumDocument, type Stream, type URI } from 'langium';
import { closedDocumentCstOf } from './closed-document-cst.js';

/**
 * Langium keeps documents in a trie by URI path and collects them into a new array (copied once per path
 * level) every time `all` is read; an edit reads it twice, across every file of the workspace. The list is
 * kept here until a document is added or deleted.
 *
 * A document read from the workspace (not open in the editor) gives up its CST as soon as it is added, before
 * the others are read: the CSTs of a whole province do not fit beside each other (closed-document-cst.ts).
 */
export class PerfLangiumDocuments extends DefaultLangiumDocuments {

    private allDocuments: readonly LangiumDocument[] | undefined;

    override get all(): Stream<LangiumDocument> {
        this.allDocuments ??= super.all.toArray();
        return stream(this.allDocuments);
    }

    override addDocument(document: LangiumDocument): void {
        this.allDocuments = undefined;
        super.addDocument(document);
        closedDocumentCstOf(this.services.ServiceRegistry, document).release(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.allDocuments = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.allDocuments = undefined;
        return super.deleteDocuments(folder);
    }
}
