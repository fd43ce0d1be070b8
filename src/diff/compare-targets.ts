import {
    compareQuantities, parseThreshold, type ComparatorKind, type DateMention, type Quantity, type Threshold
} from '../model/threshold.js';
import { toHalfWidth } from '../model/units.js';
import type { TargetDirection } from './diff-model.js';

/**
 * The direction of a change of one target value (指标值), read through its typed meaning: ≥90% → ≥95% is a
 * tightening, ≤5天 → ≤3天 too, ≧2% → ≥2% only a new spelling. `indicatorName` gives a bare number its unit
 * (响应时间（秒）) as in the table's own reading.
 */
export function compareTargets(oldText: string, newText: string, indicatorName?: string): TargetDirection {
    if (oldText === newText) {
        return 'equivalent';
    }
    return compareThresholds(parseThreshold(oldText, indicatorName), parseThreshold(newText, indicatorName));
}

function compareThresholds(a: Threshold, b: Threshold): TargetDirection {
    if (a.kind === 'none' && b.kind === 'none') {
        return 'equivalent';
    }
    if (a.kind === 'quantity' && b.kind === 'quantity') {
        return compareQuantity(a, b);
    }
    if (a.kind === 'composite' && b.kind === 'composite' && a.parts.length === b.parts.length) {
        return combine(a.parts.map((part, index) => compareThresholds(part, b.parts[index])));
    }
    if (a.kind === 'grade' && b.kind === 'grade') {
        return a.comparator === b.comparator && same(a.grade, b.grade) && same(a.before, b.before) && same(a.after, b.after)
            ? 'equivalent' : 'changed';
    }
    if (a.kind === 'qualitative' && b.kind === 'qualitative' && a.date && b.date) {
        return compareDates(a.date, b.date);
    }
    return 'changed';
}

type Bound = 'lower' | 'upper' | 'target' | 'excluded';

const BOUND: Readonly<Record<ComparatorKind, Bound>> = {
    ge: 'lower', gt: 'lower', le: 'upper', lt: 'upper', eq: 'target', ne: 'excluded'
};

/** A strict comparator is the stricter one at the same number: > 90% asks more than ≥ 90%. */
const STRICT: ReadonlySet<ComparatorKind> = new Set(['gt', 'lt']);

function compareQuantity(a: Quantity, b: Quantity): TargetDirection {
    // 新增10万标准箱 and 累计10万标准箱 measure different things: no direction.
    if (!same(a.before, b.before) || !same(a.after, b.after) || BOUND[a.comparator] !== BOUND[b.comparator]) {
        return 'changed';
    }
    const order = compareQuantities(b, a);
    if (order === undefined) {
        return 'changed';
    }
    const bound = BOUND[a.comparator];
    if (order === 0) {
        if (a.comparator === b.comparator) {
            return 'equivalent';
        }
        return STRICT.has(b.comparator) ? 'tightened' : 'loosened';
    }
    switch (bound) {
        case 'lower': return order > 0 ? 'tightened' : 'loosened';
        case 'upper': return order < 0 ? 'tightened' : 'loosened';
        case 'target': return order > 0 ? 'raised' : 'lowered';
        case 'excluded': return 'changed';
    }
}

/** A deadline (2024年12月31日前, le) moved earlier is a tightening; a start date (ge) moved later too. */
function compareDates(a: DateMention, b: DateMention): TargetDirection {
    const fields = ['year', 'month', 'day'] as const;
    if (a.comparator !== b.comparator || fields.some(field => (a[field] === undefined) !== (b[field] === undefined))) {
        return 'changed';
    }
    const order = Math.sign(fields.reduce((found, field) => found || ((b[field] ?? 0) - (a[field] ?? 0)), 0));
    if (order === 0) {
        return 'equivalent';
    }
    switch (BOUND[a.comparator]) {
        case 'upper': return order < 0 ? 'tightened' : 'loosened';
        case 'lower': return order > 0 ? 'tightened' : 'loosened';
        default: return 'changed';
    }
}

/** Parts of a composite target: one direction when all parts agree (or keep their meaning), else 'changed'. */
function combine(directions: TargetDirection[]): TargetDirection {
    const moved = new Set(directions.filter(direction => direction !== 'equivalent'));
    if (moved.size === 0) {
        return 'equivalent';
    }
    return moved.size === 1 ? [...moved][0] : 'changed';
}

function same(a: string | undefined, b: string | undefined): boolean {
    return toHalfWidth(a ?? '').trim() === toHalfWidth(b ?? '').trim();
}
