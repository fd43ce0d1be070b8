/**
 * Weights (分值 / 权重) of a project's or a whole-department table's indicators: once any indicator has one, every
 * indicator needs one, they add up to 100 (or to 90 when the 10 of 预算执行率 is not written), and the indicators
 * of a level-1 group fit its stated score range (分值范围 1 40-50). One pass over the indicators.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { isProject, type Department, type Indicator, type IndicatorGroup, type PerfAstType, type Project } from '../generated/ast.js';
import { groupOf } from '../../model/indicators.js';
import { Decimal, sum } from '../../model/money.js';
import { EXECUTION_SCORE, executionScoreOf, FULL_SCORE, scoreRangeOf, weightOf } from '../../model/scoring.js';
import { ownerText } from './indicator-rules.js';
import { report } from './rules.js';

export class ScoreRules {

    checks(): ValidationChecks<PerfAstType> {
        return {
            Project: this.checkWeights.bind(this),
            Department: this.checkWeights.bind(this)
        };
    }

    checkWeights(owner: Project | Department, accept: ValidationAcceptor): void {
        const weighted = owner.indicators.flatMap(indicator => {
            const weight = weightOf(indicator);
            return weight ? [{ indicator, weight }] : [];
        });
        if (weighted.length === 0) {
            return;
        }
        const what = ownerText(owner);
        const unweighted = owner.indicators.filter(indicator => indicator.weight === undefined);
        for (const indicator of unweighted) {
            report(accept, 'missing-weight',
                `${what}的其他指标写了分值，指标“${indicator.name}”却没有：请补上分值（权重）。（an indicator without a weight）`,
                { node: indicator, property: 'name' });
        }
        const total = sum(weighted.map(({ weight }) => weight));
        if (unweighted.length === 0) {
            this.checkTotal(owner, what, total, accept);
        }
        if (isProject(owner)) {
            this.checkScoreRanges(owner, weighted, accept);
        }
    }

    /** 100 in all; 90 when 预算执行率 is not written (its 10 implied); a written 预算执行率 counts in. */
    private checkTotal(owner: Project | Department, what: string, total: Decimal, accept: ValidationAcceptor): void {
        const execution = isProject(owner) ? executionScoreOf(owner) : undefined;
        const withExecution = execution ? total.plus(execution) : total;
        if (withExecution.equals(FULL_SCORE) || (!execution && total.plus(EXECUTION_SCORE).equals(FULL_SCORE))) {
            return;
        }
        report(accept, 'weights-total',
            `${what}的指标分值合计 ${total.toString()}${execution ? `，加预算执行率 ${execution.toString()} 分共 ${withExecution.toString()}` : ''}：`
            + '应为 100（或不写预算执行率时为 90，另加预算执行率的 10 分）。（weights that do not add up to 100）',
            { node: owner, property: 'name' }, { total: total.toString() });
    }

    private checkScoreRanges(project: Project, weighted: Array<{ indicator: Indicator; weight: Decimal }>, accept: ValidationAcceptor): void {
        if (project.scores.length === 0) {
            return;
        }
        const byGroup = new Map<IndicatorGroup | undefined, Decimal>();
        for (const { indicator, weight } of weighted) {
            const group = groupOf(indicator);
            byGroup.set(group, (byGroup.get(group) ?? new Decimal(0)).plus(weight));
        }
        for (const score of project.scores) {
            const group = score.group?.ref;
            const range = scoreRangeOf(score);
            if (!group || !range) {
                continue;
            }
            const total = byGroup.get(group) ?? new Decimal(0);
            if (total.lessThan(range.min) || total.greaterThan(range.max)) {
                const rangeText = range.min.equals(range.max) ? `${range.min.toString()} 分` : `${range.min.toString()}-${range.max.toString()} 分`;
                report(accept, 'score-range',
                    `${group.name}-${group.label}下各指标分值之和为 ${total.toString()}，不在写明的分值范围 ${rangeText}内：请调整分值。`
                    + '（the weights of a level-1 group outside its score range）',
                    { node: score }, { total: total.toString() });
            }
        }
    }
}
