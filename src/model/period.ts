/**
 * A project's period (起止时间 / 实施期 / 建设周期) as a month range. Forms write it 2023.07-2024.01, 2023.7-2024.1,
 * 202001-202012, or in whole years 2023-2025; a day (2023.07.01) is allowed and not needed. The written
 * spelling stays in the AST; this is its meaning.
 */
import type { Department, Project } from '../language/generated/ast.js';
import { normalizeAmountText } from './money.js';

export interface YearMonth {
    year: number;
    month: number;
}

/** YYYY.M[M][.D[D]], YYYYMM, or YYYY (January for a start, December for an end). */
const DOTTED = /^(\d{4})\.(\d{1,2})(?:\.\d{1,2})?$/;
const COMPACT = /^(\d{4})(\d{2})$/;
const YEAR = /^(\d{4})年?$/;

export function parseYearMonth(text: string, role: 'start' | 'end'): YearMonth | undefined {
    const normalized = normalizeAmountText(text);
    const match = DOTTED.exec(normalized) ?? COMPACT.exec(normalized);
    if (match) {
        const month = Number(match[2]);
        return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : undefined;
    }
    const year = YEAR.exec(normalized);
    return year ? { year: Number(year[1]), month: role === 'start' ? 1 : 12 } : undefined;
}

/** Months since year 0: two months compare by their index. */
export function monthIndex(month: YearMonth): number {
    return month.year * 12 + month.month - 1;
}

/** The period as written, read: an unreadable start or end is undefined (validation names it). */
export interface ProjectPeriod {
    start?: YearMonth;
    end?: YearMonth;
}

export function projectPeriod(project: Project): ProjectPeriod | undefined {
    if (project.start === undefined && project.end === undefined) {
        return undefined;
    }
    return {
        ...(project.start !== undefined ? { start: parseYearMonth(project.start, 'start') } : {}),
        ...(project.end !== undefined ? { end: parseYearMonth(project.end, 'end') } : {})
    };
}

/** 预算年度 as a year: 2023 or 2023年. */
export function budgetYear(department: Department): number | undefined {
    const match = department.year === undefined ? null : YEAR.exec(normalizeAmountText(department.year));
    return match ? Number(match[1]) : undefined;
}
