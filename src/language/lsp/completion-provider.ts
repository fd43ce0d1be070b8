import { AstUtils, GrammarAST, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import {
    DefaultCompletionProvider,
    type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem,
    type LangiumServices, type NextFeature
} from 'langium/lsp';
import {
    CancellationToken, CompletionItemKind, CompletionTriggerKind, InsertTextFormat,
    type CompletionList, type CompletionParams, type Range
} from 'vscode-languageserver';
import { comparatorOf, type ComparatorKind } from '../../model/threshold.js';
import {
    isCatalog, isIndicator, isIndicatorCategory, isIndicatorGroup,
    type Catalog, type IndicatorCategory, type IndicatorGroup
} from '../generated/ast.js';
import { isComparatorKeyword, splitNumberAndUnit } from '../numberish.js';
import { catalogOf, type PerfScopeProvider } from '../perf-scope.js';
import { codeDocumentation, codeTitle, typicalUnits } from './catalog-text.js';
import { COMPLETION_TRIGGER_CHARACTERS, offeredOnTrigger } from './completion-triggers.js';
import type { IndicatorNameIndex } from './indicator-name-index.js';
import { grammarKeywordDoc, keywordMarkdown, LAYOUT_NAMES } from './keyword-docs.js';

/** The text typed so far for a code, a name or a unit: back to a space, a quote or a brace. */
const TYPED_WORD = /[^\s"{}]*$/;
/** A partly typed quoted name: from its opening quote to the cursor. */
const TYPED_STRING = /"(?:\\.|[^"\\\r\n])*$/;

/** Indicator names offered at most per request, best matches first. */
const MAX_NAMES = 100;

/** Canonical comparator symbols; other spellings (≧, ＞, >=) are still offered, last. */
const CANONICAL_SYMBOLS = new Set(['≥', '≤', '>', '<', '=', '≠']);
const COMPARATOR_MEANING: Readonly<Record<ComparatorKind, string>> = {
    ge: '大于或等于：下限 (at least)', le: '小于或等于：上限 (at most)', gt: '大于：下限，不含 (more than)',
    lt: '小于：上限，不含 (less than)', eq: '等于：目标值 (equals)', ne: '不等于 (not equal)'
};

/** Sort groups: codes and names first, then snippets, comparators, Chinese keywords, English aliases last. */
const SORT = { code: '1', name: '2', unit: '1', snippet: '3', comparator: '4', keyword: '5', alias: '9' } as const;

/** The blocks whose fields are keywords followed by their value; a field already written there is not offered again. */
const FIELD_OWNERS = new Set(['Department', 'Project', 'Indicator']);

/**
 * Completion for .perf files: catalog codes with their names, a snippet per level-2 code, indicator names
 * used elsewhere in the workspace, units that fit the indicator after a number or after 计量单位, the layout
 * names after 表式, comparators (symbols included), keywords with what they mean (English aliases last;
 * 正向/反向 and 定量/定性 side by side; a single-valued field already written is left out), and a snippet for a
 * new project.
 *
 * Items carry their own replace range and filter text: a partly typed Chinese word (数量) is no token of the
 * language, so Langium's token-based range would be empty and the typed text would stay in front.
 */
