/**
 * The "imported table": what an importer (XLSX, PDF text, CSV) read from a published table, before it is
 * written as .perf text. Every piece carries where it came from, so that whatever is not understood can be
 * reported with its position and kept as a comment instead of being dropped.
 */
import type { FundKey } from '../model/figures.js';
import type { SourceAccount } from './source-account.js';
import type { ContainerKind } from './source-grid.js';
import type { ImportedLayout, LayoutDepartmentFields, LayoutIndicatorFields, LayoutProjectFields } from './layouts/layout-model.js';

/** Where a piece of input came from, as a budget officer would look it up: "第12行", "Sheet1!C5". */
export type SourcePosition = string;

/** An amount cell as read: its text in published form (#,##0.00 or as written) and where it stood. */
export type ImportedAmounts = Partial<Record<FundKey, string>>;

/** One indicator as a published cell writes it. */
export interface IndicatorText {
    /** Level-1 and level-2 codes and labels as written ('1', '产出指标'); a code may be missing. */
    groupCode?: string;
    groupLabel?: string;
    categoryCode?: string;
    categoryLabel?: string;
    name: string;
    /** 实施周期指标值 and 年度指标值 exactly as written. */
    period: string;
    annual: string;
}

export interface ImportedIndicator extends IndicatorText, LayoutIndicatorFields {
    position: SourcePosition;
}

export interface ImportedProject extends LayoutProjectFields {
    position: SourcePosition;
    name: string;
    /** 资金使用单位, when the name cell names one in brackets. */
    user?: string;
    amounts: ImportedAmounts;
    /** The goal as lines (a line break in a cell starts a new line). */
    goal: string[];
    indicators: ImportedIndicator[];
    /** Remarks about this project, written as comments above it. */
    notes: ImportNote[];
}

export interface ImportedDepartment extends LayoutDepartmentFields {
    position: SourcePosition;
    name: string;
    amounts: ImportedAmounts;
    projects: ImportedProject[];
    /** Indicators of the department itself (部门整体绩效目标表). */
    indicators?: ImportedIndicator[];
    notes: ImportNote[];
}

/** Input that was read but not mapped (or mapped with a caveat): kept as a comment in the output. */
export interface ImportNote {
    position: SourcePosition;
    /** What the importer could not place, in Chinese first. */
    message: string;
    /** The input text itself, kept verbatim in the comment. */
    text?: string;
}

/** The form the reader read: a grid of cells (XLSX, web page …), text lines, or perf's long CSV. */
export type ImportFormat = 'grid' | 'text' | 'csv';

export interface ImportedTable {
    source: string;
    format: ImportFormat;
    /** The file kind it came in (for the summary); absent for a table not read from a file. */
    container?: ContainerKind;
    /** What the document was recognised as (classify.ts), named in the summary. */
    kind?: string;
    /** What was converted while reading (traditional characters, full-width digits …), named in the summary. */
    conversions?: string[];
    title?: string;
    unit?: string;
    /** The layout the table was published in (the grammar's 表式); absent for the Guangdong list. */
    layout?: ImportedLayout;
    departments: ImportedDepartment[];
    /** The 合计 row, when the input has one (checked against the departments, never written as such). */
    grandTotal?: { position: SourcePosition; amounts: ImportedAmounts };
    /** Notes that belong to no department or project (title area, footers, unknown columns …). */
    notes: ImportNote[];
    /** Which characters of the input each reader mapped or kept (absent for a table not read from a file). */
    account?: SourceAccount;
}

/** Raised for input the importer refuses as a whole (not a table, too large, unknown encoding …). */
export class ImportError extends Error {}

export function emptyProject(position: SourcePosition, name: string): ImportedProject {
    return { position, name, amounts: {}, goal: [], indicators: [], notes: [] };
}

export function emptyDepartment(position: SourcePosition, name: string): ImportedDepartment {
    return { position, name, amounts: {}, projects: [], notes: [] };
}
