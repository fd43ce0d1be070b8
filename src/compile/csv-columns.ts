/**
 * The long CSV of a 项目支出绩效目标表 (one row per indicator): its columns and its cell-escaping rule, written
 * once here so that the writer (src/compile/csv.ts) and the importer that reads the CSV back agree.
 */

/** Column keys in order, each with the Chinese header the CSV carries (what a budget officer sees in Excel). */
export const CSV_COLUMNS = [
    { key: 'department', header: '部门名称' },
    { key: 'project', header: '项目名称' },
    { key: 'user', header: '资金使用单位' },
    { key: 'total', header: '总计' },
    { key: 'fiscal', header: '财政拨款' },
    { key: 'specialAccount', header: '财政专户拨款' },
    { key: 'other', header: '其他资金' },
    { key: 'goal', header: '绩效目标' },
    { key: 'position', header: '指标序号' },
    { key: 'level1Code', header: '一级指标代码' },
    { key: 'level1Name', header: '一级指标名称' },
    { key: 'level2Code', header: '二级指标代码' },
    { key: 'level2Name', header: '二级指标名称' },
    { key: 'indicator', header: '指标名称' },
    { key: 'periodKind', header: '实施周期指标值类型' },
    { key: 'periodComparator', header: '实施周期比较符' },
    { key: 'periodNumber', header: '实施周期数值' },
    { key: 'periodUnit', header: '实施周期单位' },
    { key: 'annualKind', header: '年度指标值类型' },
    { key: 'annualComparator', header: '年度比较符' },
    { key: 'annualNumber', header: '年度数值' },
    { key: 'annualUnit', header: '年度单位' },
    { key: 'periodText', header: '实施周期指标值' },
    { key: 'annualText', header: '年度指标值' }
] as const;

export type CsvColumnKey = typeof CSV_COLUMNS[number]['key'];

/**
 * Columns added after CSV_COLUMNS when the table is published in a layout other than 项目列表: the fields those
 * layouts print (the 指标行 split of the annual target, weight, direction, value type, explanations, the level
 * names as published). The 项目列表 CSV keeps exactly CSV_COLUMNS.
 */
export const LAYOUT_CSV_COLUMNS = [
    { key: 'code', header: '三级指标编码' },
    { key: 'level1Label', header: '一级指标（表中名称）' },
    { key: 'level2Label', header: '二级指标（表中名称）' },
    { key: 'comparatorColumn', header: '指标性质' },
    { key: 'valueColumn', header: '指标值（分列）' },
    { key: 'unitColumn', header: '计量单位' },
    { key: 'weight', header: '分值' },
    { key: 'direction', header: '指标方向性' },
    { key: 'valueType', header: '指标值类型' },
    { key: 'explanation', header: '指标解释' },
    { key: 'standard', header: '绩效标准' },
    { key: 'scoring', header: '评(扣)分标准' }
] as const;

export type LayoutCsvColumnKey = typeof LAYOUT_CSV_COLUMNS[number]['key'];

export type LayoutCsvRecord = Record<LayoutCsvColumnKey, string>;

/** One CSV row by column key; every value is the unescaped cell text ('' for an empty cell). */
export type CsvRecord = Record<CsvColumnKey, string>;

export const CSV_HEADERS: readonly string[] = CSV_COLUMNS.map(column => column.header);
export const CSV_KEYS: readonly CsvColumnKey[] = CSV_COLUMNS.map(column => column.key);

/** Excel, LibreOffice and Google Sheets start a formula (or DDE call) with one of these. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
/** A plain number ("-1,000.50", "-3") is safe to leave alone, so numeric columns stay numeric. */
const PLAIN_NUMBER = /^-?\d[\d,]*(?:\.\d+)?$/;
const QUOTE_PREFIX = "'";

/**
 * Formula injection guard: a cell starting with = + - @ tab or CR gets a leading apostrophe, so a
 * spreadsheet shows it as text. A cell that already starts with an apostrophe gets one more, which makes
 * the rule exactly reversible by {@link unescapeCsvCell}: strip one leading apostrophe, if any.
 */
export function escapeCsvCell(text: string): string {
    const needsPrefix = text.startsWith(QUOTE_PREFIX) || (FORMULA_TRIGGER.test(text) && !PLAIN_NUMBER.test(text));
    return needsPrefix ? QUOTE_PREFIX + text : text;
}

/** The inverse of {@link escapeCsvCell}, for the importer. */
export function unescapeCsvCell(cell: string): string {
    return cell.startsWith(QUOTE_PREFIX) ? cell.slice(QUOTE_PREFIX.length) : cell;
}

/** UTF-8 byte order mark: Excel opens a CSV as UTF-8 (and shows Chinese) only when it is there. */
export const UTF8_BOM = '\uFEFF';
