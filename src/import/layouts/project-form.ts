/**
 * One form per project (申报表 / 审批表 / 批复表 / 项目绩效目标表, the 财预〔2021〕101号 shape and its
 * provincial copies), and the whole-department table (部门整体绩效目标表) that has the same build: labelled
 * rows (metadata, amounts, goals or the department's duties), then the indicator grid. Several forms in one
 * file: a title or a second 项目名称 starts the next. A grid under 长期绩效指标 and one under 年度绩效指标
 * (older forms print two) are joined by indicator name into long-term and annual values.
 */
import { closeImport } from '../close-import.js';
import { emptyDepartment, emptyProject, type ImportedDepartment, type ImportedIndicator, type ImportedProject, type ImportedTable, type ImportNote } from '../import-model.js';
import { AMOUNT_CELL, checkedChoice, fundItems, fundTargetOf, FUND_FURNITURE, labelOf, monthRange, splitSupervisor, type FormField, type FundItem } from './form-labels.js';
import { addRecord, closeGroup, type GridTarget, type GroupState } from './grid-indicators.js';
import { findHeader, readRecords, type GridHeader } from './indicator-grid.js';
import { markCell, markCellText, normalizeLabel, type LayoutCell, type LayoutInput } from './layout-cells.js';
import type { SourceAccount } from '../source-account.js';
import type { ImportedLayout } from './layout-model.js';

/** A form's title: 项目支出绩效目标申报表, 项目绩效目标表(2021年度), 部门整体绩效目标表 …; a year line beside it. */
export const FORM_TITLE = /^(?:\S*?)(?:绩效目标(?:申报|审批|批复|审核)?表|整体绩效目标表)(?:[（(]\s*\d{4}\s*年度?\s*[)）])?$/;
const YEAR = /^[（(]?\s*\d{4}\s*年度?\s*[)）]?$/;
/** Lines that close a form: signatures, dates, other remarks. */
export const FORM_END = /^(?:填报人|单位负责人|财务负责人|填报日期|审核意见|其他说明的问题|其他需要说明|备注[:：])/;
const GOAL_FIELDS = ['periodGoal', 'annualGoal', 'longTermGoal', 'midTermGoal', 'duties', 'departmentGoal'] as const;
type GoalField = typeof GOAL_FIELDS[number];

interface Form {
    project: ImportedProject;
    department?: string;
    /** Indicators of a 长期绩效指标 grid, waiting for the annual grid to join. */
    longTerm: ImportedIndicator[];
    /** 部门职责 of a whole-department table. */
    duties: string[];
    hasContent: boolean;
}

