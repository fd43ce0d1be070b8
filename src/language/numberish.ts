import { AstUtils, GrammarAST } from 'langium';
import { PerfTerminals } from './generated/ast.js';
import { PerfGrammar } from './generated/grammar.js';

/**
 * What the grammar says about the NUMBERISH token and simple targets, for code that looks at text outside the
 * parser (semantic tokens, completion, the importer's writer): derived from the grammar, never copied.
 */

/** The number and the unit glued to it in a NUMBERISH token: "10万标准箱" → 10 + 万标准箱, "24.00" → 24.00 + "". */
export function splitNumberAndUnit(text: string): { number: string; unit: string } | undefined {
    const number = NUMBER_PREFIX.exec(text)?.[0];
    return number === undefined ? undefined : { number, unit: text.slice(number.length) };
}

/** NUMBERISH without its optional unit: the leading digit run. */
const NUMBER_PREFIX = /^[0-9０-９][0-9０-９,，.．]*/;

/** Whether a grammar keyword is one of the comparator spellings a simple target may start with (≥ ≧ 大于等于 …). */
export function isComparatorKeyword(keyword: GrammarAST.Keyword): boolean {
    return AstUtils.getContainerOfType(keyword, GrammarAST.isAssignment)?.feature === 'comparator';
}

/** The comparator spellings of the grammar (SimpleTarget's `comparator`). */
export const GRAMMAR_COMPARATORS: readonly string[] = AstUtils.streamAllContents(
    PerfGrammar().rules.find(rule => rule.name === 'SimpleTarget')!)
    .filter(GrammarAST.isKeyword)
    .filter(isComparatorKeyword)
    .map(keyword => keyword.value)
    .toArray();

const SIMPLE_TARGET = new RegExp(
    `^(?:${GRAMMAR_COMPARATORS.map(escapeRegExp).join('|')})?(?:${PerfTerminals.NUMBERISH.source})$`);

/** Whether `text` reads back, unquoted, as a SimpleTarget whose source text is exactly `text`. */
export function isSimpleTargetText(text: string): boolean {
    return SIMPLE_TARGET.test(text);
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
