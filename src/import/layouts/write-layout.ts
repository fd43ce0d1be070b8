/**
 * The .perf text of what the layout readers add to an imported table (the issue-14 fields): the layout
 * (表式), a form's metadata, named funds, goals and score ranges, a department's duties, and the columns of
 * an indicator row. Level names are resolved through their older wordings too; the published wording is
 * then printed as written (一级 "…" / 二级 "…") with a comment saying what it was taken as.
 */
import type { ImportedDepartment, ImportedIndicator, ImportedProject, ImportedTable } from '../import-model.js';
import { resolveCategory, sameLabel, type CatalogInfo, type ResolvedCode } from '../catalog-info.js';
import { mapLevelName } from '../../catalog/level-names.js';
import type { NamedFund } from './layout-model.js';

/** `quote` and `targetSource` of write-perf.ts (passed in: this module is below it). */
export interface Spelling {
    quote(text: string): string;
    target(text: string): string;
}

const WITHIN_KEYWORD = { fiscal: '财政拨款', specialAccount: '财政专户拨款' } as const;

/** Lines written once in the first department: the layout the table came in. */
export function layoutLine(table: ImportedTable, spell: Spelling, indent: string): string[] {
    return table.layout ? [`${indent}表式 ${spell.quote(table.layout)}`] : [];
}

/** A field of several strings: the first on the keyword's line, the others indented below it. */
function strings(indent: string, keyword: string, texts: readonly string[] | undefined, spell: Spelling): string[] {
    return (texts ?? []).map((text, index) => index === 0 ? `${indent}${keyword} ${spell.quote(text)}` : `${indent}    ${spell.quote(text)}`);
}

function fundLines(indent: string, funds: readonly NamedFund[] | undefined, spell: Spelling): string[] {
    return (funds ?? []).map(fund => `${indent}资金 ${spell.quote(fund.name)} ${fund.value}${fund.within ? ` 计入 ${WITHIN_KEYWORD[fund.within]}` : ''}`);
}

export function departmentFieldLines(department: ImportedDepartment, indent: string, spell: Spelling): string[] {
    return [...strings(indent, '部门职责', department.duties, spell), ...strings(indent, '年度目标', department.annualGoal, spell),
        ...fundLines(indent, department.funds, spell)];
}

/** A form's header, funds, goals and score ranges, in the order the form prints them. */
export function projectFieldLines(project: ImportedProject, catalog: CatalogInfo | undefined, indent: string, spell: Spelling): string[] {
    const lines: string[] = [];
    const text = (keyword: string, value: string | undefined) => value !== undefined && lines.push(`${indent}${keyword} ${spell.quote(value)}`);
    if (project.supervisor !== undefined) {
        lines.push(`${indent}主管部门 ${spell.quote(project.supervisor)}${project.supervisorCode !== undefined ? ` 编码 ${spell.quote(project.supervisorCode)}` : ''}`);
    } else if (project.supervisorCode !== undefined) {
        lines.push(`${indent}信息 ${spell.quote('主管部门编码')} ${spell.quote(project.supervisorCode)}`);
    }
    text('实施单位', project.implementer);
    text('项目属性', project.attribute);
    text('项目类别', project.kind);
    text('项目性质', project.nature);
    if (project.start !== undefined && project.end !== undefined) {
        lines.push(`${indent}起止时间 ${project.start}-${project.end}`);
    }
    text('项目负责人', project.manager);
    for (const info of project.info ?? []) {
        lines.push(`${indent}信息 ${spell.quote(info.key)} ${spell.quote(info.value)}`);
    }
    lines.push(...fundLines(indent, project.funds, spell));
    lines.push(...strings(indent, '实施期目标', project.periodGoal, spell), ...strings(indent, '长期目标', project.longTermGoal, spell),
        ...strings(indent, '中期目标', project.midTermGoal, spell), ...strings(indent, '年度目标', project.annualGoal, spell));
    for (const range of project.scoreRanges ?? []) {
        const group = catalog && groupCodeOf(catalog, range.groupLabel);
        lines.push(group
            ? `${indent}分值范围 ${group} ${range.min}${range.max !== undefined ? `-${range.max}` : ''}`
            : `${indent}// 导入未识别：一级指标“${range.groupLabel}”的分值范围 ${range.min}${range.max !== undefined ? `-${range.max}` : ''} 分不在指标体系中，未写入`);
    }
    if (project.executionScore !== undefined) {
        lines.push(`${indent}预算执行率 ${project.executionScore}`);
    }
    for (const cost of project.costs ?? []) {
        lines.push(`${indent}成本 ${spell.quote(cost.name)} ${cost.value}${cost.basis !== undefined ? ` 测算依据 ${spell.quote(cost.basis)}` : ''}`
            + `${cost.prior !== undefined ? ` 上年 ${cost.prior}` : ''}`);
    }
    return lines;
}

