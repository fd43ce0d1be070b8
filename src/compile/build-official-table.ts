import type { Department, PerfFile, Project } from '../language/generated/ast.js';
import { cellText, departmentFigures, grandTotalFigures, projectFigures, type RowFigures } from '../model/figures.js';
import { indicatorCellItem } from '../model/indicators.js';
import { buildDepartmentSheet } from './build-department.js';
import { buildIndicatorRowsSheet } from './build-indicator-rows.js';
import { buildProjectFormSheet } from './build-project-form.js';
import { documentLayout } from './document-layout.js';
import type { Layout } from './layouts.js';
import { DEFAULT_TITLE, OFFICIAL_COLUMNS, type OfficialRow, type OfficialTable, type PublishedSheet } from './official-table.js';
import { departmentNames, unitOf } from './sheet-parts.js';

/**
 * The published table of a linked, error-free document in `layout` (by default the one its 表式 names): for 项目列表 合计, then each department and its projects; every layout also as `sheet`.
 */
export function buildOfficialTable(file: PerfFile, layout: Layout = documentLayout(file)): OfficialTable {
    const first = file.departments[0];
    const common = {
        department: departmentNames(file),
        unit: unitOf(file),
        ...(first?.year ? { year: first.year } : {})
    };
    if (layout.shape === 'project-list') {
        // Exactly the v1 contract: the writers derive its sheet from the rows (listSheet).
        return { title: first?.title ?? DEFAULT_TITLE, ...common, columns: [...OFFICIAL_COLUMNS], rows: listRows(file) };
    }
    const sheet = layoutSheet(file, layout);
    return { title: sheet.title, ...common, columns: [], rows: [], layout: layout.name, sheet };
}

function layoutSheet(file: PerfFile, layout: Exclude<Layout, { shape: 'project-list' }>): PublishedSheet {
    switch (layout.shape) {
        case 'project-form': return buildProjectFormSheet(file, layout);
        case 'indicator-rows': return buildIndicatorRowsSheet(file, layout);
        case 'department': return buildDepartmentSheet(file, layout);
    }
}

function listRows(file: PerfFile): OfficialRow[] {
    return [
        amountRow(0, '合计', grandTotalFigures(file)),
        ...file.departments.flatMap(department => [
            amountRow(1, department.name, departmentFigures(department)),
            ...department.projects.map(project => projectRow(department, project))
        ])
    ];
}

function amountRow(level: 0 | 1, name: string, figures: RowFigures): OfficialRow {
    return { level, cells: [name, ...amountCells(figures), '', ''] };
}

function amountCells(figures: RowFigures): string[] {
    return [
        cellText(figures, 'total'), cellText(figures, 'fiscal'),
        cellText(figures, 'specialAccount'), cellText(figures, 'other')
    ];
}

/** The name cell shows the 资金使用单位 only when it differs from the department. */
export function projectNameCell(department: Department, project: Project): string {
    return project.user && project.user !== department.name ? `${project.name}（${project.user}）` : project.name;
}

function projectRow(department: Department, project: Project): OfficialRow {
    const indicators = project.indicators.map((indicator, index) => indicatorCellItem(indicator, index + 1)).join('');
    return {
        level: 2,
        cells: [projectNameCell(department, project), ...amountCells(projectFigures(project)), project.goal.join(''), indicators]
    };
}
