/**
 * What `perf new` and "perf: New Table" ask for, and what is wrong with an answer; apart from the starter's
 * text so that the command line's help (which lists the units) loads no more than this.
 */
import type { Layout } from '../compile/layouts.js';

export interface StarterOptions {
    department: string;
    /** 预算年度, e.g. 2026. */
    year: string;
    unit: '万元' | '元';
    /** A built-in catalog: 2015 (产出, 效益, 满意度) or 2021 (成本 too). */
    catalog: StarterCatalog;
    /** The layout (表式) to publish in; its required fields are in the starter. Default: 项目列表. */
    layout?: Layout;
}

/** The built-in catalogs a starter can name: 2015 (产出, 效益, 满意度) or 2021 (成本 too). */
export const STARTER_CATALOGS = ['2015', '2021'] as const;
export type StarterCatalog = typeof STARTER_CATALOGS[number];
export const STARTER_UNITS = ['万元', '元'] as const;

/** What is wrong with the options, for the user (CLI and editor alike), or undefined. */
export function starterProblem(options: { department: string; year: string; unit: string; catalog: string }): string | undefined {
    if (options.department.trim() === '') {
        return '请写部门名称，如“某县教育局” (the department name)';
    }
    if (!/^(19|20|21)\d\d$/.test(options.year)) {
        return `预算年度“${options.year}”应为四位年份，如 2026 (a four-digit year)`;
    }
    if (!(STARTER_UNITS as readonly string[]).includes(options.unit)) {
        return `单位“${options.unit}”应为 ${STARTER_UNITS.join(' 或 ')} (the unit of amounts)`;
    }
    if (!(STARTER_CATALOGS as readonly string[]).includes(options.catalog)) {
        return `起步文件只用内置指标体系 ${STARTER_CATALOGS.join('、')}（而非“${options.catalog}”）；`
            + '自己的指标体系请生成后改“指标体系”一行 (a starter uses a built-in catalog)';
    }
    return undefined;
}
