/**
 * One indicator per row (the Sichuan 申报表 and the 预算管理一体化 exports): 单位名称 | 项目名称 | 预算数 |
 * 年度目标 | 一级 | 二级 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性. The unit, project, budget
 * and goal are repeated on every row or stated on the first row of the project only; the comparator
 * (指标性质), the number and the unit stand in separate columns and are joined into one target plus its
 * unit column. Above the header: the title, 单位：元 and the unit's name.
 */
import { closeImport } from '../close-import.js';
import { emptyDepartment, emptyProject, type ImportedDepartment, type ImportedProject, type ImportedTable } from '../import-model.js';
import { AMOUNT_CELL, labelOf } from './form-labels.js';
import { addRecord, closeGroup, type GroupState } from './grid-indicators.js';
import { findHeader, readRecords } from './indicator-grid.js';
import { markCell, markCellText, type LayoutInput } from './layout-cells.js';
import { FORM_END, FORM_TITLE } from './project-form.js';

const UNIT_LINE = /^(?:金额)?单位\s*[:：]\s*(万元|元)$/;
const TRAILING_UNIT = /\s+(?:金额)?单位\s*[:：]\s*(万元|元)$/;

export function importIndicatorRows(input: LayoutInput, source: string): ImportedTable {
    const { cells, account } = input;
    const grid = input.format === 'grid';
    const table: ImportedTable = { source, format: grid ? 'grid' : 'text', layout: '指标行', departments: [], notes: [], account };
    const header = findHeader(cells, 0, grid)!;
    let departmentName: string | undefined;
    for (const cell of cells.slice(0, header.start)) {
        const unit = UNIT_LINE.exec(cell.text);
        const label = labelOf(cell.text);
        if (FORM_TITLE.test(cell.text.replace(/\s+/g, '')) && table.title === undefined) {
            table.title = cell.text.replace(/\s+/g, '');
            markCell(account, cell, 'mapped');
        } else if (unit) {
            table.unit = unit[1];
            markCell(account, cell, 'mapped');
        } else if (label?.field === 'department' && label.rest) {
            // 单位名称：某局  单位：元 — the unit's name and the money unit on one line.
            const trailingUnit = TRAILING_UNIT.exec(label.rest);
            departmentName = trailingUnit ? label.rest.slice(0, trailingUnit.index) : label.rest;
            table.unit ??= trailingUnit?.[1];
            markCell(account, cell, 'mapped');
        } else {
            markCell(account, cell, 'kept');
            table.notes.push({ position: cell.position, message: '表头之前的文字，未写入文档', text: cell.text });
        }
    }
    for (const title of cells.slice(header.start, header.end)) {
        markCell(account, title, 'mapped');
    }
    table.unit ??= header.unit;
    const { records, next } = readRecords(cells, header, grid, cell => FORM_END.test(cell.text));
    let department: ImportedDepartment | undefined;
    let project: ImportedProject | undefined;
    let state: GroupState = { level2Used: true };
    const departmentNamed = (name: string | undefined, position: string): ImportedDepartment => {
        // A row without its unit's name continues the unit above it (a merged cell, or stated on the first row only).
        const wanted = name ?? department?.name ?? departmentName;
        if (!department || (wanted !== undefined && department.name !== wanted)) {
            department = table.departments.find(known => known.name === wanted);
            if (!department) {
                department = emptyDepartment(position, wanted ?? '未命名部门');
                if (wanted === undefined) {
                    department.notes.push({ position, message: '表中没有单位名称，部门暂记为“未命名部门”：请改为部门全称' });
                }
                table.departments.push(department);
            }
            project = undefined;
        }
        return department;
    };
    for (const record of records) {
        const { unitName, project: projectCell, budget, goal } = record.cells;
        const owner = departmentNamed(unitName?.text, record.position);
        if (unitName) {
            markCell(account, unitName, 'mapped');
        }
        if (projectCell && projectCell.text !== project?.name) {
            if (project) {
                closeGroup(state, account, project.notes);
            }
            project = emptyProject(record.position, projectCell.text);
            owner.projects.push(project);
            state = { level2Used: true };
        }
        if (projectCell) {
            markCell(account, projectCell, 'mapped');
        }
        if (!project) {
            project = emptyProject(record.position, '未命名项目');
            project.notes.push({ position: record.position, message: '指标行没有项目名称，暂记为“未命名项目”：请改为项目全称' });
            owner.projects.push(project);
        }
        if (budget) {
            const amount = AMOUNT_CELL.exec(budget.text.replace(/\s+/g, ''));
            if (amount && (project.amounts.total === undefined || project.amounts.total === amount[1])) {
                project.amounts.total = amount[1];
                table.unit ??= amount[2];
                markCell(account, budget, 'mapped');
            } else {
                markCell(account, budget, 'kept');
                project.notes.push({ position: budget.position, message: amount ? '同一项目的预算数与上一行不同，未写入文档' : '预算数无法识别（应为 1234.56），未写入文档', text: budget.text });
            }
        }
        if (goal) {
            if (!(project.annualGoal ?? []).includes(goal.text)) {
                (project.annualGoal ??= []).push(goal.text);
            }
            markCellText(account, goal, 'mapped', 0, goal.text.length);
        }
        addRecord(record, header, state, { indicators: project.indicators, notes: project.notes }, account);
    }
    if (project) {
        closeGroup(state, account, project.notes);
    }
    for (const cell of cells.slice(next)) {
        markCell(account, cell, 'kept');
        table.notes.push({ position: cell.position, message: '表尾的签字、日期或说明，未写入文档', text: cell.text });
    }
    return closeImport(table);
}
