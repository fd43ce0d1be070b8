import type { ILexingError, IToken, TokenType } from 'chevrotain';
import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fullWidthColonMessage, unknownKeywordMessage } from './perf-error-messages.js';
import { closingQuoteOf, isQuoted } from './quoted-text.js';
import { suggestKeyword } from './keyword-suggestions.js';

/** Codes of the syntax errors perf explains itself, each with a quick fix (perf-code-actions.ts). */
export type SyntaxCode = 'unknown-keyword' | 'unclosed-quote' | 'full-width-colon';
const SYNTAX_CODES: readonly SyntaxCode[] = ['unknown-keyword', 'unclosed-quote', 'full-width-colon'];

/** A lexing error with what its quick fix needs. */
interface CodedLexingError extends ILexingError {
    syntaxCode?: SyntaxCode;
    fixData?: Record<string, string>;
}

const FULL_WIDTH_BRACES: Readonly<Record<string, string>> = { '｛': '{', '｝': '}' };

/**
 * The lexer, plus recovery so that one mistake on a line is one error, not a cascade of knock-on errors:
 * - an unclosed quote becomes a string up to the next keyword of its line (`指标值`) or its end (before a
 *   final `{`);
 * - a word at the start of a line that is one typo away from a keyword (财正拨款) is reported as that, and
 *   the rest of its line is left out of parsing (unless it holds a brace the block structure needs);
 * - a full-width colon (资金使用单位：) gets its own error; full-width braces ｛ ｝ read as { }: the grammar has no
 *   other meaning for them.
 */
export class PerfLexer extends DefaultLexer {

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        // Completion lexes the text before the cursor: a quote being typed must stay open there.
        return result.errors.length === 0 || options?.mode === 'partial' ? result : this.recover(text, result);
    }

    private recover(text: string, result: LexerResult): LexerResult {
        const errors: ILexingError[] = [];
        const added: IToken[] = [];
        /** Offset ranges [from, to) whose tokens are left out, in text order. */
        const dropped: Array<[number, number]> = [];
        for (const error of result.errors) {
            if (dropped.length > 0 && error.offset < dropped[dropped.length - 1][1]) {
                continue;
            }
            const written = text.slice(error.offset, error.offset + error.length);
            const lineEnd = endOfLine(text, error.offset);
            if (isQuoted(written)) {
                const end = unclosedStringEnd(text, error.offset, nextKeywordOffset(result.tokens, error.offset, lineEnd));
                dropped.push([error.offset, end]);
                added.push(this.token('STRING', text, error, 0, end - error.offset));
                errors.push(coded({ ...error, length: end - error.offset }, 'unclosed-quote', { closing: closingQuoteOf(written)! }));
            } else if ([...written].every(char => char in FULL_WIDTH_BRACES)) {
                for (let i = 0; i < written.length; i++) {
                    added.push(this.token(FULL_WIDTH_BRACES[written[i]], text, error, i, 1));
                }
            } else if (written === '：' || written === ':') {
                errors.push(coded({ ...error, message: fullWidthColonMessage(written) }, 'full-width-colon', {}));
            } else {
                const lineStart = text.lastIndexOf('\n', error.offset - 1) + 1;
                const keyword = text.slice(lineStart, error.offset).trim() === '' ? suggestKeyword(written) : undefined;
                if (keyword) {
                    // The rest of the line would only add knock-on errors, unless the block structure needs it.
                    if (!/[{}｛｝]/.test(text.slice(error.offset, lineEnd))) {
                        dropped.push([error.offset, lineEnd]);
                    }
                    errors.push(coded({ ...error, message: unknownKeywordMessage(written, keyword) }, 'unknown-keyword', { keyword }));
                } else {
                    errors.push(error);
                }
            }
        }
        return {
            ...result,
            tokens: mergeByOffset(withoutRanges(result.tokens, dropped), added),
            hidden: withoutRanges(result.hidden, dropped),
            errors
        };
    }

    /** A token of the given type over `length` characters from `from` characters after a lexing error. */
    private token(typeName: string, text: string, error: ILexingError, from: number, length: number): IToken {
        const tokenType: TokenType = this.definition[typeName];
        const start = error.offset + from;
        const column = (error.column ?? 1) + from;
        return {
            image: text.slice(start, start + length), startOffset: start, endOffset: start + length - 1,
            startLine: error.line, endLine: error.line, startColumn: column, endColumn: column + length - 1,
            tokenType, tokenTypeIdx: tokenType.tokenTypeIdx!
        };
    }
}

/** The syntax code and quick-fix data of a lexing error, put on the diagnostic Langium made from it. */
export function codeLexingDiagnostic(diagnostic: Diagnostic, error: ILexingError): Diagnostic {
    const { syntaxCode, fixData } = error as CodedLexingError;
    return syntaxCode ? { ...diagnostic, code: syntaxCode, data: { ...diagnostic.data, ...fixData } } : diagnostic;
}

export function syntaxCodeOf(diagnostic: Diagnostic): SyntaxCode | undefined {
    return (SYNTAX_CODES as readonly unknown[]).includes(diagnostic.code) ? diagnostic.code as SyntaxCode : undefined;
}

function coded(error: ILexingError, syntaxCode: SyntaxCode, fixData: Record<string, string>): CodedLexingError {
    return { ...error, syntaxCode, fixData };
}

function endOfLine(text: string, offset: number): number {
    const end = text.slice(offset).search(/[\r\n]/);
    return end < 0 ? text.length : offset + end;
}

/** Where the first keyword token after `offset` on its line starts, else the line's end. */
function nextKeywordOffset(tokens: IToken[], offset: number, lineEnd: number): number {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (tokens[middle].startOffset <= offset) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    for (let i = low; i < tokens.length && tokens[i].startOffset < lineEnd; i++) {
        if (!NON_KEYWORD_TOKENS.has(tokens[i].tokenType.name)) {
            return tokens[i].startOffset;
        }
    }
    return lineEnd;
}

const NON_KEYWORD_TOKENS = new Set(['STRING', 'NUMBERISH']);

/** An unclosed string ends before trailing spaces and a final `{` that opens a block. */
function unclosedStringEnd(text: string, start: number, lineEnd: number): number {
    const rest = text.slice(start, lineEnd);
    const kept = rest.replace(/\s*(?:[{｛]\s*)?$/, '');
    return start + Math.max(kept.length, 1);
}

/** The tokens that start outside the (ordered) ranges. */
function withoutRanges(tokens: IToken[], ranges: ReadonlyArray<[number, number]>): IToken[] {
    if (ranges.length === 0) {
        return tokens;
    }
    let range = 0;
    return tokens.filter(token => {
        while (range < ranges.length && ranges[range][1] <= token.startOffset) {
            range++;
        }
        return range >= ranges.length || token.startOffset < ranges[range][0];
    });
}

/** Two token lists, each in text order, as one. */
function mergeByOffset(tokens: IToken[], added: IToken[]): IToken[] {
    if (added.length === 0) {
        return tokens;
    }
    const merged: IToken[] = [];
    let a = 0;
    for (const token of tokens) {
        while (a < added.length && added[a].startOffset < token.startOffset) {
            merged.push(added[a++]);
        }
        merged.push(token);
    }
    return merged.concat(added.slice(a));
}
