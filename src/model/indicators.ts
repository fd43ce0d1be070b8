import type { Indicator, IndicatorCategory, IndicatorGroup, Target } from '../language/generated/ast.js';
import { parseThreshold, type Threshold } from './threshold.js';

/** A target exactly as written: the source text of a simple target, the content of a quoted one. */
export function targetText(target: Target | undefined): string {
    if (!target) {
        return '';
    }
    // A structural test, not the generated isSimpleTarget: model/ stays free of Langium at run time, so the
    // command line's help (which lists the layouts, whose fields read targets) does not load it.
    if ('quantity' in target) {
        return target.$cstNode?.text ?? `${target.comparator ?? ''}${target.quantity}`;
    }
    return target.text;
}

/** 实施周期指标值: the period target, or the shared one (指标值). */
export function periodTarget(indicator: Indicator): Target | undefined {
    return indicator.both ?? indicator.period;
}

/** 年度指标值: the annual target, or the shared one (指标值). */
export function annualTarget(indicator: Indicator): Target | undefined {
    return indicator.both ?? indicator.annual;
}

/**
 * The typed meaning of an indicator's period or annual target: a bare number takes its unit from the unit
 * column (`指标值 ≥ 95 计量单位 "%"` is ≥95%), else from the indicator's name (响应时间（秒）).
 */
export function targetMeaning(indicator: Indicator, which: 'period' | 'annual'): Threshold {
    const target = which === 'period' ? periodTarget(indicator) : annualTarget(indicator);
    return parseThreshold(targetText(target), indicator.name, indicator.unit);
}

export function categoryOf(indicator: Indicator): IndicatorCategory | undefined {
    return indicator.category?.ref;
}

/** The level-1 indicator: as written, else the one the level-2 code belongs to. */
export function groupOf(indicator: Indicator): IndicatorGroup | undefined {
    return indicator.group?.ref ?? categoryOf(indicator)?.$container;
}

/** "11-数量指标": code and label as the official table prints them; the written code when unresolved. */
export function codeLabel(node: IndicatorGroup | IndicatorCategory | undefined, writtenCode: string): string {
    return node ? `${node.name}-${node.label}` : writtenCode;
}

/**
 * One item of the 绩效指标 cell, exactly as published:
 * `1、1-产出指标；11-数量指标；<name>；实施周期指标值:<value>；年度指标值:<value>。`
 */
export function indicatorCellItem(indicator: Indicator, position: number): string {
    const group = codeLabel(groupOf(indicator), indicator.group?.$refText ?? '');
    const category = codeLabel(categoryOf(indicator), indicator.category?.$refText ?? '');
    const period = targetText(periodTarget(indicator));
    const annual = targetText(annualTarget(indicator));
    return `${position}、${group}；${category}；${indicator.name}；实施周期指标值:${period}；年度指标值:${annual}。`;
}