export function importForms(input: LayoutInput, source: string, layout: Extract<ImportedLayout, '项目表' | '部门整体'>): ImportedTable {
    const { cells, account } = input;
    const grid = input.format === 'grid';
    const table: ImportedTable = { source, format: input.format === 'grid' ? 'grid' : 'text', layout, departments: [], notes: [], account };
    const forms: Form[] = [];
    const newForm = (cell: LayoutCell): Form => {
        const form: Form = { project: emptyProject(cell.position, ''), longTerm: [], duties: [], hasContent: false };
        forms.push(form);
        return form;
    };
    let form = newForm(cells[0] ?? { position: '第1行' } as LayoutCell);
    let goals: GoalField[] = [];
    let goalFilled = false;
    let section: 'long' | 'annual' | undefined;
    const keep = (cell: LayoutCell, message: string, notes: ImportNote[] = form.project.notes) => {
        markCell(account, cell, 'kept');
        notes.push({ position: cell.position, message, text: cell.text });
    };
    const isLabel = (index: number) => {
        const text = cells[index].text;
        return labelOf(text) !== undefined || fundTargetOf(text) !== undefined || FORM_TITLE.test(text) || headerAt(cells, index, grid) !== undefined;
    };
    let i = 0;
    while (i < cells.length) {
        const cell = cells[i];
        const text = cell.text;
        if (FORM_TITLE.test(text.replace(/\s+/g, ''))) {
            if (form.hasContent) {
                form = newForm(cell);
                goals = [];
            }
            markCell(account, cell, 'mapped');
            if (table.title === undefined) {
                table.title = text.replace(/\s+/g, '');
            } else if (table.title !== text.replace(/\s+/g, '')) {
                form.project.notes.push({ position: cell.position, message: `本表表名“${text}”与第一张表不同，文档只写第一张表的表名` });
            }
            i++;
            continue;
        }
        if (YEAR.test(text) && !form.hasContent) {
            markCell(account, cell, 'mapped');
            i++;
            continue;
        }
        if (COST_HEADING.test(text) && form.project.name !== '') {
            i = readCosts(cells, i, form, account, keep);
            form.hasContent = true;
            goals = [];
            continue;
        }
        const header = headerAt(cells, i, grid);
        if (header) {
            for (const title of cells.slice(i, header.end)) {
                markCell(account, title, 'mapped');
            }
            const isEnd = (next: LayoutCell, index: number) => FORM_TITLE.test(next.text) || FORM_END.test(next.text) || COST_HEADING.test(next.text)
                || (index > header.end && headerAt(cells, index, grid) !== undefined) || labelOf(next.text)?.field === 'section';
            const { records, next } = readRecords(cells, header, grid, isEnd);
            const target: GridTarget = layout === '部门整体'
                ? { indicators: [], notes: form.project.notes }
                : { indicators: [], notes: form.project.notes, scoreRanges: (form.project.scoreRanges ??= []) };
            const state: GroupState = { level2Used: true };
            for (const record of records) {
                addRecord(record, header, state, target, account);
            }
            closeGroup(state, account, target.notes);
            if (target.executionScore !== undefined) {
                form.project.executionScore = target.executionScore;
            }
            addGridIndicators(form, target.indicators, section);
            form.hasContent = true;
            goals = [];
            i = next;
            continue;
        }
        const label = labelOf(text);
        if (label) {
            markCellText(account, cell, 'mapped', 0, text.length - label.rest.length);
            if (label.field === 'section') {
                section = /长期|中期|实施期/.test(text) ? 'long' : /年度/.test(text) ? 'annual' : section;
                i++;
                continue;
            }
            if (label.field === 'name' && form.project.name !== '') {
                form = newForm(cell);
                goals = [];
            }
            if ((GOAL_FIELDS as readonly string[]).includes(label.field) || label.field === 'goalHeading') {
                if (label.field !== 'goalHeading') {
                    // A label after a goal that has its text starts a new run of labels.
                    goals = goalFilled ? [label.field as GoalField] : [...goals, label.field as GoalField];
                    goalFilled = false;
                }
                if (label.rest && goals.length > 0) {
                    addGoal(form, goals[goals.length - 1], label.rest, layout);
                    markCellText(account, cell, 'mapped', text.length - label.rest.length, text.length);
                }
                i++;
                continue;
            }
            goals = [];
            // The value: after the colon, else the next cell unless that is a label itself.
            let valueCell: LayoutCell | undefined;
            let value = label.rest;
            if (value === '' && i + 1 < cells.length && !isLabel(i + 1) && (!grid || cells[i + 1].row === cell.row || label.field === 'info')) {
                valueCell = cells[i + 1];
                value = valueCell.text;
            }
            if (value !== '' && setField(form, label.field, labelText(text, label.rest), value)) {
                markCell(account, valueCell ?? cell, 'mapped');
                form.hasContent = true;
            } else if (value === '') {
                form.project.notes.push({ position: cell.position, message: `“${labelText(text, label.rest)}”没有填写` });
            }
            i += valueCell ? 2 : 1;
            continue;
        }
        const funds = fundItems(text);
        const fundLabel = funds.length === 0 ? fundTargetOf(text) : undefined;
        if (fundLabel && AMOUNT_CELL.test(cells[i + 1]?.text ?? '')) {
            // A fund label and its amount in the next cell.
            const amount = AMOUNT_CELL.exec(cells[i + 1].text)!;
            addFund(table, form, { target: fundLabel, label: text, value: amount[1], ...(amount[2] ? { unit: amount[2] } : {}), start: 0, end: text.length });
            markCell(account, cell, 'mapped');
            markCell(account, cells[i + 1], 'mapped');
            goals = [];
            i += 2;
            continue;
        }
        if (fundLabel && (fundItems(cells[i + 1]?.text ?? '').length > 0 || fundTargetOf(cells[i + 1]?.text ?? '') !== undefined)) {
            // The heading of the amounts (项目资金（万元）, 资金总额及构成), the amounts in the cells after it.
            table.unit ??= /[（(](万元|元)[)）]$/.exec(text)?.[1];
            markCell(account, cell, 'mapped');
            i++;
            continue;
        }
        if (funds.length > 0) {
            let at = 0;
            for (const item of funds) {
                const between = text.slice(at, item.start);
                markCellText(account, cell, FUND_FURNITURE.test(between) ? 'mapped' : 'kept', at, item.start);
                if (!FUND_FURNITURE.test(between)) {
                    form.project.notes.push({ position: cell.position, message: '资金栏中未识别的文字，未写入文档', text: between.trim() });
                }
                addFund(table, form, item);
                markCellText(account, cell, 'mapped', item.start, item.end);
                at = item.end;
            }
            const after = text.slice(at);
            if (FUND_FURNITURE.test(after)) {
                markCellText(account, cell, 'mapped', at, text.length);
            } else {
                markCellText(account, cell, 'kept', at, text.length);
                form.project.notes.push({ position: cell.position, message: '资金栏中未识别的文字，未写入文档', text: after.trim() });
            }
            goals = [];
            i++;
            continue;
        }
        if (goals.length > 0) {
            // Goals under their labels: one cell each, the last label takes the rest.
            const goal = goals.length > 1 ? goals.shift()! : goals[0];
            addGoal(form, goal, text, layout);
            goalFilled = true;
            markCell(account, cell, 'mapped');
            i++;
            continue;
        }
        if (fundLabel || FORM_END.test(text)) {
            keep(cell, FORM_END.test(text) ? '表尾的签字、日期或说明，未写入文档' : '资金项目没有金额，未写入文档');
        } else {
            keep(cell, '表中未识别的内容，未写入文档');
        }
        i++;
    }
    for (const done of forms) {
        flushLongTerm(done);
    }
    collectDepartments(table, forms.filter(done => done.hasContent), layout);
    return closeImport(table);
}

