/**
 * The Guangdong multi-project list read from a grid (an XLSX sheet, a web page's table, a converted .xls):
 * the header row is found by its column titles anywhere in the first rows, columns are mapped by title (any
 * order, blank columns in between), merged cells are read once (the grid holds their top-left cell),
 * amounts may be numbers or text with thousands separators, the indicator cell may hold line breaks,
 * project names may be indented with spaces or by the cell's indent. Rows with no name continue the
 * project above (one indicator per row).
 */
import { joinCellLines, parseIndicatorCell, readAmount, splitProjectName } from './cell-parsing.js';
import { emptyDepartment, emptyProject, ImportError, type ImportedAmounts, type ImportedDepartment, type ImportedProject, type ImportedTable, type ImportNote } from './import-model.js';
import { closeImport } from './close-import.js';
import { SourceAccount } from './source-account.js';
import { rowCells, type SourceCell, type SourceSheet } from './source-grid.js';
import { columnOfTitle, normalizeTitle, ONE_INDICATOR_PER_ROW, unitOfTitle, type TableColumn } from './table-headers.js';
import type { FundKey } from '../model/figures.js';

export const SHEET_LIMITS = { rows: 100_000, columns: 200, headerSearchRows: 30 };

const AMOUNT_COLUMNS: readonly FundKey[] = ['total', 'fiscal', 'specialAccount', 'other'];

/** Registers every cell of the sheets with the account (done before classification reads anything). */
export function accountSheets(sheets: readonly SourceSheet[], account: SourceAccount): void {
    for (const sheet of sheets) {
        for (const cells of sheet.rows.values()) {
            for (const cell of cells) {
                account.add(cell.position, cell.position, cell.text);
            }
        }
    }
}

export function importListSheets(sheets: readonly SourceSheet[], source: string): ImportedTable {
    const account = new SourceAccount();
    const table: ImportedTable = { source, format: 'grid', departments: [], notes: [], account };
    const refusals: string[] = [];
    for (const sheet of sheets) {
        if (sheet.rowCount > SHEET_LIMITS.rows || sheet.columnCount > SHEET_LIMITS.columns) {
            throw new ImportError(`${source}: 工作表“${sheet.name}”有 ${sheet.rowCount} 行、${sheet.columnCount} 列，`
                + `超过上限（${SHEET_LIMITS.rows} 行、${SHEET_LIMITS.columns} 列）：这不像是一张绩效目标表，拒绝导入`);
        }
    }
    accountSheets(sheets, account);
    for (const sheet of sheets) {
        const refusal = importSheet(sheet, table);
        if (refusal) {
            refusals.push(refusal);
        }
    }
    if (table.departments.length === 0) {
        throw new ImportError(`${source}: 没有可导入的表格。${refusals.join('；')}`);
    }
    for (const refusal of refusals) {
        table.notes.push({ position: source, message: refusal });
    }
    return closeImport(table);
}

interface Header {
    /** The first title row, and the last (a second row of source titles under 资金来源). */
    titleRow: number;
    row: number;
    columns: Map<number, TableColumn>;
}

