import { AstUtils, GrammarAST } from 'langium';
import { closest, distance } from 'fastest-levenshtein';
import { PerfGrammar } from './generated/grammar.js';

/**
 * The keywords a mistyped word is compared with: every word keyword of the grammar, Chinese and English
 * (财政拨款, fiscal, 指标值 …), derived from the generated grammar so a new keyword is offered at once.
 */
export const GRAMMAR_WORD_KEYWORDS: readonly string[] = [...new Set(AstUtils.streamAllContents(PerfGrammar())
    .filter(GrammarAST.isKeyword)
    .map(keyword => keyword.value)
    .filter(value => /^[\u3400-\u9fffA-Za-z][\u3400-\u9fffA-Za-z-]+$/.test(value)))];

/**
 * The keyword `word` was probably meant to be: the nearest by edit distance, if it is near enough to be a typo
 * (one edit in a short word, one in three in a longer one) and the word is not itself a keyword.
 */
export function suggestKeyword(word: string): string | undefined {
    if (GRAMMAR_WORD_KEYWORDS.includes(word)) {
        return undefined;
    }
    const nearest = closest(word, GRAMMAR_WORD_KEYWORDS as string[]);
    return distance(word, nearest) <= Math.max(1, Math.floor(word.length / 3)) ? nearest : undefined;
}
