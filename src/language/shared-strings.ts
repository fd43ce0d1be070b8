/**
 * One string object for each short text the parser reads again and again: indicator names, codes (`11`, the
 * text of every reference), targets and amounts recur across the files of a workspace, and the language
 * server holds them all (docs/performance.md, seventh round). Bounded: started afresh when full, as the
 * threshold cache is, so what typing leaves behind does not pile up. Longer texts (goals, explanations)
 * are rarely written twice.
 */
const SHARED_STRINGS_LIMIT = 50_000;
const LONGEST_SHARED = 40;

let shared = new Map<string, string>();

export function sharedString(text: string): string {
    if (text.length > LONGEST_SHARED) {
        return text;
    }
    const known = shared.get(text);
    if (known !== undefined) {
        return known;
    }
    if (shared.size >= SHARED_STRINGS_LIMIT) {
        shared = new Map();
    }
    const own = flat(text);
    shared.set(own, own);
    return own;
}

/**
 * The text as a string of its own. V8 keeps a substring of 13 characters or more (a token's text, a slice)
 * as a view of the whole text it was cut from, which anything holding it keeps alive: a document's every
 * earlier version, for a table or cache that outlives it. Joining two pieces makes a flat copy.
 */
export function flat(text: string): string {
    return text.length < 13 ? text : [text.slice(0, 1), text.slice(1)].join('');
}