function groupCodeOf(catalog: CatalogInfo, label: string): string | undefined {
    const mapped = mapLevelName(label, 1, catalog.name)?.code;
    return mapped && catalog.groups.has(mapped) ? mapped : [...catalog.groups].find(([, groupLabel]) => sameLabel(groupLabel, label))?.[0];
}

/** The targets of an indicator: 指标值, the long-term and annual values, or one of them alone. */
export function targetsOf(indicator: ImportedIndicator, spell: Spelling): string {
    const label = indicator.periodLabel ?? '实施周期';
    if (indicator.periodOnly) {
        return `${label} ${spell.target(indicator.period)}`;
    }
    if (indicator.annualOnly) {
        return `年度 ${spell.target(indicator.annual)}`;
    }
    return indicator.period === indicator.annual
        ? `指标值 ${spell.target(indicator.period)}`
        : `${label} ${spell.target(indicator.period)} 年度 ${spell.target(indicator.annual)}`;
}

export interface ResolvedLevels extends ResolvedCode {
    /** The published level names to print because the catalog words them otherwise. */
    published: { group?: string; category?: string };
}

/** The catalog code of an indicator's level names, through their older wordings when needed (with a caveat). */
export function resolveLevels(catalog: CatalogInfo, indicator: ImportedIndicator, layout: boolean): ResolvedLevels | undefined {
    const resolved = resolveCategory(catalog, indicator) ?? (layout ? resolveOlderNames(catalog, indicator) : undefined);
    if (!resolved) {
        return undefined;
    }
    const category = catalog.categories.get(resolved.category)!;
    const groupLabel = resolved.group ? catalog.groups.get(resolved.group) : category.groupLabel;
    const published = layout ? {
        ...(indicator.groupLabel !== undefined && indicator.groupLabel !== groupLabel ? { group: indicator.groupLabel } : {}),
        ...(indicator.categoryLabel !== undefined && indicator.categoryLabel !== category.label ? { category: indicator.categoryLabel } : {})
    } : {};
    return { ...resolved, published };
}

/** Older level names (预期产出指标, 数量指标（或建筑规模指标）, 效果指标 …) by the catalog's table of them, with its note. */
function resolveOlderNames(catalog: CatalogInfo, indicator: ImportedIndicator): ResolvedCode | undefined {
    const category = indicator.categoryLabel !== undefined ? mapLevelName(indicator.categoryLabel, 2, catalog.name) : undefined;
    if (!category || !catalog.categories.has(category.code)) {
        return undefined;
    }
    const categoryGroup = catalog.categories.get(category.code)!.groupCode;
    // The level-1 code is the level-2 code's own: a published level-1 name that the catalog files elsewhere
    // (成本指标 under 产出指标 in a table that reads as the 2021 catalog) is kept as its name and said in the note,
    // never written as a level-1 code that contradicts the level-2 one.
    const group = indicator.groupLabel !== undefined ? mapLevelName(indicator.groupLabel, 1, catalog.name) : undefined;
    const notes = [
        group && indicator.groupLabel !== catalog.groups.get(categoryGroup)
            ? `一级指标“${indicator.groupLabel}”（${group.codes.includes(categoryGroup) ? group.note : `指标体系中二级指标 ${category.code} 属于一级指标 ${categoryGroup}`}）` : '',
        indicator.categoryLabel !== catalog.categories.get(category.code)!.label ? `二级指标“${indicator.categoryLabel}”（${category.note}）` : ''
    ].filter(Boolean);
    return {
        category: category.code,
        caveats: [`原表${notes.join('、')}按指标体系“${catalog.name}”的 ${category.code} 导入，文档保留原表名称`]
    };
}

/** The other columns of an indicator row, after its targets. */
export function indicatorExtras(indicator: ImportedIndicator, levels: ResolvedLevels, spell: Spelling): string {
    const parts: string[] = [];
    if (indicator.unit !== undefined) {
        parts.push(`计量单位 ${spell.quote(indicator.unit)}`);
    }
    if (indicator.weight !== undefined) {
        parts.push(`${indicator.weightLabel ?? '分值'} ${indicator.weight}`);
    }
    for (const word of [indicator.direction, indicator.valueType]) {
        if (word !== undefined) {
            parts.push(word);
        }
    }
    const texts: Array<[string, string | undefined]> = [['指标解释', indicator.explanation], ['绩效标准', indicator.standard],
        ['评分标准', indicator.scoring], ['一级', levels.published.group], ['二级', levels.published.category]];
    for (const [keyword, value] of texts) {
        if (value !== undefined) {
            parts.push(`${keyword} ${spell.quote(value)}`);
        }
    }
    return parts.map(part => ` ${part}`).join('');
}
