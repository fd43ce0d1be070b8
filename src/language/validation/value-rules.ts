/**
 * A target against the columns beside it (value type, unit column, direction) and against the other rows:
 * the defects reviewers find in published tables (indicator-standards.md): a 定性 value with a unit, money under
 * a % unit, a comparator against the stated direction, template placeholders left in, one value copied down
 * a whole column.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { isQuotedTarget, isSimpleTarget, type Department, type Indicator, type PerfAstType, type Project, type Target } from '../generated/ast.js';
import { annualTarget, periodTarget, targetMeaning, targetText } from '../../model/indicators.js';
import { directionOf, valueTypeOf } from '../../model/scoring.js';
import { isLowerBound, isUpperBound, quantities, unitOfName, type Quantity } from '../../model/threshold.js';
import { lookupUnit, toHalfWidth } from '../../model/units.js';
import { ownerText } from './indicator-rules.js';
import { report } from './rules.js';

type TargetProperty = 'both' | 'period' | 'annual';
const PROPERTIES: readonly TargetProperty[] = ['both', 'period', 'annual'];
const PROPERTY_LABEL: Record<TargetProperty, string> = { both: '指标值', period: '实施周期指标值', annual: '年度指标值' };

/** Template leftovers: ≥**%, ××, XX. */
const PLACEHOLDER = /[*＊×]{2}|[xX]{2}/;
/** Two bare numbers side by side (88 100): the score and the value of a template, or two cells run together. */
const TWO_NUMBERS = /^\s*\d+(?:\.\d+)?\s+\d+(?:\.\d+)?\s*$/;

/** A unit written in the value itself, not taken from the name or the unit column. */
const ownUnit = (q: Quantity) => q.unit !== undefined && !q.unitFromName && !q.unitFromColumn;

/** Two units that are not one unit or convertible into each other (万元 and 元 are; % and 万元 are not). */
function contradicts(column: string, q: Quantity): boolean {
    const columnInfo = lookupUnit(column);
    const valueInfo = lookupUnit(q.unit!);
    return columnInfo && valueInfo ? columnInfo.base !== valueInfo.base : toHalfWidth(column).trim() !== q.unit;
}

/** A value as written, compared without reading the CST (the column check runs on every project). */
function valueKey(target: Target | undefined): string {
    return !target ? '' : isSimpleTarget(target) ? `${target.comparator ?? ''}\u0000${target.quantity}` : target.text.trim();
}

export class ValueRules {

