/**
 * How alike two texts are, from 0 to 1: the Dice coefficient of their character bigrams. Chinese names have
 * no spaces, and a renamed project usually keeps most of its characters (工作经费 → 2024年工作经费), so
 * character pairs measure it better than words.
 */
export function textSimilarity(a: string, b: string): number {
    return a === b ? 1 : profileSimilarity(bigramProfile(a), bigramProfile(b));
}

/** The bigram counts of a text, computed once when one text is compared with many. */
export interface BigramProfile {
    counts: ReadonlyMap<string, number>;
    size: number;
}

export function bigramProfile(text: string): BigramProfile {
    const grams = bigrams(text);
    const counts = new Map<string, number>();
    for (const gram of grams) {
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    return { counts, size: grams.length };
}

export function profileSimilarity(a: BigramProfile, b: BigramProfile): number {
    if (a.size === 0 || b.size === 0) {
        return 0;
    }
    let common = 0;
    for (const [gram, count] of a.counts) {
        common += Math.min(count, b.counts.get(gram) ?? 0);
    }
    return (2 * common) / (a.size + b.size);
}

/** Bigrams of the text without spaces; a one-character text is its own single "bigram". */
function bigrams(text: string): string[] {
    const chars = [...text.replace(/\s+/g, '')];
    if (chars.length < 2) {
        return chars;
    }
    return chars.slice(1).map((char, index) => chars[index] + char);
}

/** Jaccard similarity of two sets of texts (e.g. the indicator names of two projects); 1 when both are empty. */
export function setSimilarity(a: Iterable<string>, b: Iterable<string>): number {
    const left = new Set(a);
    const right = new Set(b);
    if (left.size === 0 && right.size === 0) {
        return 1;
    }
    let common = 0;
    for (const item of left) {
        if (right.has(item)) {
            common++;
        }
    }
    return common / (left.size + right.size - common);
}
