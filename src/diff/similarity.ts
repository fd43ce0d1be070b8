/**
 * How alike two texts are, from 0 to 1: the Dice coefficient of their character bigrams. Chinese names have
 * no spaces, and a renamed project usually keeps most of its characters (工作经费 → 2024年工作经费), so
 * character pairs measure it better than words.
 */
export function textSimilarity(a: string, b: string): number {
    if (a === b) {
        return 1;
    }
    const left = bigrams(a);
    const right = bigrams(b);
    if (left.length === 0 || right.length === 0) {
        return 0;
    }
    const counts = new Map<string, number>();
    for (const gram of left) {
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    let common = 0;
    for (const gram of right) {
        const count = counts.get(gram) ?? 0;
        if (count > 0) {
            common++;
            counts.set(gram, count - 1);
        }
    }
    return (2 * common) / (left.length + right.length);
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
