import { flat } from './shared-strings.js';

/**
 * Quoted text in .perf: ASCII "…" and, as a Chinese input method types them, full-width “…”. This file is
 * the one place that knows both pairs; the value converter, the lexer's recovery, highlighting and
 * completion ask it.
 *
 * Inside "…" any “” may stand as written ("关于“十四五”规划"). Inside “…” a balanced pair “…” may stand one
 * level deep (“关于“十四五”规划”); anything else (a lone ” or a deeper nesting) is escaped as \” or written
 * between ASCII quotes. Both kinds read the same value; the source keeps the quotes as written.
 */
export const QUOTE_PAIRS: Readonly<Record<string, string>> = { '"': '"', '“': '”' };

/** Whether the text of a token opens with a quote of either kind. */
export function isQuoted(text: string): boolean {
    return text.length > 0 && text[0] in QUOTE_PAIRS;
}

/** The closing quote that belongs to the opening quote of `text`, if it opens with one. */
export function closingQuoteOf(text: string): string | undefined {
    return isQuoted(text) ? QUOTE_PAIRS[text[0]] : undefined;
}

/** Whether quoted text ends with its own closing quote (not an escaped one): the lexer recovers unclosed text. */
export function isClosed(text: string): boolean {
    const closing = closingQuoteOf(text);
    if (!closing || text.length < 2 || !text.endsWith(closing)) {
        return false;
    }
    const backslashes = /\\*$/.exec(text.slice(0, -1))![0].length;
    return backslashes % 2 === 0;
}

/** A .perf string literal between ASCII quotes: \ " and line breaks escaped (the grammar's STRING is single-line). */
export function quote(text: string): string {
    return `"${text.replace(/[\\"\n\r\t]/g, ch => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[ch]!)}"`;
}

/** The value of a STRING token: without its quotes, escapes (\" \” \\ \n …) read as Langium reads them. */
export function unquote(text: string): string {
    return readEscapes(isClosed(text) ? text : text + (closingQuoteOf(text) ?? ''));
}

const ESCAPED: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

/**
 * Langium's ValueConverter.convertString, built from slices joined once instead of one character appended at
 * a time: V8 keeps such a string as a chain of one object per character until something reads it (a goal of
 * 100 characters ~3 KB instead of ~220 bytes; docs/performance.md, seventh round), and the language server
 * holds every name and goal of the workspace. A lone slice is copied (`flat`): a cache holding a view of the
 * document's text would keep that text alive.
 */
function readEscapes(input: string): string {
    const end = input.length - 1; // the closing quote
    const pieces: string[] = [];
    let from = 1;
    for (let at = input.indexOf('\\', from); at !== -1 && at < end; at = input.indexOf('\\', from)) {
        const escaped = input.charAt(at + 1);
        pieces.push(input.slice(from, at), ESCAPED[escaped] ?? escaped);
        from = at + 2;
    }
    if (from < end) {
        pieces.push(input.slice(from, end));
    }
    return pieces.length === 1 ? flat(pieces[0]) : pieces.join('');
}
