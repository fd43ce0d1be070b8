/**
 * perf's long CSV (src/compile/csv.ts, columns in src/compile/csv-columns.ts): one row per indicator, a
 * project's cells repeated on each of its rows. Columns are found by their header text, so a CSV whose
 * columns were reordered or thinned out in Excel still imports; the typed columns (比较符, 数值, 单位) are
 * derived from the targets as written and are not read back.
 */
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, unescapeCsvCell, type CsvColumnKey } from '../compile/csv-columns.js';
import { readAmount } from './cell-parsing.js';
import { emptyDepartment, emptyProject, ImportError, type ImportedDepartment, type ImportedProject, type ImportedTable, type ImportNote } from './import-model.js';
import { closeImport } from './close-import.js';
import { SourceAccount } from './source-account.js';
import type { FundKey } from '../model/figures.js';

const AMOUNT_KEYS: readonly FundKey[] = ['total', 'fiscal', 'specialAccount', 'other'];
const MAX_ROWS = 1_000_000;

export function importCsv(text: string, source: string): ImportedTable {
    let rows: string[][];
    try {
        rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, to: MAX_ROWS + 1 }) as string[][];
    } catch (error) {
        throw new ImportError(`${source}: CSV 格式有误（${(error as Error).message}）：请检查引号是否成对`);
    }
    const headerIndex = rows.findIndex(row => row.some(cell => cell.trim() !== ''));
    if (headerIndex < 0) {
        throw new ImportError(`${source}: 文件是空的`);
    }
    const columnOf = new Map<number, CsvColumnKey>();
    const unknownColumns = new Map<number, string>();
    rows[headerIndex].forEach((title, index) => {
        const column = CSV_COLUMNS.find(candidate => candidate.header === title.trim());
        if (column) {
            columnOf.set(index, column.key);
        } else if (title.trim() !== '') {
            unknownColumns.set(index, title.trim());
        }
    });
    const present = new Set(columnOf.values());
    for (const required of ['department', 'project'] as const) {
        if (!present.has(required)) {
            const header = CSV_COLUMNS.find(column => column.key === required)!.header;
            throw new ImportError(`${source}: 第${headerIndex + 1}行的表头没有“${header}”列：perf import 读取 perf compile --format csv 写出的长表（列：${CSV_COLUMNS.map(c => c.header).join('、')}）`);
        }
    }
    // Every cell is a unit; a project's cells repeated on each of its rows are mapped (they say the same).
    const account = new SourceAccount();
    rows.forEach((row, r) => row.forEach((cell, c) => account.add(cellKey(r, c), `第${r + 1}行第${c + 1}列`, cell)));
    rows[headerIndex].forEach((_, c) => account.mark(cellKey(headerIndex, c), 'mapped'));
    const table: ImportedTable = { source, format: 'csv', departments: [], notes: [], account };
    let department: ImportedDepartment | undefined;
    let project: ImportedProject | undefined;
    for (let r = headerIndex + 1; r < rows.length; r++) {
        const position = `第${r + 1}行`;
        const record = new Map<CsvColumnKey, string>();
        const stray: ImportNote[] = [];
        rows[r].forEach((cell, index) => {
            const key = columnOf.get(index);
            if (key) {
                record.set(key, unescapeCsvCell(cell));
                account.mark(cellKey(r, index), 'mapped');
            } else if (cell.trim() !== '') {
                stray.push({ position: `${position}第${index + 1}列`, message: `列“${unknownColumns.get(index) ?? '（无标题）'}”不是 perf 长表的列，未写入文档`, text: cell });
                account.mark(cellKey(r, index), 'kept');
            }
        });
        const get = (key: CsvColumnKey) => record.get(key) ?? '';
        if (rows[r].every(cell => cell.trim() === '')) {
            continue;
        }
        if (!department || department.name !== get('department')) {
            department = emptyDepartment(position, get('department'));
            table.departments.push(department);
            project = undefined;
        }
        if (!project || project.name !== get('project') || (project.user ?? '') !== get('user')) {
            project = emptyProject(position, get('project'));
            if (get('user') !== '') {
                project.user = get('user');
            }
            for (const key of AMOUNT_KEYS) {
                const reading = readAmount(get(key));
                if (reading?.ok) {
                    project.amounts[key] = reading.text;
                } else if (reading) {
                    project.notes.push({ position, message: `${CSV_COLUMNS.find(c => c.key === key)!.header}无法识别，未写入文档`, text: reading.text });
                    account.mark(cellKey(r, [...columnOf].find(([, column]) => column === key)![0]), 'kept');
                }
            }
            if (get('goal') !== '') {
                project.goal = [get('goal')];
            }
            department.projects.push(project);
        } else {
            for (const differing of checkRepeated(project, record, position)) {
                account.mark(cellKey(r, [...columnOf].find(([, column]) => column === differing)![0]), 'kept');
            }
        }
        project.notes.push(...stray);
        readIndicator(project, get, position);
    }
    return closeImport(table);
}

function cellKey(row: number, column: number): string {
    return `R${row}C${column}`;
}

/** A project's cells repeat on every row: a row that says otherwise is reported (returned), the first row wins. */
function checkRepeated(project: ImportedProject, record: Map<CsvColumnKey, string>, position: string): CsvColumnKey[] {
    const differing: CsvColumnKey[] = [];
    const goal = record.get('goal');
    if (goal !== undefined && goal !== (project.goal[0] ?? '')) {
        project.notes.push({ position, message: '同一项目的绩效目标与上面的行不同，已按第一行导入', text: goal });
        differing.push('goal');
    }
    for (const key of AMOUNT_KEYS) {
        const written = record.get(key);
        const reading = written !== undefined ? readAmount(written) : undefined;
        if (written !== undefined && (reading?.text ?? '') !== (project.amounts[key] ?? '')) {
            project.notes.push({ position, message: `同一项目的${CSV_COLUMNS.find(c => c.key === key)!.header}与上面的行不同，已按第一行导入`, text: written });
            differing.push(key);
        }
    }
    return differing;
}

function readIndicator(project: ImportedProject, get: (key: CsvColumnKey) => string, position: string): void {
    const written = ['level1Code', 'level1Name', 'level2Code', 'level2Name', 'indicator', 'periodText', 'annualText'] as const;
    if (written.every(key => get(key) === '')) {
        return;
    }
    const optional = (key: 'groupCode' | 'groupLabel' | 'categoryCode' | 'categoryLabel', value: string) =>
        value.trim() !== '' ? { [key]: value.trim() } : {};
    project.indicators.push({
        position,
        ...optional('groupCode', get('level1Code')),
        ...optional('groupLabel', get('level1Name')),
        ...optional('categoryCode', get('level2Code')),
        ...optional('categoryLabel', get('level2Name')),
        name: get('indicator'),
        period: get('periodText'),
        annual: get('annualText')
    });
}
