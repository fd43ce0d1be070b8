import { isAstNode, type AstNode } from 'langium';

/**
 * Every node of an AST in the order of Langium's `AstUtils.streamAst` (the root, then each property's nodes
 * depth first, properties in key order), as a plain recursive walk: the stream makes an iterator, a key array
 * and a result object per node, about a fifth of what validating the 25k document allocated
 * (docs/performance.md). `visit` returns false to leave out the node's children (the stream's `prune`).
 */
export function walkAst(root: AstNode, visit: (node: AstNode) => boolean): void {
    if (!visit(root)) {
        return;
    }
    // for-in, not Object.keys: the same own keys in the same order (AST nodes are plain objects), without
    // an array per node.
    for (const property in root) {
        if (property.startsWith('$')) {
            continue;
        }
        const value = (root as unknown as Record<string, unknown>)[property];
        if (isAstNode(value)) {
            walkAst(value, visit);
        } else if (Array.isArray(value)) {
            for (const element of value) {
                if (isAstNode(element)) {
                    walkAst(element, visit);
                }
            }
        }
    }
}
