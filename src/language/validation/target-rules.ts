/** Targets (指标值) read with their typed meaning (src/model/threshold.ts). */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Indicator, PerfAstType, Target } from '../generated/ast.js';
import { targetMeaning, targetText } from '../../model/indicators.js';
import {
    compareQuantities, describeQuantity, isLowerBound, isPercent, isUpperBound, quantities, sameDimension,
    type Quantity, type Threshold
} from '../../model/threshold.js';
import { DIMENSION_LABELS } from '../../model/units.js';
import { isBoundedRate, isLatency, isLessIsBetter, isSatisfaction } from './indicator-kinds.js';
import { report } from './rules.js';

type TargetProperty = 'both' | 'period' | 'annual';

interface ReadTarget {
    property: TargetProperty;
    target: Target;
    text: string;
    threshold: Threshold;
}

const PROPERTY_LABEL: Record<TargetProperty, string> = { both: '指标值', period: '实施周期指标值', annual: '年度指标值' };

const TARGET_PROPERTIES: readonly TargetProperty[] = ['both', 'period', 'annual'];

/** The indicator's targets as written, each with its typed meaning (a loop: this runs for every indicator). */
function readTargets(indicator: Indicator): ReadTarget[] {
    const targets: ReadTarget[] = [];
    for (const property of TARGET_PROPERTIES) {
        const target = indicator[property];
        if (target) {
            const threshold = targetMeaning(indicator, property === 'annual' ? 'annual' : 'period');
            targets.push({ property, target, text: targetText(target), threshold });
        }
    }
    return targets;
}

function quantityText(q: Quantity): string {
    return `${q.comparatorText ?? ''}${q.numberText}${q.unitText ?? ''}`;
}

export class TargetRules {

    checks(): ValidationChecks<PerfAstType> {
        return {
            Indicator: (indicator, accept) => {
                const targets = readTargets(indicator);
                this.checkTargetsWritten(indicator, targets, accept);
                this.checkSatisfactionPercent(indicator, targets, accept);
                for (const read of targets) {
                    this.checkRateAbove100(indicator, read, accept);
                    this.checkLowerBoundOnTime(indicator, read, accept);
                    this.checkReversedComparator(indicator, read, accept);
                }
                const period = targets.find(read => read.property === 'period');
                const annual = targets.find(read => read.property === 'annual');
                if (period && annual) {
                    this.checkConsistentTargets(indicator, period, annual, accept);
                    this.checkAnnualAbovePeriod(indicator, period, annual, accept);
                }
            }
        };
    }

    /** The grammar lets targets come in any order and be absent (annual-only forms); a line needs one, and 指标值 is both. */
    checkTargetsWritten(indicator: Indicator, targets: ReadTarget[], accept: ValidationAcceptor): void {
        if (targets.length === 0) {
            report(accept, 'missing-target',
                `指标“${indicator.name}”没有指标值：写 指标值 <值>，或 实施周期 <值> 年度 <值>，或只写 年度 <值>。（an indicator without a target）`,
                { node: indicator, property: 'name' });
        }
        const both = targets.find(read => read.property === 'both');
        for (const other of both ? targets.filter(read => read !== both) : []) {
            report(accept, 'conflicting-targets',
                `已写“指标值 ${both!.text}”（实施周期与年度共用），又写了${PROPERTY_LABEL[other.property]}“${other.text}”：二者只能选一种写法。`
                + '（指标值 together with a period or annual target）',
                { node: indicator, property: other.property });
        }
    }

    checkSatisfactionPercent(indicator: Indicator, targets: ReadTarget[], accept: ValidationAcceptor): void {
        if (!isSatisfaction(indicator)) {
            return;
        }
        for (const read of targets) {
            if (read.threshold.kind === 'none' || quantities(read.threshold).some(isPercent)) {
                continue;
            }
            report(accept, 'satisfaction-not-percent',
                `满意度指标“${indicator.name}”的${PROPERTY_LABEL[read.property]}“${read.text}”不是百分比：满意度应写成如 ≥90%。`
                + '（a satisfaction target that is not a percentage）',
                { node: indicator, property: read.property });
        }
    }

    checkRateAbove100(indicator: Indicator, read: ReadTarget, accept: ValidationAcceptor): void {
        if (!isBoundedRate(indicator.name ?? '')) {
            return;
        }
        for (const q of quantities(read.threshold)) {
            const above = q.value.greaterThan(100) || (q.value.equals(100) && q.comparator === 'gt');
            if (isPercent(q) && above) {
                report(accept, 'rate-above-100',
                    `“${indicator.name}”是不会超过 100% 的比率，${PROPERTY_LABEL[read.property]}却是 ${quantityText(q)}：`
                    + '请核对（常见于录入错误，如把 ≥92% 打成 292%）。（a rate above 100%）',
                    { node: indicator, property: read.property });
            }
        }
    }