/** Imports one sheet into the table; returns why the sheet was not imported, if it was not. */
function importSheet(sheet: SourceSheet, table: ImportedTable): string | undefined {
    if (sheet.rows.size === 0) {
        return undefined;
    }
    const account = table.account!;
    const header = findHeader(sheet);
    if (typeof header === 'string') {
        return header;
    }
    const departmentNames = readTitleArea(sheet, header, table);
    // The column titles are printed again by the layout.
    for (let r = header.titleRow; r <= header.row; r++) {
        rowCells(sheet, r).forEach(cell => account.mark(cell.position, 'mapped'));
    }
    const keep = (cell: SourceCell) => account.mark(cell.position, 'kept');
    const indentsProjects = sheetIndentsProjects(sheet, header);
    let department: ImportedDepartment | undefined;
    let project: ImportedProject | undefined;
    const departmentFor = (position: string) => {
        if (!department) {
            department = emptyDepartment(position, departmentNames[0] ?? sheet.name);
            if (departmentNames.length === 0) {
                department.notes.push({ position, message: `表中没有“部门名称：…”，部门名称暂取工作表名“${sheet.name}”：请核对` });
            }
            table.departments.push(department);
        }
        return department;
    };
    for (const [r, rowOfCells] of sheet.rows) {
        if (r <= header.row) {
            continue;
        }
        const cells = new Map<TableColumn, SourceCell>();
        const stray: ImportNote[] = [];
        for (const cell of rowOfCells) {
            if (cell.text.trim() === '') {
                continue;
            }
            const mapped = header.columns.get(cell.column);
            if (mapped) {
                cells.set(mapped, cell);
                account.mark(cell.position, 'mapped');
            } else {
                stray.push({ position: cell.position, message: '该单元格不在任何已知列中，未写入文档', text: cell.text });
                keep(cell);
            }
        }
        const text = (column: TableColumn) => cells.get(column)?.text ?? '';
        const rawName = text('name');
        const name = rawName.replace(/\s*[\r\n]+\s*/g, '').trim();
        const goal = text('goal');
        const indicators = text('indicators');
        const hasAmounts = AMOUNT_COLUMNS.some(key => cells.has(key));
        const rowPosition = sheet.rowPosition(r);
        if (cells.size === 0) {
            (project?.notes ?? department?.notes ?? table.notes).push(...stray);
            continue;
        }
        const readRowAmounts = (notes: ImportNote[]) => readAmounts(cells, notes, keep);
        if (/^(?:合计|总计)$/.test(name) && !goal && !indicators) {
            table.grandTotal = { position: rowPosition, amounts: readRowAmounts(table.notes) };
            table.notes.push(...stray);
            continue;
        }
        const indented = /^[\s\u3000]/.test(rawName) || (cells.get('name')?.indent ?? 0) > 0;
        if (name && !indented && !goal && !indicators
            && (departmentNames.includes(name) || (hasAmounts && (indentsProjects || departmentNames.length === 0)))) {
            department = emptyDepartment(rowPosition, name);
            department.amounts = readRowAmounts(department.notes);
            department.notes.push(...stray);
            table.departments.push(department);
            project = undefined;
            continue;
        }
        if (name) {
            const { name: projectName, user } = splitProjectName(name);
            project = emptyProject(rowPosition, projectName);
            if (user !== undefined) {
                project.user = user;
            }
            project.amounts = readRowAmounts(project.notes);
            departmentFor(rowPosition).projects.push(project);
        } else if (!project) {
            departmentFor(rowPosition).notes.push({ position: rowPosition, message: '没有项目名称的行，且上方没有项目可以接续，未写入文档', text: [...cells.values()].map(cell => cell.text).join(' | ') });
            cells.forEach(keep);
            continue;
        } else if (hasAmounts) {
            project.notes.push({ position: rowPosition, message: '接续行（项目名称为空）中的金额未导入：金额应写在项目所在行', text: AMOUNT_COLUMNS.filter(key => cells.has(key)).map(key => cells.get(key)!.text).join(' ') });
            AMOUNT_COLUMNS.forEach(key => cells.has(key) && keep(cells.get(key)!));
        }
        project.notes.push(...stray);
        if (goal.trim()) {
            project.goal.push(...goal.split(/\r\n|\r|\n/).filter(line => line.trim() !== ''));
        }
        if (indicators.trim()) {
            readIndicators(cells.get('indicators')!, indicators, project, account);
        }
    }
    return undefined;
}

function readIndicators(cell: SourceCell, text: string, project: ImportedProject, account: SourceAccount): void {
    const where = cell.position;
    const parsed = parseIndicatorCell(joinCellLines(text), project.indicators.length + 1);
    for (const item of parsed.items) {
        project.indicators.push({
            position: `${where} 第${item.number}项`,
            ...(item.groupCode !== undefined ? { groupCode: item.groupCode } : {}),
            ...(item.groupLabel !== undefined ? { groupLabel: item.groupLabel } : {}),
            ...(item.categoryCode !== undefined ? { categoryCode: item.categoryCode } : {}),
            ...(item.categoryLabel !== undefined ? { categoryLabel: item.categoryLabel } : {}),
            name: item.name,
            period: item.period,
            annual: item.annual
        });
    }
    let from = 0;
    for (const leftover of parsed.leftovers) {
        from = Math.max(from, account.markPart(where, leftover.text, 'kept', from));
        project.notes.push({ position: where, message: '绩效指标中无法识别的文字（应为“序号、一级指标；二级指标；指标名称；实施周期指标值:…；年度指标值:…。”）', text: leftover.text });
    }
    if (parsed.numberingProblems.length > 0) {
        project.notes.push({ position: where, message: `绩效指标序号不连续：${parsed.numberingProblems.join('，')}；已按出现顺序导入` });
    }
}

