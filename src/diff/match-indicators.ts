import type { Indicator } from '../language/generated/ast.js';
import { matchItems, type Matching } from './matching.js';
import { textSimilarity } from './similarity.js';

/** A reworded indicator keeps most of its characters (验收合格率 → 项目验收合格率); unrelated ones do not. */
export const INDICATOR_RENAME_THRESHOLD = 0.5;

/**
 * Indicators of one project pair by level-2 code and name, then by name alone (the code moved), then by name
 * similarity (a rewording), a shared code adding a little weight.
 */
export function matchIndicators(olds: readonly Indicator[], news: readonly Indicator[]): Matching<Indicator> {
    return matchItems(olds, news, {
        keys: [indicator => `${writtenCode(indicator)}\u0000${indicator.name}`, indicator => indicator.name],
        score: (a, b) => 0.85 * textSimilarity(a.name, b.name) + (writtenCode(a) === writtenCode(b) ? 0.15 : 0),
        threshold: INDICATOR_RENAME_THRESHOLD
    });
}

function writtenCode(indicator: Indicator): string {
    return indicator.category?.$refText ?? '';
}
