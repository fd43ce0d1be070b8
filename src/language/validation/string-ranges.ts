import { AstUtils, type AstNode, type CstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/**
 * The source range of characters `from`..`to` of a quoted string's value: the CST text still has its
 * quotes and escapes (\" and \\), so value indices are mapped through them.
 */
export function rangeInString(node: AstNode, cst: CstNode, from: number, to: number): Range {
    const raw = cst.text;
    const rawIndexOf: number[] = [];
    for (let rawIndex = 1; rawIndex < raw.length - 1; rawIndex++) {
        rawIndexOf.push(rawIndex);
        if (raw[rawIndex] === '\\') {
            rawIndex++;
        }
    }
    rawIndexOf.push(raw.length - 1);
    const text = AstUtils.getDocument(node).textDocument;
    const at = (index: number) => text.positionAt(cst.offset + rawIndexOf[Math.min(index, rawIndexOf.length - 1)]);
    return { start: at(from), end: at(to) };
}
