import { CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';
import { isIndicator } from '../generated/ast.js';
import { MULTI_LINE_STRING_PROPERTIES } from './formatter.js';

/**
 * Folding: every block (catalog, department, project, summary) and comment as Langium folds them, plus a
 * text written over several lines (绩效目标, 实施期目标, 年度目标, 部门职责 … "…" ⏎ "…"), which is no node of its
 * own, and a run of `//`
 * comment lines (a file's header), which are separate tokens.
 */
export class PerfFoldingRangeProvider extends DefaultFoldingRangeProvider {

    protected override shouldProcessContent(node: AstNode): boolean {
        return !isIndicator(node);   // an indicator is one line: nothing inside it folds
    }

    protected override collectObjectFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectObjectFolding(document, node, acceptor);
        for (const property of MULTI_LINE_STRING_PROPERTIES) {
            const value = (node as unknown as Record<string, unknown>)[property];
            if (!Array.isArray(value) || value.length < 2) {
                continue;
            }
            const pieces = GrammarUtils.findNodesForProperty(node.$cstNode, property);
            const start = pieces[0]?.range.start;
            const end = pieces[pieces.length - 1]?.range.end;
            if (start && end && end.line > start.line) {
                acceptor({ startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character });
            }
        }
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectCommentFolding(document, node, acceptor);
        let run: { startLine: number; endLine: number } | undefined;
        const flush = () => {
            if (run && run.endLine > run.startLine) {
                acceptor({ startLine: run.startLine, endLine: run.endLine, kind: FoldingRangeKind.Comment });
            }
            run = undefined;
        };
        for (const leaf of node.$cstNode ? CstUtils.flattenCst(node.$cstNode) : []) {
            const line = leaf.range.start.line;
            const ownLine = document.textDocument.getText({ start: { line, character: 0 }, end: leaf.range.start }).trim() === '';
            if (leaf.hidden && leaf.text.startsWith('//') && ownLine) {
                run = run && run.endLine === line - 1 ? { ...run, endLine: line } : (flush(), { startLine: line, endLine: line });
            } else {
                flush();
            }
        }
        flush();
    }
}