/** The header whose first title is cell `index` (a title only in front of a 一级指标 run). */
/** 成本构成 and the titles of its columns: 成本项目 | 金额（万元） | 测算依据 | 上年实际（万元）. */
const COST_HEADING = /^(?:成本构成|成本测算|项目成本构成)$/;
const COST_TITLE = /^(?:成本项目|成本构成项目|金额|测算依据|上年实际|上年执行数|上年)(?:[（(](?:万元|元)[)）])?$/;

/**
 * The rows of a cost breakdown after its heading: a name, its amount, then, as its columns give them, how it
 * was estimated and last year's actual. A row that does not read so ends the breakdown (the form reads on).
 */
function readCosts(cells: readonly LayoutCell[], start: number, form: Form, account: SourceAccount,
    keep: (cell: LayoutCell, message: string) => void): number {
    markCell(account, cells[start], 'mapped');
    let i = start + 1;
    while (i < cells.length && COST_TITLE.test(normalizeLabel(cells[i].text))) {
        markCell(account, cells[i], 'mapped');
        i++;
    }
    while (i + 1 < cells.length && !FORM_TITLE.test(cells[i].text) && !FORM_END.test(cells[i].text) && labelOf(cells[i].text) === undefined) {
        const row = cells[i].row;
        let end = i;
        while (end < cells.length && cells[end].row === row) {
            end++;
        }
        const [name, amount, ...rest] = cells.slice(i, end);
        const value = amount && AMOUNT_CELL.exec(amount.text);
        if (!value || AMOUNT_CELL.test(name.text)) {
            break;
        }
        const prior = rest.length > 0 && AMOUNT_CELL.exec(rest[rest.length - 1].text);
        const basis = rest.length > (prior ? 1 : 0) ? rest[0] : undefined;
        (form.project.costs ??= []).push({
            name: name.text, value: value[1],
            ...(basis ? { basis: basis.text } : {}), ...(prior ? { prior: prior[1] } : {})
        });
        for (const cell of [name, amount, ...(basis ? [basis] : []), ...(prior ? [rest[rest.length - 1]] : [])]) {
            markCell(account, cell, 'mapped');
        }
        for (const extra of rest.slice(basis ? 1 : 0, prior ? -1 : undefined)) {
            keep(extra, '成本构成中多出的一格，未写入文档');
        }
        i = end;
    }
    return i;
}

function headerAt(cells: readonly LayoutCell[], index: number, grid: boolean): GridHeader | undefined {
    if (index < 0) {
        return undefined;
    }
    const header = findHeader(cells, index, grid, 30);
    return header && header.start === index ? header : undefined;
}

function labelText(text: string, rest: string): string {
    return text.slice(0, text.length - rest.length).replace(/[\s:：*＊★]/g, '');
}

