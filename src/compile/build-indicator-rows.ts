/**
 * 指标行: one indicator per row (四川申报表 and similar). The project's columns (单位名称, 项目名称, 预算数,
 * 年度目标) span its rows; the annual target is cut into 指标性质 | 指标值 | 度量单位 (target-columns.ts).
 */
import type { Department, Indicator, PerfFile, Project } from '../language/generated/ast.js';
import { cellText, projectFigures } from '../model/figures.js';
import type { IndicatorRowsLayout } from './layouts.js';
import type { PublishedCell, PublishedRow, PublishedSheet } from './official-table.js';
import { cell, directionText, joined, levelNames, mergedLevelCells, metaLine, row, sheetTitle, unitOf } from './sheet-parts.js';
import { indicatorRowTarget } from './target-columns.js';

const PROJECT_COLUMNS = 4;

export function buildIndicatorRowsSheet(file: PerfFile, layout: IndicatorRowsLayout): PublishedSheet {
    const unit = unitOf(file);
    const width = layout.columns.length;
    return {
        title: sheetTitle(layout, file),
        meta: metaLine(file, PROJECT_COLUMNS, width - PROJECT_COLUMNS),
        columns: layout.columns,
        blocks: [{
            header: [row('header', layout.labels.headings(unit).map((text, i) => cell(text, layout.columns[i].role as PublishedCell['role'])))],
            rows: file.departments.flatMap(department => department.projects.flatMap(project => projectRows(department, project, layout)))
        }]
    };
}

function projectRows(department: Department, project: Project, layout: IndicatorRowsLayout): PublishedRow[] {
    const span = { rowSpan: Math.max(1, project.indicators.length) };
    const projectCells = [
        cell(project.user ?? department.name, 'name', span),
        cell(project.name, 'name', span),
        cell(cellText(projectFigures(project), 'total'), 'amount', span),
        cell(joined(project.annualGoal.length > 0 ? project.annualGoal : project.goal), 'goal', span)
    ];
    if (project.indicators.length === 0) {
        return [row('indicator', [...projectCells, ...Array.from({ length: layout.columns.length - PROJECT_COLUMNS }, () => cell('', 'text'))])];
    }
    const levels = mergedLevelCells(project.indicators.map(levelNames));
    return project.indicators.map((indicator, i) => row('indicator', [
        ...(i === 0 ? projectCells : []),
        ...levels[i],
        ...indicatorCells(indicator, layout)
    ]));
}

/** 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 of the annual target (the period one when there is no annual). */
function indicatorCells(indicator: Indicator, layout: IndicatorRowsLayout): PublishedCell[] {
    const columns = indicatorRowTarget(indicator, layout.labels);
    return [
        cell(indicator.name, 'text'),
        cell(columns.comparator, 'number'),
        cell(columns.value, 'text'),
        cell(columns.unit, 'number'),
        cell(indicator.weight ?? '', 'number'),
        cell(directionText(indicator), 'number')
    ];
}