    checks(): ValidationChecks<PerfAstType> {
        return {
            Indicator: (indicator, accept) => {
                this.checkQualitative(indicator, accept);
                // Only a unit column, a direction or a unit in the name give the quantities something to meet.
                const columns = indicator.unit !== undefined || indicator.direction !== undefined || /[)）]\s*$/.test(indicator.name ?? '');
                for (const property of PROPERTIES) {
                    if (indicator[property]) {
                        this.checkPlaceholder(indicator, property, accept);
                        if (columns) {
                            const found = quantities(targetMeaning(indicator, property === 'annual' ? 'annual' : 'period'));
                            this.checkUnit(indicator, property, found, accept);
                            this.checkDirection(indicator, property, found, accept);
                        }
                    }
                }
            },
            Project: this.checkCopiedColumns.bind(this),
            Department: this.checkCopiedColumns.bind(this)
        };
    }

    /** 定性 written, or (no value type written) a text value beside a unit column. */
    checkQualitative(indicator: Indicator, accept: ValidationAcceptor): void {
        const valueType = valueTypeOf(indicator);
        const unit = indicator.unit?.trim() ? indicator.unit : undefined;
        if (valueType === undefined && unit) {
            const text = PROPERTIES.find(p => indicator[p] && targetMeaning(indicator, p === 'annual' ? 'annual' : 'period').kind === 'qualitative');
            if (text) {
                report(accept, 'qualitative-with-unit',
                    `指标“${indicator.name}”的${PROPERTY_LABEL[text]}“${targetText(indicator[text])}”是文字（定性），却写了计量单位“${unit}”：`
                    + '定性指标值没有单位；请删去单位，或写成数字。（a qualitative value with a unit）',
                    { node: indicator, property: 'unit' });
            }
            return;
        }
        if (valueType !== 'qualitative') {
            return;
        }
        if (unit) {
            report(accept, 'qualitative-with-unit',
                `指标“${indicator.name}”是定性指标，却写了计量单位“${unit}”：定性指标值是文字（如 优良、及时），没有单位；`
                + '请删去单位，或改为定量。（a qualitative indicator with a unit）',
                { node: indicator, property: 'unit' });
            return;
        }
        const property = PROPERTIES.find(p => indicator[p] && quantities(targetMeaning(indicator, p === 'annual' ? 'annual' : 'period')).length > 0);
        if (property) {
            report(accept, 'qualitative-with-unit',
                `指标“${indicator.name}”是定性指标，${PROPERTY_LABEL[property]}“${targetText(indicator[property])}”却是数字：`
                + '请改为定量，或把指标值写成文字。（a qualitative indicator with a number）',
                { node: indicator, property });
        }
    }

    /** Only quoted text can be empty or hold a template (a simple target is one number with its unit). */
    checkPlaceholder(indicator: Indicator, property: TargetProperty, accept: ValidationAcceptor): void {
        const target = indicator[property];
        if (!isQuotedTarget(target)) {
            return;
        }
        const text = target.text;
        const problem = text.trim() === '' ? '为空'
            : PLACEHOLDER.test(text) ? '含模板占位符'
                : TWO_NUMBERS.test(toHalfWidth(text)) ? '是两个孤立的数字（多半是模板的分值和指标值，或两格连在了一起）'
                    : undefined;
        if (problem) {
            report(accept, 'placeholder-value',
                `指标“${indicator.name}”的${PROPERTY_LABEL[property]}“${text}”${problem}：请填写实际的指标值。（a placeholder value）`,
                { node: indicator, property });
        }
    }

    /** Against the unit column; without one, money under an indicator named in % (…率（%）). */
    checkUnit(indicator: Indicator, property: TargetProperty, found: Quantity[], accept: ValidationAcceptor): void {
        const column = indicator.unit?.trim() ? indicator.unit : undefined;
        const namePercent = unitOfName(indicator.name ?? '')?.info.unit === '%';
        for (const q of found.filter(ownUnit)) {
            const wrong = column ? contradicts(column, q) : namePercent && q.dimension === 'money';
            if (!wrong) {
                continue;
            }
            const under = column ? `计量单位“${column}”` : '指标名称中的单位“%”';
            const moneyUnderPercent = q.dimension === 'money' && (column ? lookupUnit(column)?.unit === '%' : true);
            report(accept, 'unit-mismatch',
                `指标“${indicator.name}”的${PROPERTY_LABEL[property]}“${targetText(indicator[property])}”的单位是“${q.unitText}”，与${under}不符`
                + (moneyUnderPercent ? '：金额写在了百分比下，多半把投入金额当成了指标值。' : '：请统一单位。')
                + '（a unit that contradicts the unit column）',
                { node: indicator, property });
            return;
        }
    }

    /** 正向: higher is better, so a lower bound (≥); 反向: a maximum (≤). */
    checkDirection(indicator: Indicator, property: TargetProperty, found: Quantity[], accept: ValidationAcceptor): void {
        const direction = directionOf(indicator);
        const wrong = found.find(q => direction === 'positive' ? isUpperBound(q) : direction === 'negative' && isLowerBound(q));
        if (!wrong) {
            return;
        }
        report(accept, 'direction-mismatch',
            `指标“${indicator.name}”写明是${direction === 'positive' ? '正向（越高越好）' : '反向（越低越好）'}，`
            + `${PROPERTY_LABEL[property]}却是${direction === 'positive' ? '上限' : '下限'} ${wrong.comparatorText ?? ''}${wrong.numberText}${wrong.unitText ?? ''}：`
            + `请改为${direction === 'positive' ? ' ≥' : ' ≤'}，或改正指标方向。（a comparator against the stated direction）`,
            { node: indicator, property });
    }

    /**
     * One value in every row of a column (3 rows or more, of different level-2 indicators): copied down, not set
     * per indicator. Rows of one kind may share a value (five 验收通过率 of 100% in the reference table).
     */
    checkCopiedColumns(owner: Project | Department, accept: ValidationAcceptor): void {
        if (owner.indicators.length < 3) {
            return;
        }
        const columns: Array<[string, (indicator: Indicator) => Target | undefined]> = [
            ['实施周期指标值', periodTarget], ['年度指标值', annualTarget]
        ];
        const copied = columns.filter(([, targetOf]) => {
            const first = valueKey(targetOf(owner.indicators[0]));
            return first !== '' && owner.indicators.every(indicator => valueKey(targetOf(indicator)) === first);
        });
        if (copied.length === 0 || new Set(owner.indicators.map(indicator => indicator.category?.$refText)).size < 2) {
            return;
        }
        const value = targetText(copied[0][1](owner.indicators[0]));
        report(accept, 'copied-value',
            `${ownerText(owner)}的全部 ${owner.indicators.length} 个指标的${copied.map(([label]) => label).join('和')}都是“${value}”：`
            + '像是整列复制，请逐项填写。（the same value copied down a column）',
            { node: owner, property: 'name' });
    }
}
