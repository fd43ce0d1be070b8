import type { Amount, Department, NamedAmount, PerfFile, Project, Summary } from '../language/generated/ast.js';
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

// Named fund sources (资金 "一般公共预算拨款" 100.00). Decision: real forms list 一般公共预算拨款, 政府性基金预算拨款 …
// as the breakdown of 财政拨款, and 上级/本级 as its parts. A named fund marked `计入 财政拨款` (`within fiscal`) is
// part of that keyword source, never added to the total again; its parts may not exceed the source (a form may
// list only some: 其中 …), and stand for the source when the source itself is not written. A named fund without
// 计入 is a source of its own (自有资金, 上年结转 …) and adds to a project's total beside the keyword sources.

/** A named amount as written, with its exact value (undefined when it is not a number: amount-format says so). */
export interface NamedFund {
    node: NamedAmount;
    name: string;
    text: string;
    value?: Decimal;
    /** The keyword source it is part of (计入), or undefined for a source of its own. */
    within?: Exclude<FundKey, 'total'>;
}

export function namedFunds(owner: Project | Department): NamedFund[] {
    return owner.funds.map(node => {
        const value = parseAmount(node.value ?? '');
        const within = node.within ? fundKeyOf(node.within) : undefined;
        return {
            node, name: node.name, text: node.value ?? '',
            ...(value ? { value } : {}),
            ...(within && within !== 'total' ? { within } : {})
        };
    });
}

/** The named funds that are sources of their own (added to the total). */
export function ownSources(funds: readonly NamedFund[]): NamedFund[] {
    return funds.filter(fund => !fund.within);
}

/** The named funds that are parts of one keyword source. */
export function partsOf(funds: readonly NamedFund[], key: Exclude<FundKey, 'total'>): NamedFund[] {
    return funds.filter(fund => fund.within === key);
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

/**
 * Drops the figures cached for a file's rows: the language server keeps a closed file's AST for as long as
 * the workspace is open, and ~6 Decimals per project (~1.5 KB) add up to ~100 MB in a province.
 */
export function forgetFigures(file: PerfFile): void {
    for (const department of file.departments ?? []) {
        departmentFiguresCache.delete(department);
        for (const project of department.projects) {
            projectFiguresCache.delete(project);
        }
    }
}

export function projectFigures(project: Project): RowFigures {
    let figures = projectFiguresCache.get(project);
    if (!figures) {
        figures = computeProjectFigures(project);
        projectFiguresCache.set(project, figures);
    }
    return figures;
}

/** A keyword source: as stated, else the sum of its named parts (计入), else 0. */
function sourceValue(stated: Partial<Record<FundKey, StatedAmount>>, funds: readonly NamedFund[], key: typeof SOURCE_KEYS[number]): Decimal {
    return stated[key]?.value ?? sum(partsOf(funds, key).flatMap(fund => fund.value ? [fund.value] : []));
}

/** Sum of the named funds that are sources of their own. */
export function ownSourcesTotal(funds: readonly NamedFund[]): Decimal {
    return sum(ownSources(funds).flatMap(fund => fund.value ? [fund.value] : []));
}

function computeProjectFigures(project: Project): RowFigures {
    const stated = statedAmounts(project);
    const funds = namedFunds(project);
    const row = figures(stated, {
        fiscal: sourceValue(stated, funds, 'fiscal'),
        specialAccount: sourceValue(stated, funds, 'specialAccount'),
        other: sourceValue(stated, funds, 'other')
    });
    if (ownSources(funds).length > 0) {
        row.computed.total = row.computed.total.plus(ownSourcesTotal(funds));
        row.shown.total = stated.total?.value ?? row.computed.total;
    }
    return row;
}

/** A department's computed columns are the sums of what its projects' rows show. */
export function departmentFigures(department: Department): RowFigures {
    let figures = departmentFiguresCache.get(department);
    if (!figures) {
        // Rows not cached are not cached by this sum: a summary (汇总) sums the departments of closed files.
        const rows = department.projects.map(project => projectFiguresCache.get(project) ?? computeProjectFigures(project));
        figures = aggregate(statedAmounts(department), rows);
        // A whole-department table (部门整体) heads its grid with named amounts (基本支出, 项目支出): without
        // projects, they make up the department's total; beside projects the projects' rows do.
        const funds = namedFunds(department);
        if (department.projects.length === 0 && ownSources(funds).length > 0) {
            figures.computed.total = ownSourcesTotal(funds);
            figures.shown.total = figures.stated.total?.value ?? figures.computed.total;
        }
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
