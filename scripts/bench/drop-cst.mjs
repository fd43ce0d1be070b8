// What the route "hold closed files without their CST" would save, measured before building it: drops the
// concrete syntax tree (the CST nodes Langium keeps per token, reached from every AST node's $cstNode and
// every reference's $refNode, and from perf's reference index entries) of every document but `keptUri`. The documents are then unfit for hover,
// rename or find-references, so this is for the bench scripts' figures only (--drop-cst).
import { AstUtils } from 'langium';

export function dropCst(shared, keptUri) {
    let documents = 0;
    for (const document of shared.workspace.LangiumDocuments.all) {
        if (document.uri.toString() === keptUri) {
            continue;
        }
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            node.$cstNode = undefined;
            for (const reference of AstUtils.streamReferences(node)) {
                reference.reference.$refNode = undefined;
            }
        }
        for (const description of shared.workspace.IndexManager.referenceIndex.get(document.uri.toString()) ?? []) {
            description.refNode = undefined;
        }
        documents++;
    }
    return documents;
}
