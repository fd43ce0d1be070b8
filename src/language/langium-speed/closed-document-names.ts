import { AstUtils, DefaultNameProvider, type AstNode, type CstNode } from 'langium';
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