export class PerfCompletionProvider extends DefaultCompletionProvider {

    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS };

    private readonly perfScopes: PerfScopeProvider;
    private readonly names: IndicatorNameIndex;

    constructor(services: LangiumServices & { references: { ScopeProvider: PerfScopeProvider } }, names: IndicatorNameIndex) {
        super(services);
        this.perfScopes = services.references.ScopeProvider;
        this.names = names;
    }

    /** Asked by a trigger character rather than Ctrl+Space: only what that character starts. */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken = CancellationToken.None): Promise<CompletionList | undefined> {
        const list = await super.getCompletion(document, params, cancelToken);
        const character = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
        if (!list || character === undefined) {
            return list;
        }
        const lineBefore = document.textDocument.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
        return { ...list, items: list.items.filter(item => offeredOnTrigger(item, character, lineBefore)) };
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        if (GrammarAST.isCrossReference(next.feature) && rule === 'Indicator') {
            return this.completeCodes(context, assignment?.feature === 'group' ? 'groups' : 'categories', acceptor);
        }
        if (GrammarAST.isCrossReference(next.feature) && rule === 'LevelScore') {
            return this.completeCodes(context, 'groups', acceptor);   // 分值范围 1 40-50: a level-1 code
        }
        if (rule === 'Indicator' && assignment?.feature === 'name') {
            return this.completeIndicatorNames(context, acceptor);
        }
        if (rule === 'SimpleTarget' && assignment?.feature === 'quantity') {
            return this.completeUnits(context, acceptor);
        }
        if (rule === 'Indicator' && assignment?.feature === 'unit') {
            return this.completeUnitColumn(context, acceptor);
        }
        if (rule === 'Department' && assignment?.feature === 'layout') {
            return this.completeLayouts(context, acceptor);
        }
        if (GrammarAST.isKeyword(next.feature)) {
            if (next.feature.value === '项目') {
                acceptor(context, this.projectSnippet(context));
            }
            return this.completionForKeyword(context, next.feature, acceptor);
        }
        return super.completionFor(context, next, acceptor);
    }

    /** Symbol comparators (≥ ≤ =) are keywords without letters, which Langium's default never offers. */
    protected override filterKeyword(_context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return /\p{L}/u.test(keyword.value) || isComparatorKeyword(keyword);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) {
            return;
        }
        const value = keyword.value;
        const range = this.typedRange(context, TYPED_WORD);
        if (isComparatorKeyword(keyword)) {
            const kind = comparatorOf(value)?.kind;
            acceptor(context, {
                label: value,
                kind: CompletionItemKind.Operator,
                detail: kind ? COMPARATOR_MEANING[kind] : '比较符',
                sortText: `${SORT.comparator}${CANONICAL_SYMBOLS.has(value) ? 'a' : /\p{L}/u.test(value) ? 'b' : 'z'}${value}`,
                textEdit: { range, newText: value }
            });
            return;
        }
        if (isWrittenAlready(context, keyword)) {
            return;
        }
        const alias = /^[A-Za-z][A-Za-z0-9-]*$/.test(value);
        const doc = grammarKeywordDoc(keyword);
        // A pair sorts under its first word, so 正向 and 反向 stand together.
        const sortKey = doc?.pair && !alias ? [doc.keywords[0], doc.pair].sort()[0] : '';
        acceptor(context, {
            label: value,
            kind: CompletionItemKind.Keyword,
            detail: doc ? `${doc.title}${alias ? '（英文别名 alias）' : ''}` : alias ? '关键字（英文别名） keyword alias' : '关键字 keyword',
            ...(doc ? { documentation: { kind: 'markdown' as const, value: keywordMarkdown(doc) } } : {}),
            sortText: `${alias ? SORT.alias : SORT.keyword}${sortKey}${value}`,
            textEdit: { range, newText: value }
        });
    }

    /** After 表式: the layouts a table is published in. */
    private completeLayouts(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const range = this.quotedRange(context);
        LAYOUT_NAMES.forEach((layout, index) => acceptor(context, {
            label: `"${layout.name}"`,
            kind: CompletionItemKind.EnumMember,
            detail: layout.meaning,
            filterText: `"${layout.name}"`,
            sortText: `${SORT.name}${index}`,
            textEdit: { range, newText: `"${layout.name}"` }
        }));
    }

    /** After 计量单位: the units the indicator's level-2 code lists, quoted. */
    private completeUnitColumn(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const category = AstUtils.getContainerOfType(context.node, isIndicator)?.category?.ref;
        if (!category) {
            return;
        }
        const range = this.quotedRange(context);
        typicalUnits(category).forEach((unit, index) => acceptor(context, {
            label: `"${unit}"`,
            kind: CompletionItemKind.Unit,
            detail: `${codeTitle(category)} 的常用单位 (typical unit)`,
            filterText: `"${unit}"`,
            sortText: `${SORT.unit}${String(index).padStart(3, '0')}`,
            textEdit: { range, newText: `"${unit}"` }
        }));
    }

    private completeCodes(context: CompletionContext, level: 'groups' | 'categories', acceptor: CompletionAcceptor): void {
        const catalog = this.catalogAt(context);
        if (!catalog) {
            return;
        }
        const range = this.typedRange(context, TYPED_WORD);
        const catalogUri = AstUtils.getDocument(catalog).uri.toString();
        const nodes: Array<IndicatorGroup | IndicatorCategory> = level === 'groups'
            ? catalog.groups
            : catalog.groups.flatMap(group => group.categories);
        for (const node of nodes) {
            const filterText = `${node.name} ${node.label} ${isIndicatorCategory(node) ? node.$container.label : ''}`.trim();
            acceptor(context, {
                label: codeTitle(node),
                kind: level === 'groups' ? CompletionItemKind.Module : CompletionItemKind.EnumMember,
                detail: node.label,
                documentation: { kind: 'markdown', value: codeDocumentation(node, catalogUri) },
                filterText,
                // Level-2 codes first: they are what an indicator line starts with; `1/11` is the rarer form.
                sortText: `${SORT.code}${level === 'groups' ? 'b' : 'a'}${node.name.padStart(6, '0')}`,
                textEdit: { range, newText: node.name }
            });
            if (isIndicatorCategory(node)) {
                acceptor(context, this.indicatorSnippet(node, range));
            }
        }
    }

    /** `11 "指标名称" 指标值 ≥1个`: a new indicator under a level-2 code, with its typical units to choose from. */
    private indicatorSnippet(category: IndicatorCategory, range: Range): CompletionValueItem {
        const units = typicalUnits(category);
        const unit = units.length > 0 ? `\${4|${units.map(escapeChoice).join(',')}|}` : '${4}';
        return {
            label: `${category.name} ${category.label} — 新指标`,
            kind: CompletionItemKind.Snippet,
            detail: `新指标（${codeTitle(category)}）new indicator`,
            documentation: { kind: 'markdown', value: codeDocumentation(category) },
            filterText: `${category.name} ${category.label} 新指标`,
            sortText: `${SORT.snippet}${category.name.padStart(6, '0')}`,
            insertTextFormat: InsertTextFormat.Snippet,
            textEdit: { range, newText: `${category.name} "\${1:指标名称}" 指标值 \${2|≥,≤,=|}\${3:1}${unit}` }
        };
    }

    private projectSnippet(context: CompletionContext): CompletionValueItem {
        return {
            label: '项目 "…" { … }',
            kind: CompletionItemKind.Snippet,
            detail: '新项目：资金、绩效目标、第一个指标 (new project)',
            filterText: '项目 project 新项目',
            sortText: `${SORT.snippet}项目`,
            insertTextFormat: InsertTextFormat.Snippet,
            textEdit: {
                range: this.typedRange(context, TYPED_WORD),
                newText: [
                    '项目 "${1:项目名称}" {',
                    '    总计 ${2:0.00}',
                    '    财政拨款 ${3:0.00}',
                    '    绩效目标 "${4:绩效目标}"',
                    '    ${5:11} "${6:指标名称}" 指标值 ${7:≥1}',
                    '}'
                ].join('\n')
            }
        };
    }

    /** Names of indicators used anywhere in the workspace; those under the same level-2 code first. */
    private completeIndicatorNames(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const text = context.textDocument.getText();
        const before = text.slice(lineStart(text, context.offset), context.offset);
        const typed = TYPED_STRING.exec(before)?.[0] ?? '';
        const range = this.quotedRange(context);
        const indicator = AstUtils.getContainerOfType(context.node, isIndicator);
        const code = indicator?.category?.$refText ?? codeBefore(before);
        // The list is incomplete (Langium marks it so): the client asks again as more is typed.
        for (const used of this.names.find(typed.slice(1), code, MAX_NAMES)) {
            if (indicator?.name === used.name && used.count === 1) {
                continue;   // the name being typed itself
            }
            const sameCode = code !== undefined && used.codes.includes(code);
            acceptor(context, {
                label: used.name,
                kind: CompletionItemKind.Value,
                detail: `已用 ${used.count} 次，代码 ${used.codes.join('、')} (used ${used.count}×)`,
                filterText: `"${used.name}"`,
                sortText: `${SORT.name}${sameCode ? 'a' : 'b'}${String(1e6 - used.count).padStart(7, '0')}`,
                textEdit: { range, newText: `"${used.name}"` }
            });
        }
    }

    /** After a number in a target: the units the indicator's level-2 code lists (all of the catalog's if unknown). */
    private completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        const number = splitNumberAndUnit(typed)?.number;
        if (number === undefined) {
            return;
        }
        const indicator = AstUtils.getContainerOfType(context.node, isIndicator);
        const category = indicator?.category?.ref;
        const catalog = this.catalogAt(context);
        const units = category ? typicalUnits(category)
            : [...new Set((catalog?.groups ?? []).flatMap(group => typicalUnits(group)))];
        const range = { start: context.textDocument.positionAt(context.tokenOffset), end: context.position };
        units.forEach((unit, index) => acceptor(context, {
            label: unit,
            kind: CompletionItemKind.Unit,
            detail: category ? `${codeTitle(category)} 的常用单位 (typical unit)` : '常用单位 (typical unit)',
            filterText: `${number}${unit}`,
            sortText: `${SORT.unit}${String(index).padStart(3, '0')}`,
            textEdit: { range, newText: `${number}${unit}` }
        }));
    }

    /** The catalog the document at the cursor uses: its department's 指标体系, else the default one. */
    private catalogAt(context: CompletionContext): Catalog | undefined {
        const node = context.node ?? context.document.parseResult.value;
        if (isCatalog(node) || isIndicatorGroup(node) || isIndicatorCategory(node)) {
            return AstUtils.getContainerOfType(node, isCatalog);
        }
        return catalogOf(node, this.perfScopes);
    }

    /** A quoted value being typed: from its opening quote (if typed) to the cursor, and the quote an editor closed automatically. */
    private quotedRange(context: CompletionContext): Range {
        const text = context.textDocument.getText();
        const typed = TYPED_STRING.exec(text.slice(lineStart(text, context.offset), context.offset))?.[0] ?? '';
        return {
            start: context.textDocument.positionAt(context.offset - typed.length),
            end: context.textDocument.positionAt(context.offset + (typed && text[context.offset] === '"' ? 1 : 0))
        };
    }

    /** From the start of what was typed (matched by `pattern` on the line before the cursor) to the cursor. */
    private typedRange(context: CompletionContext, pattern: RegExp): Range {
        const text = context.textDocument.getText();
        const typed = pattern.exec(text.slice(lineStart(text, context.offset), context.offset))?.[0] ?? '';
        return { start: context.textDocument.positionAt(context.offset - typed.length), end: context.position };
    }
}

