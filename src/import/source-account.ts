/**
 * The "nothing lost" accounting of an import. The input is split into units (a line of text, a cell of a
 * sheet or a web page); each reader marks, for every unit, which of its characters it MAPPED into the
 * document (a name, an amount, a target, a column title the layout prints again) and which it KEPT verbatim
 * in a comment. The summary's "nothing left out" line is computed from these marks.
 *
 * Whitespace rule: spaces, tabs, line breaks and the ideographic space (U+3000) are layout (PDF text wraps
 * and pads cells anywhere), so only the other characters are counted, one per code point. A character
 * marked KEPT counts as kept even when it was also mapped (its text is in a comment either way).
 * Characters no reader marked are never dropped: `unaccounted()` gives them to the caller, which keeps them
 * as notes, and the summary names how many were kept that way (a reader's gap stays visible).
 */

export type Mark = 'mapped' | 'kept';

const NONE = 0;
const MAPPED = 1;
const KEPT = 2;

interface Unit {
    key: string;
    position: string;
    /** The counted characters of the unit's text (whitespace removed), one per code point. */
    chars: string[];
    marks: Uint8Array;
}

export interface AccountBalance {
    /** Counted characters of the input. */
    input: number;
    mapped: number;
    kept: number;
    /** Characters in no reader's marks (0 once `unaccounted()` has been kept by the caller). */
    unmarked: number;
}

export interface UnaccountedText {
    key: string;
    position: string;
    text: string;
}

export function countedChars(text: string): string[] {
    return [...text].filter(char => !/\s/u.test(char));
}

export class SourceAccount {
    private readonly units = new Map<string, Unit>();
    /** Characters a reader left unmarked and the caller kept as notes (see `keepUnaccounted`). */
    private keptByFallback = 0;

    /** Registers a unit of input; adding the same key twice keeps the first (a merged cell is read once). */
    add(key: string, position: string, text: string): void {
        if (!this.units.has(key)) {
            const chars = countedChars(text);
            this.units.set(key, { key, position, chars, marks: new Uint8Array(chars.length) });
        }
    }

    has(key: string): boolean {
        return this.units.has(key);
    }

    /** Marks counted characters [start, end) of a unit (all of it by default). */
    mark(key: string, mark: Mark, start = 0, end?: number): void {
        const unit = this.units.get(key);
        if (!unit) {
            return;
        }
        const value = mark === 'kept' ? KEPT : MAPPED;
        const stop = Math.min(end ?? unit.chars.length, unit.chars.length);
        for (let i = Math.max(0, start); i < stop; i++) {
            if (unit.marks[i] < value) {
                unit.marks[i] = value;
            }
        }
    }

    /**
     * Marks the first occurrence of `part` (whitespace ignored) at or after counted character `from` of a
     * unit; returns where it ended, or -1 when the unit does not contain it (then nothing is marked).
     */
    markPart(key: string, part: string, mark: Mark, from = 0): number {
        const unit = this.units.get(key);
        const wanted = countedChars(part);
        if (!unit || wanted.length === 0) {
            return -1;
        }
        const start = indexOfChars(unit.chars, wanted, from);
        if (start < 0) {
            return -1;
        }
        this.mark(key, mark, start, start + wanted.length);
        return start + wanted.length;
    }

    /** The text of every unmarked stretch, for the caller to keep as notes (then counted as kept). */
    keepUnaccounted(): UnaccountedText[] {
        const found: UnaccountedText[] = [];
        for (const unit of this.units.values()) {
            let i = 0;
            while (i < unit.chars.length) {
                if (unit.marks[i] !== NONE) {
                    i++;
                    continue;
                }
                const start = i;
                while (i < unit.chars.length && unit.marks[i] === NONE) {
                    i++;
                }
                found.push({ key: unit.key, position: unit.position, text: unit.chars.slice(start, i).join('') });
                this.keptByFallback += i - start;
                this.mark(unit.key, 'kept', start, i);
            }
        }
        return found;
    }

    balance(): AccountBalance {
        let input = 0;
        let mapped = 0;
        let kept = 0;
        for (const unit of this.units.values()) {
            input += unit.chars.length;
            for (const mark of unit.marks) {
                if (mark === MAPPED) {
                    mapped++;
                } else if (mark === KEPT) {
                    kept++;
                }
            }
        }
        return { input, mapped, kept, unmarked: input - mapped - kept };
    }

    /** How many units (lines, cells) hold counted characters. */
    get unitCount(): number {
        return [...this.units.values()].filter(unit => unit.chars.length > 0).length;
    }

    /** The first counted characters of the input, in unit order: what a message says was seen. */
    firstWords(count: number): string {
        const words: string[] = [];
        for (const unit of this.units.values()) {
            if (unit.chars.length > 0 && words.join(' ').length < count) {
                words.push(unit.chars.join('').slice(0, count));
            }
        }
        const text = words.join(' ');
        return text.length > count ? `${text.slice(0, count)}…` : text;
    }

    /** How many kept characters no reader had marked (kept by `keepUnaccounted`). */
    get fallbackKept(): number {
        return this.keptByFallback;
    }
}

function indexOfChars(haystack: string[], needle: string[], from: number): number {
    outer: for (let i = Math.max(0, from); i + needle.length <= haystack.length; i++) {
        for (let j = 0; j < needle.length; j++) {
            if (haystack[i + j] !== needle[j]) {
                continue outer;
            }
        }
        return i;
    }
    return -1;
}

/** Counted characters of `text` before index `column` (a piece of a line starts there). */
export function countedBefore(text: string, column: number): number {
    return countedChars(text.slice(0, column)).length;
}
