/** One old item paired with one new item. `exact`: paired by a key; otherwise by similarity `score`. */
export interface Match<T> {
    old: T;
    new: T;
    score: number;
    exact: boolean;
}

export interface Matching<T> {
    /** In the order of the new version. */
    pairs: Array<Match<T>>;
    /** Old items left unpaired, in their order. */
    removed: T[];
    /** New items left unpaired, in their order. */
    added: T[];
}

export interface MatchOptions<T> {
    /** Exact keys, tried in order (e.g. code + name, then name alone); equal keys pair first come, first served. */
    keys: Array<(item: T) => string>;
    /** Similarity of two items left after the exact passes, 0..1. */
    score: (old: T, updated: T) => number;
    /** The lowest score that still pairs two items (a rename); below it, one is removed and one added. */
    threshold: number;
}

/**
 * Pairs the items of two versions: exact keys first, then the most similar remaining pairs, greedily by
 * score. Greedy is enough here: a table has tens of projects and each project tens of indicators.
 */
export function matchItems<T>(olds: readonly T[], news: readonly T[], options: MatchOptions<T>): Matching<T> {
    const pairOfNew = new Map<number, Match<T>>();
    const usedOld = new Set<number>();
    for (const key of options.keys) {
        const waiting = new Map<string, number[]>();
        olds.forEach((item, index) => {
            if (!usedOld.has(index)) {
                const list = waiting.get(key(item)) ?? [];
                list.push(index);
                waiting.set(key(item), list);
            }
        });
        news.forEach((item, index) => {
            const oldIndex = pairOfNew.has(index) ? undefined : waiting.get(key(item))?.shift();
            if (oldIndex !== undefined) {
                usedOld.add(oldIndex);
                pairOfNew.set(index, { old: olds[oldIndex], new: item, score: 1, exact: true });
            }
        });
    }
    const candidates: Array<{ oldIndex: number; newIndex: number; score: number }> = [];
    olds.forEach((oldItem, oldIndex) => {
        news.forEach((newItem, newIndex) => {
            if (!usedOld.has(oldIndex) && !pairOfNew.has(newIndex)) {
                const score = options.score(oldItem, newItem);
                if (score >= options.threshold) {
                    candidates.push({ oldIndex, newIndex, score });
                }
            }
        });
    });
    candidates.sort((a, b) => b.score - a.score || a.newIndex - b.newIndex);
    for (const { oldIndex, newIndex, score } of candidates) {
        if (!usedOld.has(oldIndex) && !pairOfNew.has(newIndex)) {
            usedOld.add(oldIndex);
            pairOfNew.set(newIndex, { old: olds[oldIndex], new: news[newIndex], score, exact: false });
        }
    }
    return {
        pairs: news.flatMap((_, index) => pairOfNew.get(index) ?? []),
        removed: olds.filter((_, index) => !usedOld.has(index)),
        added: news.filter((_, index) => !pairOfNew.has(index))
    };
}
