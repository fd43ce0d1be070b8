/**
 * Quick fixes, attached to diagnostics by rule code (and the data the rule put on the diagnostic):
 * set a stated total to the computed one, fix a level-1 code, file an indicator under the code its name says, unify comparator spellings, add the missing
 * fund-source line, drop stray punctuation at the end of a target; and for the syntax errors perf explains
 * (perf-lexer.ts): write the keyword meant, close a quote, drop a colon.
 */
import { GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import { CodeActionKind, type CodeAction, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { PerfFile } from './generated/ast.js';
import type { ComparatorKind } from '../model/threshold.js';
import { comparatorSpellings } from './validation/comparator-rules.js';
import { syntaxCodeOf, type SyntaxCode } from './perf-lexer.js';
import { ruleCodeOf } from './validation/rule-settings.js';
import type { RuleCode } from './validation/rules.js';

type FixData = Record<string, unknown>;
type Fix = (document: LangiumDocument, diagnostic: Diagnostic, data: FixData) => CodeAction | undefined;

export class PerfCodeActionProvider implements CodeActionProvider {

    private readonly fixes: Partial<Record<RuleCode | SyntaxCode, Fix>> = {
        'total-mismatch': setStatedToComputed,
        'rounding-difference': setStatedToComputed,
        'level1-mismatch': fixLevel1Code,
        'misfiled-indicator': refileIndicator,
        'mixed-comparators': unifyComparators,
        'missing-fund-source': addFundSource,
        'trailing-punctuation': dropTrailingPunctuation,
        'unknown-keyword': writeKeyword,
        'unclosed-quote': closeQuote,
        'full-width-colon': dropColon
    };

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        const titles = new Set<string>();
        for (const diagnostic of params.context.diagnostics) {
            const code = ruleCodeOf(diagnostic) ?? syntaxCodeOf(diagnostic);
            const fix = code && this.fixes[code];
            const action = fix?.(document, diagnostic, (diagnostic.data ?? {}) as FixData);
            // A document-wide fix (unify comparators) is offered once, not once per diagnostic.
            if (action && !titles.has(action.title)) {
                titles.add(action.title);
                actions.push(action);
            }
        }
        return actions;
    }
}

function quickFix(document: LangiumDocument, title: string, diagnostic: Diagnostic, edits: TextEdit[]): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri.toString()]: edits } }
    };
}

function setStatedToComputed(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction | undefined {
    if (typeof data.computed !== 'string') {
        return undefined;
    }
    const stated = document.textDocument.getText(diagnostic.range);
    return quickFix(document, `把 ${stated} 改为计算出的 ${data.computed}（set to the computed sum）`, diagnostic,
        [{ range: diagnostic.range, newText: data.computed }]);
}

function fixLevel1Code(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction | undefined {
    if (typeof data.replacement !== 'string') {
        return undefined;
    }
    return quickFix(document, `把一级指标改为 ${data.replacement}（fix the level-1 code）`, diagnostic,
        [{ range: diagnostic.range, newText: data.replacement }]);
}

/** `22 "群众满意度"` → `31 "群众满意度"`: the code the name points at (the rule worked it out). */
function refileIndicator(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction | undefined {
    if (typeof data.replacement !== 'string') {
        return undefined;
    }
    return quickFix(document, `把指标代码改为 ${data.replacement}（${String(data.label ?? '')}）(file it under ${data.replacement})`, diagnostic,
        [{ range: diagnostic.range, newText: data.replacement }]);
}

/** Every comparator of the diagnostic's kind in the document becomes the preferred spelling. */
function unifyComparators(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction | undefined {
    const { kind, spelling } = data as { kind?: ComparatorKind; spelling?: string };
    const spellings = kind && comparatorSpellings(document.parseResult.value as PerfFile).get(kind);
    if (!spellings || typeof spelling !== 'string') {
        return undefined;
    }
    const edits: TextEdit[] = [];
    for (const [written, targets] of spellings) {
        if (written === spelling) {
            continue;
        }
        for (const target of targets) {
            const node = GrammarUtils.findNodeForProperty(target.$cstNode, 'comparator');
            if (node) {
                edits.push({ range: node.range, newText: spelling });
            }
        }
    }
    return edits.length === 0 ? undefined
        : quickFix(document, `全文统一写成“${spelling}”（${edits.length} 处）（unify comparator spellings）`, diagnostic, edits);
}

/** `总计 24.00` alone gets a line `财政拨款 24.00` below it, indented alike. */
function addFundSource(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction | undefined {
    if (typeof data.total !== 'string') {
        return undefined;
    }
    const line = diagnostic.range.end.line;
    const lineText = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const indent = /^[ \t]*/.exec(lineText)![0];
    return quickFix(document, `补一行“财政拨款 ${data.total}”（add the missing fund source）`, diagnostic,
        [{ range: { start: diagnostic.range.end, end: diagnostic.range.end }, newText: `\n${indent}财政拨款 ${data.total}` }]);
}

function dropTrailingPunctuation(document: LangiumDocument, diagnostic: Diagnostic): CodeAction {
    const punctuation = document.textDocument.getText(diagnostic.range);
    return quickFix(document, `删除末尾的“${punctuation}”（drop the stray punctuation）`, diagnostic,
        [{ range: diagnostic.range, newText: '' }]);
}

function writeKeyword(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction | undefined {
    if (typeof data.keyword !== 'string') {
        return undefined;
    }
    return quickFix(document, `改为“${data.keyword}”（did you mean ${data.keyword}）`, diagnostic,
        [{ range: diagnostic.range, newText: data.keyword }]);
}

function closeQuote(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction | undefined {
    if (typeof data.closing !== 'string') {
        return undefined;
    }
    return quickFix(document, `补上结束的引号 ${data.closing}（close the quote）`, diagnostic,
        [{ range: { start: diagnostic.range.end, end: diagnostic.range.end }, newText: data.closing }]);
}

function dropColon(document: LangiumDocument, diagnostic: Diagnostic): CodeAction {
    return quickFix(document, '删除冒号，改为空格（drop the colon）', diagnostic, [{ range: diagnostic.range, newText: ' ' }]);
}
