/**
 * 部门整体: the 部门整体绩效目标表 — the department's funds, 部门职责, 年度总体绩效目标, then the grid of the
 * department's own indicators with 指标值类型, 指标值, 计量单位, 指标解释 and 评(扣)分标准.
 */
import type { Department, Indicator, PerfFile } from '../language/generated/ast.js';
import type { DepartmentLayout } from './layouts.js';
import type { PublishedBlock, PublishedCell, PublishedRow, PublishedSheet } from './official-table.js';
import { cell, explanationCell, fieldRow, joined, levelNames, mergedLevelCells, metaLine, row, sheetTitle, unitOf, valueTypeText } from './sheet-parts.js';
import { indicatorRowTarget } from './target-columns.js';

type Labels = DepartmentLayout['labels'];

export function buildDepartmentSheet(file: PerfFile, layout: DepartmentLayout): PublishedSheet {
    const width = layout.columns.length;
    const unit = unitOf(file);
    return {
        title: sheetTitle(layout, file),
        meta: metaLine(file, 4, width - 4),
        columns: layout.columns,
        blocks: file.departments.map(department => departmentBlock(department, layout.labels, unit, width))
    };
}

function departmentBlock(department: Department, labels: Labels, unit: string, width: number): PublishedBlock {
    const funds = department.funds.map((fund, i) => row('field', [
        ...(i === 0 ? [cell(labels.funds(unit), 'label', { rowSpan: department.funds.length })] : []),
        cell(fund.name, 'label', { colSpan: 3 }),
        cell(fund.value, 'amount', { colSpan: width - 4 })
    ]));
    return {
        header: [],
        rows: [
            fieldRow(labels.department, department.name, width),
            ...funds,
            fieldRow(labels.duties, joined(department.duties), width, 'goal'),
            fieldRow(labels.annualGoal, joined(department.annualGoal), width, 'goal'),
            ...indicatorRows(department, labels, width)
        ]
    };
}

function indicatorRows(department: Department, labels: Labels, width: number): PublishedRow[] {
    const levels = mergedLevelCells(department.indicators.map(levelNames));
    return [
        row('field', [cell(labels.indicators, 'heading', { colSpan: width })]),
        row('header', labels.headings.map(text => cell(text, 'heading'))),
        ...department.indicators.map((indicator, i) => row('indicator', [...levels[i], ...indicatorCells(indicator, labels)]))
    ];
}

/** 三级指标 | 指标值类型 (as written, else from the typed target) | 指标值 | 计量单位 | 指标解释 | 评(扣)分标准 */
function indicatorCells(indicator: Indicator, labels: Labels): PublishedCell[] {
    // The comparator stays in 指标值 (≥50), the unit goes to its own column.
    const target = indicatorRowTarget(indicator, { noComparator: '', qualitative: '' });
    const derivedType = target.value === '' ? '' : target.quantitative ? labels.quantitative : labels.qualitative;
    return [
        cell(indicator.name, 'text'),
        cell(valueTypeText(indicator) || derivedType, 'number'),
        cell(target.whole ? target.value : `${target.comparator}${target.value}`, 'text'),
        cell(target.unit, 'number'),
        explanationCell(indicator),
        cell(indicator.scoring ?? '', 'text')
    ];
}