    checkLowerBoundOnTime(indicator: Indicator, read: ReadTarget, accept: ValidationAcceptor): void {
        for (const q of quantities(read.threshold)) {
            if (q.dimension === 'time' && isLowerBound(q) && isLatency(`${indicator.name ?? ''}${q.before ?? ''}`)) {
                report(accept, 'lower-bound-on-time',
                    `“${indicator.name}”是时间或速度，${PROPERTY_LABEL[read.property]}“${read.text}”却是下限（${describeQuantity(q)}）：`
                    + '时间越短越好，多半应为 ≤。（a time with a lower bound: probably meant ≤）',
                    { node: indicator, property: read.property });
            }
        }
    }

    /** Guessed from the name; a written 正向/反向 is the authority instead (direction-mismatch, value-rules.ts). */
    checkReversedComparator(indicator: Indicator, read: ReadTarget, accept: ValidationAcceptor): void {
        if (indicator.direction !== undefined) {
            return;
        }
        for (const q of quantities(read.threshold)) {
            if (isLessIsBetter(indicator)) {
                if (isLowerBound(q) && (q.dimension === 'money' || q.dimension === 'count')) {
                    report(accept, 'reversed-comparator',
                        `“${indicator.name}”越少越好（成本、投诉等，反向指标），${PROPERTY_LABEL[read.property]}却是下限 ${quantityText(q)}：`
                        + '这会把评分方向反过来，多半应为 ≤。（a cost or complaint with ≥ flips the scoring）',
                        { node: indicator, property: read.property });
                }
            } else if ((isSatisfaction(indicator) || isBoundedRate(indicator.name ?? '')) && isUpperBound(q)
                && (q.dimension === 'percent' || q.dimension === 'none')) {
                report(accept, 'reversed-comparator',
                    `“${indicator.name}”是越高越好的比率（正向指标），${PROPERTY_LABEL[read.property]}却是上限 ${quantityText(q)}：`
                    + '这会把评分方向反过来，多半应为 ≥。（a rate with ≤ flips the scoring）',
                    { node: indicator, property: read.property });
            }
        }
    }

    checkConsistentTargets(indicator: Indicator, period: ReadTarget, annual: ReadTarget, accept: ValidationAcceptor): void {
        const pairs = pairParts(period.threshold, annual.threshold);
        for (const [p, a] of pairs) {
            const problem = !sameDimension(p, a)
                ? `量纲不同（实施周期为${dimensionLabel(p)}，年度为${dimensionLabel(a)}）`
                : p.kind === 'quantity' && a.kind === 'quantity' && compareQuantities(p, a) === undefined
                    ? `单位不同且不能换算（${p.unitText ?? '无单位'} 与 ${a.unitText ?? '无单位'}）`
                    : undefined;
            if (problem) {
                report(accept, 'inconsistent-targets',
                    `“${indicator.name}”的实施周期指标值“${period.text}”与年度指标值“${annual.text}”${problem}：请用同一量纲和单位。`
                    + '（period and annual targets of different dimensions or units）',
                    { node: indicator, property: 'annual' });
                return;
            }
        }
    }

    checkAnnualAbovePeriod(indicator: Indicator, period: ReadTarget, annual: ReadTarget, accept: ValidationAcceptor): void {
        const p = period.threshold, a = annual.threshold;
        if (p.kind !== 'quantity' || a.kind !== 'quantity' || p.dimension !== 'count' || a.dimension !== 'count'
            || p.unit !== a.unit || !isLowerBound(p) || !isLowerBound(a)) {
            return;
        }
        if (compareQuantities(a, p) === 1) {
            report(accept, 'annual-above-period',
                `“${indicator.name}”是累计数量，年度指标值 ${annual.text} 却高于整个实施周期的 ${period.text}：请核对。`
                + '（an annual target above the period target）',
                { node: indicator, property: 'annual' });
        }
    }
}

/** Single values pair with each other; composites pair part by part when they have as many parts. */
function pairParts(period: Threshold, annual: Threshold): Array<[Threshold, Threshold]> {
    const comparable = (t: Threshold) => t.kind === 'quantity' || t.kind === 'grade';
    if (comparable(period) && comparable(annual)) {
        return [[period, annual]];
    }
    if (period.kind === 'composite' && annual.kind === 'composite' && period.parts.length === annual.parts.length) {
        return period.parts.flatMap((part, i) => pairParts(part, annual.parts[i]));
    }
    return [];
}

function dimensionLabel(t: Threshold): string {
    return t.kind === 'quantity' ? DIMENSION_LABELS[t.dimension] : t.kind === 'grade' ? DIMENSION_LABELS.grade : t.kind;
}
