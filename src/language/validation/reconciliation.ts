/**
 * Reconciliation with exact decimals: a stated 总计/合计 or source column against the sum it should be.
 * A difference that the rounding of the summed figures can explain (half a unit of the last decimal
 * written, per summed figure, and of the stated one when it has fewer decimals than they) is a warning that
 * says so; a larger one is an error. The diagnostic sits on the stated figure and names the computed one.
 */
import { AstUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { isDepartment, type Department, type PerfAstType, type Project } from '../generated/ast.js';
import { costItems } from '../../model/costs.js';
import {
    departmentFigures, FUND_LABEL, namedFunds, ownSources, partsOf, projectFigures, SOURCE_KEYS,
    type FundKey, type NamedFund, type RowFigures, type StatedAmount
} from '../../model/figures.js';
import { Decimal, decimalsWritten, exactAmount, formatAmount, parseAmount, sum } from '../../model/money.js';
import { report } from './rules.js';
import type { PerfSettings } from '../settings/perf-settings.js';

/** A written figure that enters a sum: a stated amount, a named fund, a cost item. */
interface Written {
    text: string;
}

/** What a figure that enters a sum may be off by through rounding: half a unit of its last decimal. */
function halfUnit(stated: Written): Decimal {
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

function summedOf(figures: Written[]): Summed {
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

/** A stated figure and the sum it should be: a project's 总计, a department's 合计 or source column, a cost breakdown. */
export interface StatedAgainstSum {
    key: FundKey;
    stated: StatedAmount;
    computed: Decimal;
    /** What the computed figure is the sum of, for messages. */
    computedName: string;
    /** The figures behind the sum (and the stated one, when rounded itself), worked out only when the two differ. */
    summed: () => Summed;
}

/** Where a stated figure stands: equal to its sum, off by no more than rounding explains, or beyond. */
export interface Verdict {
    kind: 'equal' | 'rounding' | 'mismatch';
    /** stated − computed. */
    difference: Decimal;
}

function againstSum(key: FundKey, stated: StatedAmount, computed: Decimal, computedName: string, parts: () => Summed): StatedAgainstSum {
    return {
        key, stated, computed, computedName,
        summed: () => {
            // A stated figure written with fewer decimals than its parts (10606.75 for 10606.7522) was rounded itself.
            const summed = parts();
            return decimalsWritten(stated.text) < Math.max(...summed.decimals) ? combine([summed, summedOf([stated])]) : summed;
        }
    };
}

/**
 * A project's stated 总计 against 财政拨款 + 财政专户拨款 + 其他资金 + the named funds of their own (a source not
 * written counts as the sum of its named parts, 计入); none without a total or without any source.
 */
export function projectSums(project: Project): StatedAgainstSum[] {
    const row = projectFigures(project);
    const total = row.stated.total;
    const sources = total ? totalSources(project, row) : [];
    if (!total || sources.length === 0) {
        return [];
    }
    const own = valued(ownSources(namedFunds(project)));
    const named = own.length > 0 ? `及${own.map(fund => `“${fund.name}”`).join('、')}` : '';
    return [againstSum('total', total, row.computed.total, `财政拨款、财政专户拨款、其他资金${named}之和`, () => summedOf(sources))];
}

function totalSources(project: Project, row: RowFigures): Written[] {
    const funds = namedFunds(project);
    return [
        ...statedSources(row), ...valued(ownSources(funds)),
        ...SOURCE_KEYS.flatMap(key => row.stated[key] ? [] : valued(partsOf(funds, key)))
    ];
}

/** The department's stated 合计 and source columns against the sums of its projects' rows (or of its own named amounts). */
export function departmentSums(department: Department): StatedAgainstSum[] {
    const row = departmentFigures(department);
    const projects = department.projects.map(projectFigures);
    return (['total', ...SOURCE_KEYS] as const).flatMap(key => {
        const stated = row.stated[key];
        if (!stated) {
            return [];
        }
        // Without projects, a whole-department table's named amounts (基本支出, 项目支出) make up its total.
        const own = projects.length === 0 && key === 'total' ? valued(ownSources(namedFunds(department))) : [];
        const summed = () => own.length > 0 ? summedOf(own) : combine(projects.map(project => summedOf(figuresBehind(project, key))));
        const computedName = own.length > 0 ? `${own.map(fund => `“${fund.name}”`).join('、')}之和` : `各项目${FUND_LABEL[key]}之和`;
        return [againstSum(key, stated, row.computed[key], computedName, summed)];
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

    /**
     * 总计 = 财政拨款 + 财政专户拨款 + 其他资金 + the named funds of their own (a source not written counts as the sum
     * of its named parts, 计入); a 总计 with no source line is missing-fund-source.
     */
    checkProjectTotal(project: Project, accept: ValidationAcceptor): void {
        const row = projectFigures(project);
        const total = row.stated.total;
        this.checkParts(project, row, namedFunds(project), accept);
        this.checkMidTermBudget(project, row, accept);
        if (!total) {
            return;
        }
        this.checkCosts(project, total, accept);
        // With a stated total, no sum to compare means no fund source at all.
        const sums = projectSums(project);
        if (sums.length === 0) {
            report(accept, 'missing-fund-source',
                `项目“${project.name}”写了总计 ${total.text}，但没有资金来源：请补上财政拨款、财政专户拨款或其他资金。`
                + '（a total without fund sources）',
                { node: total.node, property: 'value' }, { total: total.text });
            return;
        }
        sums.forEach(figure => this.compare(accept, project, figure));
    }

    /** The named parts of a written source (计入 财政拨款) may list only some of it, never more than all of it. */
    private checkParts(project: Project, row: RowFigures, funds: NamedFund[], accept: ValidationAcceptor): void {
        for (const key of SOURCE_KEYS) {
            const stated = row.stated[key];
            const parts = valued(partsOf(funds, key));
            if (!stated || parts.length === 0) {
                continue;
            }
            const partsTotal = sum(parts.map(part => part.value));
            const excess = partsTotal.minus(stated.value);
            if (excess.greaterThan(summedOf([stated, ...parts]).tolerance)) {
                const unit = unitOf(project);
                report(accept, 'fund-part-exceeds',
                    `计入${FUND_LABEL[key]}的${parts.map(part => `“${part.name}” ${part.text}`).join('、')}之和 ${formatAmount(partsTotal)}`
                    + ` 超过${stated.node.source} ${stated.text}（多 ${exactAmount(excess)}${unit ? ` ${unit}` : ''}）：`
                    + '计入的资金是该来源的一部分，请核对金额，或去掉“计入”（资金另列一项来源）。（named parts exceed their source）',
                    { node: parts.at(-1)!.node, property: 'value' }, { computed: formatAmount(partsTotal) });
            }
        }
    }

    /** 中期预算 covers three years, the annual budget among them. */
    private checkMidTermBudget(project: Project, row: RowFigures, accept: ValidationAcceptor): void {
        const midTerm = parseAmount(project.midTermBudget ?? '');
        if (midTerm && midTerm.lessThan(row.shown.total)) {
            const unit = unitOf(project);
            report(accept, 'mid-term-below-annual',
                `中期预算 ${project.midTermBudget} 低于本年度总计 ${formatAmount(row.shown.total)}${unit ? ` ${unit}` : ''}：`
                + '中期预算含本年度，请核对。（a mid-term budget below the annual total）',
                { node: project, property: 'midTermBudget' });
        }
    }

    /** 成本构成: the items add up to the project's 总计. */
    private checkCosts(project: Project, total: StatedAmount, accept: ValidationAcceptor): void {
        const costs = valued(costItems(project));
        if (costs.length === 0) {
            return;
        }
        const figure = againstSum('total', total, sum(costs.map(cost => cost.value)), '成本构成各项之和', () => summedOf(costs));
        this.compare(accept, project, figure, { mismatch: 'cost-mismatch', at: costs[0].node });
    }

    checkDepartmentColumns(department: Department, accept: ValidationAcceptor): void {
        departmentSums(department).forEach(figure => this.compare(accept, department, figure));
    }

    /** `at` moves the diagnostic off the stated figure (a cost breakdown is reported on its first item). */
    private compare(accept: ValidationAcceptor, owner: Project | Department, figure: StatedAgainstSum,
        options: { mismatch?: 'total-mismatch' | 'cost-mismatch'; at?: AstNode } = {}): void {
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
                { node: options.at ?? stated.node, property: 'value' }, data);
        } else {
            report(accept, options.mismatch ?? 'total-mismatch',
                `${label} 与${computedName} ${computedText} 不符：相差 ${exactAmount(difference)}${unit}，`
                + (fixedTolerance
                    ? `超出设置的容差 ${exactAmount(tolerance)}${unit}（perf.roundingTolerance）。`
                    : `超出 ${summed.count} 个数字四舍五入可解释的 ${exactAmount(summed.tolerance)}${unit}。`)
                + `（stated ${stated.text}, computed ${computedText}）`,
                { node: options.at ?? stated.node, property: 'value' }, data);
        }
    }
}

/** The written figures that are numbers (a malformed one is amount-format's). */
function valued<T extends { value?: Decimal }>(figures: T[]): Array<T & { value: Decimal }> {
    return figures.filter((figure): figure is T & { value: Decimal } => figure.value !== undefined);
}

function decimalText(decimals: number): string {
    return ['整数', '一位小数', '两位小数', '三位小数', '四位小数'][decimals] ?? `${decimals} 位小数`;
}
