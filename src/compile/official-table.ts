/**
 * The published table as JSON: the contract every writer (HTML, XLSX, PDF, preview) renders from. Every cell
 * is text spelled exactly as it is published.
 *
 * Contract v2 (issue 14): `layout` names the 表式 and `sheet` is the layout-neutral form of a layout (title,
 * the line under it, column widths, blocks of rows whose cells may span rows and columns). A 项目列表 (Guangdong
 * list) is exactly the v1 table — `columns` and `rows`, no `layout`, no `sheet` — and the writers derive its
 * sheet (list-sheet.ts); in the other layouts `columns` and `rows` are empty and the content is in `sheet`.
 * docs/compile.md describes the contract.
 */
export interface OfficialTable {
    /** 表式 (src/compile/layouts.ts); absent for a 项目列表. */
    layout?: string;
    /** 项目支出绩效目标表（含转移支付项目） unless the document names another title. */
    title: string;
    /** 部门名称 */
    department: string;
    /** 单位: 万元 or 元 */
    unit: string;
    /** 预算年度, when the document states it. */
    year?: string;
    /** 项目列表 only: its seven headings (OFFICIAL_COLUMNS); [] in the other layouts. */
    columns: string[];
    /** 项目列表 only: 合计, departments and projects; [] in the other layouts. */
    rows: OfficialRow[];
    /** The layout-neutral form the writers render; absent for a 项目列表 (derived from `rows`). */
    sheet?: PublishedSheet;
}

/** Level 0 is the 合计 row, level 1 a department, level 2 a project. */
export interface OfficialRow {
    level: 0 | 1 | 2;
    /** Seven cells, in the order of OFFICIAL_COLUMNS. */
    cells: string[];
}

/** Any layout as printed: a title, one line under it, then blocks of rows on one grid of columns. */
export interface PublishedSheet {
    /** The visible title (with the 预算年度 where the layout has a place for it). */
    title: string;
    /** The line between title and table: 部门名称：… on the left, 单位：万元 on the right. */
    meta: PublishedMeta[];
    columns: PublishedColumn[];
    blocks: PublishedBlock[];
}

export interface PublishedMeta {
    /** 'department' | 'unit' | …: what the text is (the HTML class). */
    role: string;
    text: string;
    /** Columns it spans in a spreadsheet. */
    span: number;
}

export interface PublishedColumn {
    /** What the column holds (the HTML class of its <col>). */
    role: string;
    /** Width in spreadsheet character units. */
    width: number;
    /** Width on the printed HTML page ("14%"). */
    htmlWidth: string;
}

/** A part of the sheet, printed as its own table: the one table of a list, one project's form in 项目表. */
export interface PublishedBlock {
    /** Heading rows, repeated at the top of every printed page. */
    header: PublishedRow[];
    rows: PublishedRow[];
}

/**
 * What a row is: total | department | project (项目列表 rows), header (column headings), field (a label and its
 * value), indicator (one indicator of a grid).
 */
export type RowRole = 'total' | 'department' | 'project' | 'header' | 'field' | 'indicator';

export interface PublishedRow {
    role: RowRole;
    /** 项目列表: the OfficialRow level (0 合计, 1 department, 2 project). */
    level?: 0 | 1 | 2;
    cells: PublishedCell[];
}

/**
 * What a cell is: heading (a column heading), label (the name of a field), amount (money, printed #,##0.00 as
 * written), number (a weight, a score), indicators (a 项目列表 indicator cell), or the role of its column (name,
 * goal, text).
 */
export type CellRole = 'heading' | 'label' | 'amount' | 'number' | 'name' | 'goal' | 'indicators' | 'text';

export interface PublishedCell {
    text: string;
    role: CellRole;
    colSpan?: number;
    rowSpan?: number;
    /**
     * The lines the cell is shown on, when more than one: the numbered items of a 项目列表 indicator cell (they
     * join back to `text`), or texts of one column (指标解释 and 绩效标准, joined by a line break in `text`).
     */
    lines?: string[];
}

export const DEFAULT_TITLE = '项目支出绩效目标表（含转移支付项目）';

export const OFFICIAL_COLUMNS = [
    '项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'
] as const;

/** Index of each column in OfficialRow.cells. */
export const Column = {
    name: 0, total: 1, fiscal: 2, specialAccount: 3, other: 4, goal: 5, indicators: 6
} as const;
