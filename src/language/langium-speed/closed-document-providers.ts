import { AstUtils, DefaultCommentProvider, DefaultNameProvider, type AstNode, type CstNode, type LangiumCoreServices } from 'langium';
import type { ClosedDocumentCst } from './closed-document-cst.js';

/**
 * Langium asks the name provider for the name token of a declaration wherever a feature points into another
 * file: go to definition, find references and rename (the declaration), workspace symbols of exported names.
 * A closed file may be held without its CST (closed-document-cst.ts): it gets it back first.
 */
export class ClosedDocumentNameProvider extends DefaultNameProvider {

    constructor(private readonly closedDocumentCst: ClosedDocumentCst) {
        super();
    }

    override getNameNode(node: AstNode): CstNode | undefined {
        const document = AstUtils.findRootNode(node).$document;
        if (document) {
            this.closedDocumentCst.restore(document);
        }
        return super.getNameNode(node);
    }
}

/**
 * The comment above a declaration (its documentation in completion, `/** … *\/`) is found in the CST. Another
 * file's completion of a summary's 部门 lists every department: a closed file kept their comments when it gave
 * up its CST, instead of being parsed again for each item.
 */
export class ClosedDocumentCommentProvider extends DefaultCommentProvider {

    constructor(services: LangiumCoreServices, private readonly closedDocumentCst: ClosedDocumentCst) {
        super(services);
    }

    override getComment(node: AstNode): string | undefined {
        return this.closedDocumentCst.commentOf(node) ?? super.getComment(node);
    }
}
