/**
 * Reconciliation with exact decimals: a stated 总计/合计 or source column against the sum it should be.
 * A difference that the rounding of the summed figures can explain (half a unit of the last decimal
 * written, per summed figure) is a warning that says so; a larger one is an error. The diagnostic sits on
 * the stated figure and names the computed one.
 */
import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { isDepartment, type Department, type PerfAstType, type Project } from '../generated/ast.js';
import {
    departmentFigures, FUND_LABEL, projectFigures, SOURCE_KEYS, type FundKey, type RowFigures, type StatedAmount
} from '../../model/figures.js';
import { Decimal, decimalsWritten, exactAmount, formatAmount, sum } from '../../model/money.js';
import { report } from './rules.js';
import type { PerfSettings } from '../settings/perf-settings.js';

/** What a figure that enters a sum may be off by through rounding: half a unit of its last decimal. */
function halfUnit(stated: StatedAmount): Decimal {
    const decimals = decimalsWritten(stated.text);
    return HALF_UNITS[decimals] ?? halfUnitOf(decimals);
}

const halfUnitOf = (decimals: number): Decimal => new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)));
/** 0.5, 0.05 … 0.000000005, built once: Decimal.pow per figure showed in the profile. */
const HALF_UNITS: readonly Decimal[] = Array.from({ length: 9 }, (_, decimals) => halfUnitOf(decimals));

/** The figures summed into one computed value, with the rounding they can explain together. */
export interface Summed {
    count: number;
    tolerance: Decimal;
    decimals: Set<number>;
}

function summedOf(figures: StatedAmount[]): Summed {
    return {
        count: figures.length,
        tolerance: sum(figures.map(halfUnit)),
        decimals: new Set(figures.map(figure => decimalsWritten(figure.text)))
    };
}

function combine(parts: Summed[]): Summed {
    return {
        count: parts.reduce((n, part) => n + part.count, 0),
        tolerance: sum(parts.map(part => part.tolerance)),
        decimals: new Set(parts.flatMap(part => [...part.decimals]))
    };
}

function statedSources(row: RowFigures): StatedAmount[] {
    return SOURCE_KEYS.flatMap(source => row.stated[source] ? [row.stated[source]] : []);
}

/** The stated figures a row's shown value in a column is made of: the stated one, else its sources. */
function figuresBehind(row: RowFigures, key: FundKey): StatedAmount[] {
    const stated = row.stated[key];
    if (stated) {
        return [stated];
    }
    return key === 'total' ? statedSources(row) : [];
}

function unitOf(node: Project | Department): string {
    return (isDepartment(node) ? node : AstUtils.getContainerOfType(node, isDepartment))?.unit ?? '';
}

/** A stated figure and the sum it should be: a project's 总计, a department's 合计 or source column. */
export interface StatedAgainstSum {
    key: FundKey;
    stated: StatedAmount;
    computed: Decimal;
    /** What the computed figure is the sum of, for messages. */
    computedName: string;
    /** The figures behind the sum, worked out only when the two differ. */
    summed: () => Summed;
}

/** Where a stated figure stands: equal to its sum, off by no more than rounding explains, or beyond. */
export interface Verdict {
    kind: 'equal' | 'rounding' | 'mismatch';
    /** stated − computed. */
    difference: Decimal;
}

/** A project's stated 总计 against the sum of its sources (none without a total or without a source). */
export function projectSums(project: Project): StatedAgainstSum[] {
    const row = projectFigures(project);
    const total = row.stated.total;
    const sources = statedSources(row);
    if (!total || sources.length === 0) {
        return [];
    }
    return [{ key: 'total', stated: total, computed: row.computed.total, computedName: '财政拨款、财政专户拨款、其他资金之和', summed: () => summedOf(sources) }];
}

/** The department's stated 合计 and source columns against the sums of its projects' rows. */
export function departmentSums(department: Department): StatedAgainstSum[] {
    const row = departmentFigures(department);
    const projects = department.projects.map(projectFigures);
    return (['total', ...SOURCE_KEYS] as const).flatMap(key => {
        const stated = row.stated[key];
        return stated ? [{
            key, stated, computed: row.computed[key], computedName: `各项目${FUND_LABEL[key]}之和`,
            summed: () => combine(projects.map(project => summedOf(figuresBehind(project, key))))
        }] : [];
    });
}

