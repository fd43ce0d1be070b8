import type { Amount, Department, PerfFile, Project, Summary } from '../language/generated/ast.js';
import { Decimal, formatAmount, parseAmount, sum } from './money.js';

/** The four amount columns of the official table. */
export type FundKey = 'total' | 'fiscal' | 'specialAccount' | 'other';

/** The three funding sources whose sum is a row's total. */
export const SOURCE_KEYS = ['fiscal', 'specialAccount', 'other'] as const satisfies readonly FundKey[];

/** A funding-source keyword as written (合计, 财政拨款, fiscal …). */
export type FundSource = Amount['source'];

const FUND_KEY_OF: Record<FundSource, FundKey> = {
    '总计': 'total', '合计': 'total', 'total': 'total',
    '财政拨款': 'fiscal', 'fiscal': 'fiscal',
    '财政专户拨款': 'specialAccount', 'special-account': 'specialAccount',
    '其他资金': 'other', 'other': 'other'
};

/** Chinese label of each column, for messages. */
export const FUND_LABEL: Record<FundKey, string> = {
    total: '总计', fiscal: '财政拨款', specialAccount: '财政专户拨款', other: '其他资金'
};

export function fundKeyOf(source: FundSource): FundKey {
    return FUND_KEY_OF[source];
}

/** An amount as the document states it. */
export interface StatedAmount {
    node: Amount;
    text: string;
    value: Decimal;
}

/** The last statement of each column in a project, department or summary (a repeated one is flagged by validation). */
export function statedAmounts(owner: Project | Department | Summary): Partial<Record<FundKey, StatedAmount>> {
    const stated: Partial<Record<FundKey, StatedAmount>> = {};
    for (const amount of owner.amounts) {
        const value = parseAmount(amount.value ?? '');
        if (value) {
            stated[fundKeyOf(amount.source)] = { node: amount, text: amount.value, value };
        }
    }
    return stated;
}

/** One row's figures: what is stated, what is computed, and what the table shows. */
export interface RowFigures {
    stated: Partial<Record<FundKey, StatedAmount>>;
    /** Sources: as stated (projects) or summed from the rows below (departments); total: sum of sources. */
    computed: Record<FundKey, Decimal>;
    /** The value the table shows for each column: stated where stated, else computed. */
    shown: Record<FundKey, Decimal>;
}

function figures(stated: Partial<Record<FundKey, StatedAmount>>, computedSources: Record<typeof SOURCE_KEYS[number], Decimal>): RowFigures {
    const computed = { ...computedSources, total: sum(SOURCE_KEYS.map(key => computedSources[key])) };
    const shown = { ...computed };
    for (const key of Object.keys(stated) as FundKey[]) {
        shown[key] = stated[key]!.value;
    }
    return { stated, computed, shown };
}

/**
 * Figures per row, computed once per AST node: validation, hover, symbols and the compiler each ask for
 * them (a project's up to five times per build). A re-parse makes new nodes, so a stale entry is never read;
 * the returned figures are shared: do not mutate them.
 */
const projectFiguresCache = new WeakMap<Project, RowFigures>();
const departmentFiguresCache = new WeakMap<Department, RowFigures>();

export function projectFigures(project: Project): RowFigures {
    let figures = projectFiguresCache.get(project);
    if (!figures) {
        figures = computeProjectFigures(project);
        projectFiguresCache.set(project, figures);
    }
    return figures;
}

function computeProjectFigures(project: Project): RowFigures {
    const stated = statedAmounts(project);
    const zero = new Decimal(0);
    return figures(stated, {
        fiscal: stated.fiscal?.value ?? zero,
        specialAccount: stated.specialAccount?.value ?? zero,
        other: stated.other?.value ?? zero
    });
}

/** A department's computed columns are the sums of what its projects' rows show. */
export function departmentFigures(department: Department): RowFigures {
    let figures = departmentFiguresCache.get(department);
    if (!figures) {
        figures = aggregate(statedAmounts(department), department.projects.map(projectFigures));
        departmentFiguresCache.set(department, figures);
    }
    return figures;
}

/** The 合计 row: the sums of what the department rows show. */
export function grandTotalFigures(file: PerfFile): RowFigures {
    return aggregate({}, file.departments.map(departmentFigures));
}

function aggregate(stated: Partial<Record<FundKey, StatedAmount>>, rows: RowFigures[]): RowFigures {
    const sources = {
        fiscal: sum(rows.map(row => row.shown.fiscal)),
        specialAccount: sum(rows.map(row => row.shown.specialAccount)),
        other: sum(rows.map(row => row.shown.other))
    };
    const result = figures(stated, sources);
    // An aggregate's computed total is the sum of the rows' totals (which may be stated), not of its sources.
    result.computed.total = sum(rows.map(row => row.shown.total));
    if (!stated.total) {
        result.shown.total = result.computed.total;
    }
    return result;
}

/** Published cell text for a column: the stated spelling, else #,##0.00; a zero source is an empty cell. */
export function cellText(row: RowFigures, key: FundKey): string {
    const stated = row.stated[key];
    if (key !== 'total' && row.shown[key].isZero()) {
        return '';
    }
    return stated ? stated.text : formatAmount(row.shown[key]);
}
