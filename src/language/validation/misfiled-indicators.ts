/**
 * An indicator whose name says what it measures but whose code files it elsewhere: a 满意度 outside the
 * satisfaction group, a 成本/费用 among the 数量 indicators. The official table prints the code's label next to
 * the name, so the mismatch is visible to every reader; the message names the code it probably belongs to.
 */
import type { Catalog, Indicator, IndicatorCategory } from '../generated/ast.js';
import { categoryOf } from '../../model/indicators.js';

export interface Misfiling {
    /** What the name says, as the message quotes it. */
    readonly word: string;
    /** The catalog's category the name points at, if the catalog has one. */
    readonly suggestion: IndicatorCategory;
}

const SATISFACTION_WORDS = ['满意度', '满意率'];
const COST_WORDS = ['成本', '费用'];

export function misfiling(indicator: Indicator): Misfiling | undefined {
    const category = categoryOf(indicator);
    const name = indicator.name ?? '';
    if (!category) {
        return undefined;
    }
    const catalog = category.$container.$container;
    const satisfaction = SATISFACTION_WORDS.find(word => name.includes(word));
    if (satisfaction && !category.$container.label.includes('满意度')) {
        return withSuggestion(satisfaction, firstCategory(catalog, c => c.$container.label.includes('满意度')));
    }
    const cost = COST_WORDS.find(word => name.includes(word));
    if (cost && category.label.includes('数量')) {
        return withSuggestion(cost, firstCategory(catalog, c => c.label.includes('成本') || c.$container.label.includes('成本')));
    }
    return undefined;
}

function withSuggestion(word: string, suggestion: IndicatorCategory | undefined): Misfiling | undefined {
    return suggestion ? { word, suggestion } : undefined;
}

function firstCategory(catalog: Catalog, test: (category: IndicatorCategory) => boolean): IndicatorCategory | undefined {
    return catalog.groups.flatMap(group => group.categories).find(test);
}
