/**
 * A target cut into the columns of a one-indicator-per-row table (指标性质 | 指标值 | 度量单位), from its typed
 * meaning (parseThreshold) and the indicator's own unit column. The number and unit keep their written
 * spelling; nothing is dropped: a value that is not one comparator, number and unit stays whole in 指标值.
 */
import type { Indicator } from '../language/generated/ast.js';
import { annualTarget, periodTarget, targetText } from '../model/indicators.js';
import { comparatorSymbol, parseThreshold } from '../model/threshold.js';

export interface TargetColumns {
    /** The comparator as written when it is a symbol (≥ ≧ ＞ …), the symbol of a word (不低于 → ≥); '' for none. */
    comparator: string;
    /** The number as written, or the whole value when it does not split. */
    value: string;
    unit: string;
    /** Whether the value is one comparator + number + unit (else it is qualitative or composite text). */
    quantitative: boolean;
    /** Whether `value` is the target as written (it did not split into comparator, number and unit). */
    whole: boolean;
}

export function targetColumns(written: string, indicator: Indicator): TargetColumns {
    const unitColumn = indicator.unit ?? '';
    const threshold = parseThreshold(written, indicator.name);
    if (threshold.kind !== 'quantity') {
        return { comparator: '', value: written, unit: unitColumn, quantitative: false, whole: true };
    }
    const comparator = threshold.comparatorForm === 'symbol' ? threshold.comparatorText ?? ''
        : threshold.comparatorForm === 'none' ? '' : comparatorSymbol(threshold.comparator);
    // 新增5条及以上: the wording around the number has no column, so the value stays as written.
    const splits = threshold.before === undefined && threshold.after === undefined && !threshold.unitFromName
        && (unitColumn === '' || threshold.unitText === undefined || threshold.unitText === unitColumn);
    if (!splits) {
        return { comparator, value: written, unit: unitColumn, quantitative: true, whole: true };
    }
    return { comparator, value: threshold.numberText, unit: unitColumn || (threshold.unitText ?? ''), quantitative: true, whole: false };
}

/**
 * The annual target (the period one when there is no annual) in the columns of a one-indicator-per-row table:
 * 指标性质 is the comparator, `noComparator` (=) for a plain number, `qualitative` (定性) for text.
 */
export function indicatorRowTarget(indicator: Indicator, labels: { noComparator: string; qualitative: string }): TargetColumns {
    const written = targetText(annualTarget(indicator) ?? periodTarget(indicator));
    const columns = targetColumns(written, indicator);
    const comparator = written === '' ? '' : !columns.quantitative ? labels.qualitative : columns.comparator || labels.noComparator;
    return { ...columns, comparator };
}
