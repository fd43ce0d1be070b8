import {
    AstUtils, CstUtils, GrammarAST, GrammarUtils, TextDocument,
    type AstNode, type CstNode, type LangiumDocument, type LeafCstNode, type MaybePromise
} from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams,
    DocumentRangeFormattingParams, Range, TextEdit
} from 'vscode-languageserver-protocol';
import { isPerfFile, isProject, isSimpleTarget } from '../generated/ast.js';

/** One indentation level of the canonical layout: 4 spaces, whatever the editor's settings. */
const INDENT = '    ';

/** Keywords that start a continuation line inside a one-line statement: a catalog category's 说明. */
const CONTINUATION_KEYWORDS = new Set(['说明', 'description']);

/** Keywords of a block that continue the statement before them: 主管部门 "…" 编码 "015001". */
const SAME_LINE_KEYWORDS = new Set(['编码', 'code']);

/** Properties whose second and later strings go on continuation lines (and fold): a goal, duties or a description in several pieces. */
export const MULTI_LINE_STRING_PROPERTIES = new Set(['goal', 'description', 'duties', 'annualGoal', 'periodGoal', 'longTermGoal', 'midTermGoal']);

/** Rules whose `-` joins a range (起止时间 2023.07-2024.01, 分值范围 1 40-50), not a negative amount. */
const RANGE_RULES = new Set(['Project', 'LevelScore']);

/** What goes between two tokens. */
type Gap =
    | { kind: 'line'; indent: number; blankLine: 'never' | 'kept' | 'always' }
    | { kind: 'space' }
    | { kind: 'none' }
    /** Left exactly as written: inside a simple target (`≥ 3%`), whose source text is its published text. */
    | { kind: 'keep' };

/**
 * The canonical layout of a .perf file: 4 spaces per block, one statement (amount, indicator, property) per
 * line, a single space between the tokens of a line, continuation strings of a goal on their own lines one
 * level deeper, one blank line between projects, other blank lines kept (several collapse into one).
 *
 * Lossless by construction: every edit replaces only the whitespace between two tokens of the syntax tree
 * (comments are tokens too), so no character of a name, a value, an amount or a comment can change. Langium's
 * AbstractFormatter indents a comment that precedes a statement one level too shallow and can drop the
 * whitespace after one; deciding each gap from its two neighbours keeps the rules small and idempotent.
 * Documents with syntax errors are left alone: their tree does not cover every character.
 */
export class PerfFormatter implements Formatter {

    /** Statement containers: blocks (a node whose own rule has `{`) and the file itself. */
    private readonly blockCache = new WeakMap<AstNode, boolean>();

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return this.canFormat(document) ? this.layoutEdits(document) : [];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return this.canFormat(document) ? this.layoutEdits(document).filter(edit => within(edit.range, params.range)) : [];
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private canFormat(document: LangiumDocument): boolean {
        const { lexerErrors, parserErrors } = document.parseResult;
        return lexerErrors.length === 0 && parserErrors.length === 0 && document.parseResult.value.$cstNode !== undefined;
    }

    /** The edits that turn the document into its canonical layout (none when it already is). */
    layoutEdits(document: LangiumDocument): TextEdit[] {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const edits: TextEdit[] = [];
        const replaceGap = (start: number, end: number, replacement: string) => {
            if (text.slice(start, end) !== replacement) {
                edits.push({ range: { start: textDocument.positionAt(start), end: textDocument.positionAt(end) }, newText: replacement });
            }
        };

        let depth = 0;
        let previous: LeafCstNode | undefined;
        let previousToken: LeafCstNode | undefined;   // the last non-comment token
        for (const leaf of CstUtils.flattenCst(document.parseResult.value.$cstNode!)) {
            const start = previous ? previous.end : 0;
            const written = text.slice(start, leaf.offset);
            if (!leaf.hidden && keywordOf(leaf) === '}') {
                depth--;
            }
            const gap = previous ? this.gapBefore(leaf, previous, previousToken, written, depth) : undefined;
            replaceGap(start, leaf.offset, gap ? render(gap, written, eol) : '');
            if (!leaf.hidden) {
                if (keywordOf(leaf) === '{') {
                    depth++;
                }
                previousToken = leaf;
            }
            previous = leaf;
        }
        if (previous) {
            replaceGap(previous.end, text.length, eol);
        }
        return edits;
    }

    private gapBefore(leaf: LeafCstNode, previous: LeafCstNode, previousToken: LeafCstNode | undefined,
        written: string, depth: number): Gap {
        const lineBreakWritten = written.includes('\n');
        if (leaf.hidden) {
            // A comment after code on the same line stays there; any other comment gets a line of its own.
            return lineBreakWritten ? { kind: 'line', indent: depth, blankLine: afterBrace(previousToken) ? 'never' : 'kept' } : { kind: 'space' };
        }
        const gap = this.tokenGap(leaf, previousToken, depth, written);
        if (previous.hidden && gap.kind !== 'line' && (lineBreakWritten || isLineComment(previous))) {
            // A token that continues a line after a comment on its own line: a continuation line.
            return { kind: 'line', indent: depth + 1, blankLine: 'never' };
        }
        if (previous.hidden && gap.kind === 'line' && gap.blankLine === 'always') {
            // A comment right above a project belongs to it: no blank line forced in between.
            return { ...gap, blankLine: 'kept' };
        }
        return gap;
    }