function readAmounts(cells: Map<TableColumn, SourceCell>, notes: ImportNote[], keep: (cell: SourceCell) => void): ImportedAmounts {
    const amounts: ImportedAmounts = {};
    for (const key of AMOUNT_COLUMNS) {
        const cell = cells.get(key);
        if (!cell) {
            continue;
        }
        const reading = readAmount(cell.number ?? cell.text);
        if (reading?.ok) {
            amounts[key] = reading.text;
        } else if (reading) {
            notes.push({ position: cell.position, message: '金额无法识别（应为 1234.56 或 1,234.56），未写入文档', text: reading.text });
            keep(cell);
        }
    }
    return amounts;
}

/** The header row: the first row in the first rows whose titles name a project column and an indicator or goal column. */
function findHeader(sheet: SourceSheet): Header | string {
    const last = Math.min(sheet.rowCount, SHEET_LIMITS.headerSearchRows);
    for (let r = 1; r <= last; r++) {
        const columns = new Map<number, TableColumn>();
        const titles: string[] = [];
        for (const cell of rowCells(sheet, r)) {
            titles.push(normalizeTitle(cell.text));
            const mapped = columnOfTitle(cell.text);
            if (mapped && ![...columns.values()].includes(mapped)) {
                columns.set(cell.column, mapped);
            }
        }
        const found = new Set(columns.values());
        if (!found.has('name')) {
            continue;
        }
        if (!found.has('indicators') && titles.some(title => ONE_INDICATOR_PER_ROW.test(title))) {
            return `工作表“${sheet.name}”第${r}行的表头把指标分列（${titles.filter(t => ONE_INDICATOR_PER_ROW.test(t)).join('、')}），`
                + '每行一个指标：perf import 只读官方版式（“绩效指标”一列写全部指标），请改成官方版式，或导出为 perf 的 CSV 长表后导入';
        }
        if (!found.has('indicators') && !found.has('goal')) {
            continue;
        }
        // A two-row header: the sources (财政拨款 …) under a merged 资金来源 title in the next row.
        let sourcesBelow = 0;
        for (const cell of rowCells(sheet, r + 1)) {
            const mapped = columnOfTitle(cell.text);
            if (mapped && mapped !== 'total' && AMOUNT_COLUMNS.includes(mapped as FundKey) && !columns.has(cell.column)
                && ![...columns.values()].includes(mapped)) {
                columns.set(cell.column, mapped);
                sourcesBelow++;
            }
        }
        return { titleRow: r, row: sourcesBelow > 0 ? r + 1 : r, columns };
    }
    return `工作表“${sheet.name}”的前 ${last} 行中没有找到表头行（需要“项目名称”与“绩效指标”或“绩效目标”等列标题）`;
}

/** Title, 部门名称 and 单位 above the header; returns the department names the title area gives. */
function readTitleArea(sheet: SourceSheet, header: Header, table: ImportedTable): string[] {
    const names: string[] = [];
    const account = table.account!;
    for (let r = 1; r < header.titleRow; r++) {
        for (const cell of rowCells(sheet, r)) {
            const text = cell.text.trim();
            if (!text) {
                continue;
            }
            let rest = text;
            const unit = /单位\s*[:：]\s*(万元|元)/.exec(rest);
            if (unit) {
                table.unit ??= unit[1];
                rest = rest.replace(unit[0], '').trim();
            }
            const department = /部门(?:名称)?\s*[:：]\s*(.+)$/.exec(rest);
            if (department) {
                names.push(...department[1].split(/[、,，]/).map(name => name.trim()).filter(Boolean));
                rest = rest.replace(department[0], '').trim();
            }
            account.mark(cell.position, 'mapped');
            if (rest && /绩效目标表/.test(rest) && !table.title) {
                table.title = rest;
            } else if (rest) {
                table.notes.push({ position: cell.position, message: '表头上方的文字，未写入文档', text: rest });
                account.markPart(cell.position, rest, 'kept');
            }
        }
    }
    for (let r = header.titleRow; r <= header.row; r++) {
        for (const cell of rowCells(sheet, r)) {
            table.unit ??= unitOfTitle(cell.text);
        }
    }
    return names;
}

/** Whether the sheet marks projects by indenting their names (then unindented rows are departments). */
function sheetIndentsProjects(sheet: SourceSheet, header: Header): boolean {
    const nameColumn = [...header.columns].find(([, column]) => column === 'name')?.[0];
    if (nameColumn === undefined) {
        return false;
    }
    for (const [r, cells] of sheet.rows) {
        const cell = r > header.row ? cells.find(candidate => candidate.column === nameColumn) : undefined;
        if (cell && (/^[\s\u3000]+\S/.test(cell.text) || cell.indent > 0)) {
            return true;
        }
    }
    return false;
}
