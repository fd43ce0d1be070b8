/**
 * Where two parse results differ, as a path and what differs there, or undefined when they are the same:
 * the AST (keys in the same order, values, references' text and CST node, containers) and the CST (class,
 * offsets, positions, grammar element, token type, hidden flag, children, the AST node each one belongs to).
 */
import { isAstNode, isReference, type AstNode, type CstNode } from 'langium';

export function treeDifference(expected: AstNode, actual: AstNode): string | undefined {
    const nodes = new Map<object, object>();
    return nodeDifference(expected, actual, 'root', nodes) ?? cstDifference(expected.$cstNode!, actual.$cstNode!, 'cst', nodes);
}

function nodeDifference(expected: AstNode, actual: AstNode, path: string, nodes: Map<object, object>): string | undefined {
    nodes.set(expected, actual);
    const expectedKeys = Object.keys(expected).join(',');
    const actualKeys = Object.keys(actual).join(',');
    if (expectedKeys !== actualKeys) {
        return `${path}: keys ${expectedKeys} ≠ ${actualKeys}`;
    }
    for (const key of Object.keys(expected)) {
        const difference = valueDifference((expected as unknown as Record<string, unknown>)[key],
            (actual as unknown as Record<string, unknown>)[key], `${path}.${key}`, nodes);
        if (difference) {
            return difference;
        }
    }
    return undefined;
}

function valueDifference(expected: unknown, actual: unknown, path: string, nodes: Map<object, object>): string | undefined {
    if (path.endsWith('.$cstNode') || path.endsWith('.$container')) {
        // Compared with the CST below, and by the walk from the root (each container is visited first).
        return path.endsWith('.$container') && nodes.get(expected as object) !== actual ? `${path}: another container` : undefined;
    } else if (Array.isArray(expected)) {
        if (!Array.isArray(actual) || actual.length !== expected.length) {
            return `${path}: ${expected.length} items ≠ ${Array.isArray(actual) ? actual.length : typeof actual}`;
        }
        for (let i = 0; i < expected.length; i++) {
            const difference = valueDifference(expected[i], actual[i], `${path}[${i}]`, nodes);
            if (difference) {
                return difference;
            }
        }
        return undefined;
    } else if (isAstNode(expected)) {
        return isAstNode(actual) ? nodeDifference(expected, actual, path, nodes) : `${path}: not a node`;
    } else if (isReference(expected)) {
        if (!isReference(actual) || actual.$refText !== expected.$refText || actual.$refNode?.offset !== expected.$refNode?.offset) {
            return `${path}: reference ${expected.$refText} ≠ ${isReference(actual) ? actual.$refText : typeof actual}`;
        }
        return undefined;
    }
    return Object.is(expected, actual) ? undefined : `${path}: ${String(expected)} ≠ ${String(actual)}`;
}

function cstDifference(expected: CstNode, actual: CstNode, path: string, nodes: Map<object, object>): string | undefined {
    const describe = (node: CstNode) => JSON.stringify([node.constructor.name, node.offset, node.length, node.range,
        node.hidden, 'tokenType' in node ? (node.tokenType as { name: string }).name : undefined]);
    if (describe(expected) !== describe(actual)) {
        return `${path}: ${describe(expected)} ≠ ${describe(actual)}`;
    } else if (expected.grammarSource !== actual.grammarSource) {
        return `${path}: another grammar element`;
    }
    const expectedOwn = (expected as unknown as { _astNode?: object })._astNode;
    const actualOwn = (actual as unknown as { _astNode?: object })._astNode;
    if ((expectedOwn === undefined) !== (actualOwn === undefined)) {
        return `${path}: belongs to another AST node`;
    } else if (expectedOwn && !nodes.has(expectedOwn)) {
        // A node a second `=` assignment replaced: in the CST, not in the AST.
        const difference = nodeDifference(expectedOwn as AstNode, actualOwn as AstNode, `${path}.replaced`, nodes);
        if (difference) {
            return difference;
        }
    } else if (expectedOwn && nodes.get(expectedOwn) !== actualOwn) {
        return `${path}: belongs to another AST node`;
    }
    const expectedContent = 'content' in expected ? expected.content as CstNode[] : [];
    const actualContent = 'content' in actual ? actual.content as CstNode[] : [];
    if (expectedContent.length !== actualContent.length) {
        return `${path}: ${expectedContent.length} children ≠ ${actualContent.length}`;
    }
    for (let i = 0; i < expectedContent.length; i++) {
        const difference = cstDifference(expectedContent[i], actualContent[i], `${path}[${i}]`, nodes);
        if (difference) {
            return difference;
        }
    }
    return undefined;
}