/**
 * Whether the field a keyword introduces (表名 title=…, 正向 direction=…) is single-valued and already written
 * in the block or indicator at the cursor: offering it again would only lead to a duplicate-setting error.
 */
function isWrittenAlready(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    if (!rule || !FIELD_OWNERS.has(rule.name)) {
        return false;
    }
    // 正向 is the value of `direction`; 表名 is followed by `title`; 部门, opening the block, is no field of it.
    const group = AstUtils.getContainerOfType(keyword, GrammarAST.isGroup);
    const field = AstUtils.getContainerOfType(keyword, GrammarAST.isAssignment)
        ?? (group !== rule.definition ? group?.elements.find(GrammarAST.isAssignment) : undefined);
    if (!field || field.operator !== '=') {
        return false;
    }
    const owner = AstUtils.getContainerOfType(context.node, (node): node is AstNode => node.$type === rule.name);
    return owner !== undefined && (owner as unknown as Record<string, unknown>)[field.feature] !== undefined;
}

function lineStart(text: string, offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The level-2 code written before a name being typed: `11 "南沙` → 11. */
function codeBefore(lineBeforeCursor: string): string | undefined {
    return /(?:^|\s|\/)([0-9０-９]+)\s*"[^"]*$/.exec(lineBeforeCursor)?.[1];
}

/** A snippet choice may not contain , | or \ unescaped. */
function escapeChoice(text: string): string {
    return text.replace(/[\\,|]/g, character => `\\${character}`);
}