    /** The gap a token wants after the previous token, ignoring comments. */
    private tokenGap(leaf: LeafCstNode, previousToken: LeafCstNode | undefined, depth: number, written: string): Gap {
        const keyword = keywordOf(leaf);
        const node = leaf.astNode;
        if (keyword === '}') {
            return { kind: 'line', indent: depth, blankLine: 'never' };
        }
        if (keyword === '{') {
            return { kind: 'space' };
        }
        if (this.isStatementStart(leaf, node)) {
            // A blank line before each project (unless it opens its block) and between top-level blocks; a
            // catalog's groups stay as written.
            const blankLine = afterBrace(previousToken) ? 'never'
                : isProject(node) || isPerfFile(node.$container) ? 'always'
                    : 'kept';
            return { kind: 'line', indent: depth, blankLine };
        }
        if (isRangeDash(leaf) || isRangeDash(previousToken)) {
            // A range stays joined or spaced as written: 2023.07-2024.01, 2023.07 - 2024.01.
            return written === '' ? { kind: 'none' } : { kind: 'space' };
        }
        if (keyword !== undefined && this.isBlock(node) && ruleOf(leaf) === node.$type && !SAME_LINE_KEYWORDS.has(keyword)) {
            // A property keyword of a block: 表名, 单位, 绩效目标, 资金使用单位, 说明 …
            return { kind: 'line', indent: depth, blankLine: afterBrace(previousToken) ? 'never' : 'kept' };
        }
        if (keyword !== undefined && CONTINUATION_KEYWORDS.has(keyword)) {
            return { kind: 'line', indent: depth + 1, blankLine: 'never' };
        }
        if (isContinuationString(leaf, previousToken)) {
            return { kind: 'line', indent: depth + (this.isBlock(node) ? 1 : 2), blankLine: 'never' };
        }
        if (keyword === '/' || keywordOf(previousToken) === '/' || keywordOf(previousToken) === '-') {
            // 1/11 and -5.00 are written without spaces.
            return { kind: 'none' };
        }
        if (isSimpleTarget(node) && leaf.offset !== node.$cstNode?.offset) {
            return { kind: 'keep' };
        }
        return { kind: 'space' };
    }

    /** The first token of a statement: a node directly inside a block or the file. */
    private isStatementStart(leaf: LeafCstNode, node: AstNode): boolean {
        return node.$cstNode?.offset === leaf.offset && node.$container !== undefined
            && (isPerfFile(node.$container) || this.isBlock(node.$container));
    }

    private isBlock(node: AstNode): boolean {
        let block = this.blockCache.get(node);
        if (block === undefined) {
            block = GrammarUtils.findNodeForKeyword(node.$cstNode, '{') !== undefined;
            this.blockCache.set(node, block);
        }
        return block;
    }
}

function render(gap: Gap, written: string, eol: string): string {
    switch (gap.kind) {
        case 'space': return ' ';
        case 'none': return '';
        case 'keep': return written;
        case 'line': {
            const writtenBreaks = written.split('\n').length - 1;
            const breaks = gap.blankLine === 'always' || (gap.blankLine === 'kept' && writtenBreaks >= 2) ? 2 : 1;
            return eol.repeat(breaks) + INDENT.repeat(Math.max(gap.indent, 0));
        }
    }
}

function keywordOf(leaf: CstNode | undefined): string | undefined {
    return leaf && GrammarAST.isKeyword(leaf.grammarSource) ? leaf.grammarSource.value : undefined;
}

/** The parser rule a token was written in: 'Project' for 绩效目标, 'MoneyUnit' for 万元. */
function ruleOf(leaf: LeafCstNode): string | undefined {
    return leaf.grammarSource ? AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule)?.name : undefined;
}

function isRangeDash(leaf: LeafCstNode | undefined): boolean {
    return leaf !== undefined && keywordOf(leaf) === '-' && RANGE_RULES.has(ruleOf(leaf) ?? '');
}

function afterBrace(previousToken: LeafCstNode | undefined): boolean {
    return keywordOf(previousToken) === '{';
}

function isLineComment(leaf: LeafCstNode): boolean {
    return leaf.text.startsWith('//');
}

/** The second or a later string of a goal or description (not a category's list of units). */
function isContinuationString(leaf: LeafCstNode, previousToken: LeafCstNode | undefined): boolean {
    const feature = GrammarUtils.findAssignment(leaf)?.feature;
    return feature !== undefined && MULTI_LINE_STRING_PROPERTIES.has(feature)
        && previousToken !== undefined && keywordOf(previousToken) === undefined
        && GrammarUtils.findAssignment(previousToken)?.feature === feature;
}

function within(inner: Range, outer: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * The canonical text of a document, through the language's Formatter service (so the CLI formats exactly as
 * the editor does); undefined when the document has syntax errors and cannot be formatted safely.
 */
export async function formattedText(formatter: Formatter, document: LangiumDocument): Promise<string | undefined> {
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length > 0 || parserErrors.length > 0) {
        return undefined;
    }
    const edits = await formatter.formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options: { tabSize: INDENT.length, insertSpaces: true }
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}
