/**
 * The official table (项目支出绩效目标表) as published: the JSON contract that every writer
 * (HTML, XLSX, preview) renders from. Every cell is text spelled exactly as it is published.
 */
export interface OfficialTable {
    /** 项目支出绩效目标表（含转移支付项目） unless the document names another title. */
    title: string;
    /** 部门名称 */
    department: string;
    /** 单位: 万元 or 元 */
    unit: string;
    /** 预算年度, when the document states it. */
    year?: string;
    columns: string[];
    rows: OfficialRow[];
}

/** Level 0 is the 合计 row, level 1 a department, level 2 a project. */
export interface OfficialRow {
    level: 0 | 1 | 2;
    /** Seven cells, in the order of OFFICIAL_COLUMNS. */
    cells: string[];
}

export const DEFAULT_TITLE = '项目支出绩效目标表（含转移支付项目）';

export const OFFICIAL_COLUMNS = [
    '项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'
] as const;

/** Index of each column in OfficialRow.cells. */
export const Column = {
    name: 0, total: 1, fiscal: 2, specialAccount: 3, other: 4, goal: 5, indicators: 6
} as const;
