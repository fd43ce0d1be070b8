import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type LeafCstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isPerfFile } from '../generated/ast.js';
import { isComparatorKeyword, splitNumberAndUnit } from '../numberish.js';
import { isQuoted } from '../quoted-text.js';

/** A number with its unit attached, as the NUMBERISH token holds it: `3%`, `10条`, `50,000.00`. */
const CODE_FEATURES = new Set(['category', 'group']);
const STRUCTURE_KEYWORDS = new Set(['{', '}', '/']);

/**
 * Semantic highlighting. The TextMate grammar Langium generates drops every non-ASCII keyword, so this is
 * what colours 项目, 指标值, 不低于 …: keywords, codes (enumMember), amounts and target numbers (number),
 * units (type), comparators (operator), strings and comments. One pass over the file's tokens.
 */
export class PerfSemanticTokenProvider extends AbstractSemanticTokenProvider {

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        if (!isPerfFile(node) || !node.$cstNode) {
            return 'prune';
        }
        for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
            this.highlightLeaf(leaf, acceptor);
        }
        return 'prune';
    }

    private highlightLeaf(leaf: LeafCstNode, acceptor: SemanticTokenAcceptor): void {
        if (leaf.hidden) {
            acceptor({ cst: leaf, type: SemanticTokenTypes.comment });
            return;
        }
        const rule = leaf.grammarSource && AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule)?.name;
        if (GrammarAST.isKeyword(leaf.grammarSource)) {
            const keyword = leaf.grammarSource.value;
            if (isComparatorKeyword(leaf.grammarSource)) {
                acceptor({ cst: leaf, type: SemanticTokenTypes.operator });
            } else if (rule === 'MoneyUnit') {
                acceptor({ cst: leaf, type: SemanticTokenTypes.type });
            } else if (keyword === '-') {
                // The sign of a negative amount, or the dash of a range (起止时间 2023.07-2024.01, 分值范围 1 40-50).
                acceptor({ cst: leaf, type: rule === 'Money' ? SemanticTokenTypes.number : SemanticTokenTypes.operator });
            } else if (!STRUCTURE_KEYWORDS.has(keyword)) {
                acceptor({ cst: leaf, type: SemanticTokenTypes.keyword });
            }
            return;
        }
        const feature = GrammarUtils.findAssignment(leaf)?.feature;
        if (isQuoted(leaf.text)) {
            acceptor({ cst: leaf, type: feature === 'catalog' ? SemanticTokenTypes.namespace : SemanticTokenTypes.string });
        } else if (feature !== undefined && CODE_FEATURES.has(feature)) {
            acceptor({ cst: leaf, type: SemanticTokenTypes.enumMember });
        } else if (feature === 'name' && (rule === 'IndicatorCategory' || rule === 'IndicatorGroup')) {
            acceptor({ cst: leaf, type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.declaration });
        } else {
            this.highlightNumber(leaf, acceptor);
        }
    }

    /** An amount, a year or a target number; the unit attached to a target number is a token of its own. */
    private highlightNumber(leaf: LeafCstNode, acceptor: SemanticTokenAcceptor): void {
        const split = splitNumberAndUnit(leaf.text);
        if (!split) {
            return;
        }
        const { number, unit } = split;
        const { line, character } = leaf.range.start;
        acceptor({ line, char: character, length: number.length, type: SemanticTokenTypes.number });
        if (unit) {
            acceptor({ line, char: character + number.length, length: unit.length, type: SemanticTokenTypes.type });
        }
    }
}
