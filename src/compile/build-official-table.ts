import type { Department, PerfFile, Project } from '../language/generated/ast.js';
import { cellText, departmentFigures, grandTotalFigures, projectFigures, type RowFigures } from '../model/figures.js';
import { indicatorCellItem } from '../model/indicators.js';
import { DEFAULT_TITLE, OFFICIAL_COLUMNS, type OfficialRow, type OfficialTable } from './official-table.js';

/** The official table of a linked, error-free document: 合计, then each department and its projects. */
export function buildOfficialTable(file: PerfFile): OfficialTable {
    const first = file.departments[0];
    const rows: OfficialRow[] = [
        amountRow(0, '合计', grandTotalFigures(file)),
        ...file.departments.flatMap(department => [
            amountRow(1, department.name, departmentFigures(department)),
            ...department.projects.map(project => projectRow(department, project))
        ])
    ];
    return {
        title: first?.title ?? DEFAULT_TITLE,
        department: file.departments.map(department => department.name).join('、'),
        unit: first?.unit ?? '万元',
        ...(first?.year ? { year: first.year } : {}),
        columns: [...OFFICIAL_COLUMNS],
        rows
    };
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
