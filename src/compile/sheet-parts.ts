/** Pieces every layout builder uses: cells, field rows, the title with its year, the line under the title. */
import type { Indicator, PerfFile } from '../language/generated/ast.js';
import { categoryOf, groupOf } from '../model/indicators.js';
import type { Layout } from './layouts.js';
import type { CellRole, PublishedCell, PublishedMeta, PublishedRow, RowRole } from './official-table.js';

export function cell(text: string, role: CellRole, span: { colSpan?: number; rowSpan?: number } = {}): PublishedCell {
    return {
        text, role,
        ...(span.colSpan && span.colSpan > 1 ? { colSpan: span.colSpan } : {}),
        ...(span.rowSpan && span.rowSpan > 1 ? { rowSpan: span.rowSpan } : {})
    };
}

export function row(role: RowRole, cells: PublishedCell[]): PublishedRow {
    return { role, cells };
}

/** A label and its value spanning the rest of the row. */
export function fieldRow(label: string, value: string, columns: number, role: CellRole = 'text'): PublishedRow {
    return row('field', [cell(label, 'label'), cell(value, role, { colSpan: columns - 1 })]);
}

/** Several texts of one field (年度目标 "…" "…") are one cell, as the 项目列表 joins its goal. */
export function joined(texts: readonly string[]): string {
    return texts.join('');
}

/** The visible title: the document's 表名 or the layout's, with the 预算年度 where the layout has a place for it. */
export function sheetTitle(layout: Layout, file: PerfFile): string {
    const first = file.departments[0];
    const title = first?.title ?? layout.title;
    return first?.year && layout.titleWithYear ? layout.titleWithYear(title, first.year) : title;
}

/** 部门名称：… on the left (spanning `left` columns), 单位：万元 on the right. */
export function metaLine(file: PerfFile, left: number, right: number): PublishedMeta[] {
    return [
        { role: 'department', text: `部门名称：${departmentNames(file)}`, span: left },
        { role: 'unit', text: `单位：${unitOf(file)}`, span: right }
    ];
}

export function departmentNames(file: PerfFile): string {
    return file.departments.map(department => department.name).join('、');
}

export function unitOf(file: PerfFile): string {
    return file.departments[0]?.unit ?? '万元';
}

/** 一级指标 and 二级指标 as published: the level name the document writes, else the catalog's. */
export function levelNames(indicator: Indicator): { level1: string; level2: string } {
    return {
        level1: indicator.groupLabel ?? groupOf(indicator)?.label ?? indicator.group?.$refText ?? '',
        level2: indicator.categoryLabel ?? categoryOf(indicator)?.label ?? indicator.category?.$refText ?? ''
    };
}

/**
 * The 一级 and 二级 cells of a grid: a name repeated on consecutive rows is one cell spanning them, as the
 * published forms merge it. Returns, per row, the cells to put first (none where a span above covers it).
 */
export function mergedLevelCells(names: Array<{ level1: string; level2: string }>): PublishedCell[][] {
    const cells: PublishedCell[][] = names.map(() => []);
    const spans = (key: (i: number) => string, text: (i: number) => string) => {
        for (let start = 0; start < names.length;) {
            let end = start + 1;
            while (end < names.length && key(end) === key(start)) {
                end++;
            }
            cells[start].push(cell(text(start), 'text', { rowSpan: end - start }));
            start = end;
        }
    };
    spans(i => names[i].level1, i => names[i].level1);
    // A level-2 span never crosses a level-1 boundary.
    spans(i => `${names[i].level1}\u0000${names[i].level2}`, i => names[i].level2);
    return cells;
}

/** 正向 / 反向 as published, whichever spelling the document uses. */
export function directionText(indicator: Indicator): string {
    return indicator.direction === undefined ? '' : indicator.direction === '正向' || indicator.direction === 'positive' ? '正向' : '反向';
}

/** 定量 / 定性 as published, whichever spelling the document uses; '' when not written. */
export function valueTypeText(indicator: Indicator): string {
    return indicator.valueType === undefined ? '' : indicator.valueType === '定量' || indicator.valueType === 'quantitative' ? '定量' : '定性';
}

/** 指标解释 and 绩效标准 share a column: both are kept, each on its own line. */
export function explanationCell(indicator: Indicator): PublishedCell {
    const texts = [indicator.explanation, indicator.standard].filter((text): text is string => text !== undefined);
    return { ...cell(texts.join('\n'), 'text'), ...(texts.length > 1 ? { lines: texts } : {}) };
}