/** The verdict with a fixed tolerance (perf.roundingTolerance) or, unset, the rounding the summed figures explain. */
export function verdictOf(figure: StatedAgainstSum, fixedTolerance: Decimal | undefined): Verdict {
    const difference = figure.stated.value.minus(figure.computed);
    if (difference.isZero()) {
        return { kind: 'equal', difference }; // the usual case: the rounding is only worked out for a difference
    }
    const tolerance = fixedTolerance ?? figure.summed().tolerance;
    return { kind: difference.abs().lessThanOrEqualTo(tolerance) ? 'rounding' : 'mismatch', difference };
}

export class ReconciliationRules {

    /**
     * `perf.roundingTolerance`: unset, the rounding a difference can come from is worked out per sum (half a
     * unit of the last decimal written, per summed figure); a number replaces that with a fixed largest difference.
     */
    constructor(private readonly settings: Pick<PerfSettings, 'roundingTolerance'>) {}

    checks(): ValidationChecks<PerfAstType> {
        return {
            Project: this.checkProjectTotal.bind(this),
            Department: this.checkDepartmentColumns.bind(this)
        };
    }

    /** 总计 = 财政拨款 + 财政专户拨款 + 其他资金; a 总计 with no source line is missing-fund-source. */
    checkProjectTotal(project: Project, accept: ValidationAcceptor): void {
        const total = projectFigures(project).stated.total;
        if (total && statedSources(projectFigures(project)).length === 0) {
            report(accept, 'missing-fund-source',
                `项目“${project.name}”写了总计 ${total.text}，但没有资金来源：请补上财政拨款、财政专户拨款或其他资金。`
                + '（a total without fund sources）',
                { node: total.node, property: 'value' }, { total: total.text });
            return;
        }
        projectSums(project).forEach(figure => this.compare(accept, project, figure));
    }

    checkDepartmentColumns(department: Department, accept: ValidationAcceptor): void {
        departmentSums(department).forEach(figure => this.compare(accept, department, figure));
    }

    private compare(accept: ValidationAcceptor, owner: Project | Department, figure: StatedAgainstSum): void {
        const fixedTolerance = this.settings.roundingTolerance;
        const verdict = verdictOf(figure, fixedTolerance);
        if (verdict.kind === 'equal') {
            return;
        }
        const { stated, computed, computedName } = figure;
        const difference = verdict.difference.abs();
        const summed = figure.summed();
        const tolerance = fixedTolerance ?? summed.tolerance;
        const explained = fixedTolerance
            ? `在设置的容差 ${exactAmount(tolerance)}${unitOf(owner) ? ` ${unitOf(owner)}` : ''} 以内（perf.roundingTolerance），请核对。`
            : undefined;
        const unitText = unitOf(owner);
        const unit = unitText ? ` ${unitText}` : '';
        const label = `${stated.node.source} ${stated.text}`;
        const computedText = formatAmount(computed);
        const data = { computed: computedText };
        const decimals = summed.decimals.size === 1 ? `${decimalText([...summed.decimals][0])}的` : '';
        if (verdict.kind === 'rounding') {
            report(accept, 'rounding-difference',
                `${label} 与${computedName} ${computedText} 相差 ${exactAmount(difference)}${unit}：`
                + (explained ?? `在 ${summed.count} 个${decimals}数字四舍五入可解释的范围内（最多 ${exactAmount(summed.tolerance)}${unit}），请核对。`)
                + `（stated ${stated.text}, computed ${computedText}: a rounding difference）`,
                { node: stated.node, property: 'value' }, data);
        } else {
            report(accept, 'total-mismatch',
                `${label} 与${computedName} ${computedText} 不符：相差 ${exactAmount(difference)}${unit}，`
                + (fixedTolerance
                    ? `超出设置的容差 ${exactAmount(tolerance)}${unit}（perf.roundingTolerance）。`
                    : `超出 ${summed.count} 个数字四舍五入可解释的 ${exactAmount(summed.tolerance)}${unit}。`)
                + `（stated ${stated.text}, computed ${computedText}）`,
                { node: stated.node, property: 'value' }, data);
        }
    }
}

function decimalText(decimals: number): string {
    return ['整数', '一位小数', '两位小数', '三位小数', '四位小数'][decimals] ?? `${decimals} 位小数`;
}