/** Sets a labelled field; false when the value cannot go there (then it stays for the notes). */
function setField(form: Form, field: FormField, label: string, value: string): boolean {
    const project = form.project;
    switch (field) {
        case 'department': form.department = value; return true;
        case 'name': project.name = value; return true;
        case 'supervisor': {
            const { name, code } = splitSupervisor(value);
            project.supervisor = name;
            if (code !== undefined) {
                project.supervisorCode = code;
            }
            return true;
        }
        case 'supervisorCode': project.supervisorCode = value; return true;
        case 'implementer': project.implementer = value; return true;
        case 'attribute': project.attribute = checkedChoice(value) ?? value; return true;
        case 'kind': project.kind = checkedChoice(value) ?? value; return true;
        case 'nature': project.nature = checkedChoice(value) ?? value; return true;
        case 'manager': project.manager = value; return true;
        case 'dates': {
            const range = monthRange(value);
            if (range) {
                project.start = range.start;
                project.end = range.end;
            } else {
                (project.info ??= []).push({ key: label, value });
            }
            return true;
        }
        case 'info': (project.info ??= []).push({ key: label, value }); return true;
        default: return false;
    }
}

function addGoal(form: Form, field: GoalField, text: string, layout: ImportedLayout): void {
    const project = form.project;
    const key = field === 'departmentGoal' || (layout === '部门整体' && field === 'annualGoal') ? 'annualGoal' : field;
    if (key === 'duties') {
        form.duties.push(text);
    } else {
        (project[key] ??= []).push(text);
    }
    form.hasContent = true;
}

function addFund(table: ImportedTable, form: Form, item: FundItem): void {
    const project = form.project;
    if (item.unit && table.unit === undefined) {
        table.unit = item.unit;
    } else if (item.unit && item.unit !== table.unit) {
        project.notes.push({ position: project.position, message: `金额“${item.value}${item.unit}”的单位与本表其他金额（${table.unit}）不同，按原数写入：请核对` });
    }
    if ('key' in item.target) {
        if (project.amounts[item.target.key] === undefined) {
            project.amounts[item.target.key] = item.value;
        } else {
            (project.funds ??= []).push({ name: item.label.replace(/[:：\s]/g, ''), value: item.value });
        }
    } else {
        (project.funds ??= []).push({ name: item.target.name, value: item.value, ...(item.target.within ? { within: item.target.within } : {}) });
    }
    form.hasContent = true;
}

/** Indicators of one grid: annual ones join the long-term ones read before them (same name). */
function addGridIndicators(form: Form, indicators: ImportedIndicator[], section: 'long' | 'annual' | undefined): void {
    if (section === 'long') {
        form.longTerm.push(...indicators);
        return;
    }
    for (const indicator of indicators) {
        const index = section === 'annual' ? form.longTerm.findIndex(long => long.name === indicator.name && long.categoryLabel === indicator.categoryLabel) : -1;
        if (index >= 0) {
            const [long] = form.longTerm.splice(index, 1);
            indicator.period = long.period;
            indicator.periodLabel = '长期';
            indicator.annualOnly = false;
        } else if (section === 'annual') {
            indicator.annualOnly = true;
        }
        form.project.indicators.push(indicator);
    }
}

/** Long-term indicators with no annual counterpart are written with their long-term value alone. */
function flushLongTerm(form: Form): void {
    for (const long of form.longTerm) {
        form.project.indicators.push({ ...long, periodLabel: '长期', periodOnly: true });
    }
    form.longTerm = [];
}

function collectDepartments(table: ImportedTable, forms: Form[], layout: ImportedLayout): void {
    const byName = new Map<string, ImportedDepartment>();
    for (const form of forms) {
        const project = form.project;
        const name = form.department ?? project.supervisor ?? project.implementer;
        let department = byName.get(name ?? '');
        if (!department) {
            department = emptyDepartment(project.position, name ?? '未命名部门');
            if (name === undefined) {
                department.notes.push({ position: project.position, message: '表中没有填报单位或主管部门，部门暂记为“未命名部门”：请改为部门全称' });
            }
            byName.set(name ?? '', department);
            table.departments.push(department);
        }
        if (layout === '部门整体') {
            Object.assign(department, form.duties.length > 0 ? { duties: form.duties } : {},
                project.annualGoal ? { annualGoal: project.annualGoal } : {}, project.funds ? { funds: project.funds } : {});
            department.amounts = project.amounts;
            department.indicators = [...(department.indicators ?? []), ...project.indicators];
            department.notes.push(...project.notes);
            if (project.name !== '') {
                department.notes.push({ position: project.position, message: `整体绩效目标表中的项目名称“${project.name}”未写入文档` });
            }
            continue;
        }
        if (project.name === '') {
            project.name = '未命名项目';
            project.notes.push({ position: project.position, message: '表中没有项目名称，暂记为“未命名项目”：请改为项目全称' });
        }
        department.projects.push(project);
    }
}
