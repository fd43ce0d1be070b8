/**
 * `pdftotext -layout` output: the columns stand side by side on each line (name | amounts | goal |
 * indicators) and every cell wraps within its column. pdftotext pads by character count, not by display
 * width (a line of 工作经费 and a line of spaces put the goal at the same character index), so columns are
 * character positions; they differ from page to page, so each page (each header line) gets its own.
 *
 * - The header line gives the column order and the amount columns (titles are centred: an amount goes to
 *   the title whose centre, in display width, is nearest). The goal and indicator cells start left of their
 *   centred titles: their start is the most frequent text start between the previous column and the title.
 * - A text run (non-space characters) belongs to the column it starts in, a few characters of drift allowed.
 * - A row starts where the name or amount columns get text, unless it continues the row above (a wrapped
 *   name, or amounts on their own line under a name that had none); a page break continues the row.
 * - Rows become the table through the same pieces as the plain text reader (pdf-text.ts, cell-parsing.ts).
 * Repeated headers and page numbers are page furniture: reported with their lines, never dropped silently.
 */
import { readAmount, splitProjectName } from './cell-parsing.js';
import { emptyDepartment, emptyProject, ImportError, type ImportedAmounts, type ImportedDepartment, type ImportedTable, type ImportNote } from './import-model.js';
import { closeImport } from './close-import.js';
import { addIndicatorCell, DEPARTMENT_LINE, FIRST_ITEM, PAGE_FURNITURE, TITLE, UNIT_LINE, unitOf } from './pdf-text.js';
import { SourceAccount } from './source-account.js';
import { columnOfTitle, type TableColumn } from './table-headers.js';
import { AMOUNT_TOKEN } from './text-amounts.js';
import { lineKey, linePosition, markLine, pieceOf, textLines, type TextLine } from './text-lines.js';
import type { FundKey } from '../model/figures.js';

/** How far left of its column a run may start and still belong to it (pdftotext rounds x positions). */
const DRIFT = 2;
const AMOUNT_RUN = new RegExp(`^${AMOUNT_TOKEN}$`);
const HEADER = /项目名称.*绩效目标\s+绩效指标/;
const AMOUNT_KEYS: readonly FundKey[] = ['total', 'fiscal', 'specialAccount', 'other'];

interface Run { start: number; end: number; text: string }

interface PageColumns {
    amounts: { key: FundKey; center: number }[];
    goal: number;
    indicators: number;
}

interface Row {
    line: number;
    position: string;
    name: TextLine[];
    amounts: ImportedAmounts;
    goal: TextLine[];
    indicators: TextLine[];
    notes: ImportNote[];
}

/** Layout text: a header line whose titles are spread out, and many lines with wide gaps between columns. */
export function isLayoutText(text: string): boolean {
    const lines = text.split(/\r\n|\r|\n/).map(line => line.replace(/\f/g, '')).filter(line => line.trim() !== '');
    const spread = lines.some(line => HEADER.test(line) && /绩效目标 {3,}绩效指标/.test(line));
    const columned = lines.filter(line => /^ {8,}\S|\S {4,}\S/.test(line)).length;
    return spread && columned >= lines.length * 0.3;
}

/** `lineNames[i]` names line i+1 when the text was made from another kind of file (pdf.ts). */
export function importLayoutText(text: string, source: string, lineNames?: readonly string[]): ImportedTable {
    const account = new SourceAccount();
    const table: ImportedTable = { source, format: 'text', departments: [], notes: [], account };
    // Form feeds and tabs are layout: the counted characters (and so the account's marks) stay the same.
    const lines: TextLine[] = textLines(text, account, undefined, lineNames)
        .map(line => ({ ...line, text: line.text.replace(/\f/g, '').replace(/\t/g, ' ').trimEnd() }));
    const headers = lines.flatMap((line, index) => HEADER.test(line.text) ? [index] : []);
    if (headers.length === 0) {
        throw new ImportError(`${source}: 没有找到表头行（项目名称 … 绩效目标 绩效指标）：这不像是一张项目支出绩效目标表的文本`);
    }
    let departmentNames: string[] = [];
    for (const line of lines.slice(0, headers[0])) {
        readHeaderArea(line, table, account, names => { departmentNames = names; });
    }
    const rows: Row[] = [];
    headers.forEach((headerIndex, page) => {
        const end = headers[page + 1] ?? lines.length;
        const titleLines = headerLineCount(lines, headerIndex, end);
        const title = lines.slice(headerIndex, headerIndex + titleLines);
        // The first page's column titles are printed again by the layout: mapped; repeats are kept in a note.
        title.forEach(line => markLine(account, line, page > 0 ? 'kept' : 'mapped'));
        if (page > 0) {
            const last = lines[headerIndex + titleLines - 1].line;
            const first = lines[headerIndex];
            const position = first.name ? linePosition(first) : last > first.line ? `第${first.line}-${last}行` : `第${first.line}行`;
            table.notes.push({ position, message: '分页处重复的表头（页面元素），已略过', text: title.map(line => line.text.trim()).join('\n') });
        }
        const body = lines.slice(headerIndex + titleLines, end);
        const columns = pageColumns(lines[headerIndex], body, source);
        for (const line of body) {
            readLine(line, columns, rows, table.notes, account);
        }
    });
    placeRows(rows, table, departmentNames, account);
    return closeImport(table);
}

function readHeaderArea(line: TextLine, table: ImportedTable, account: SourceAccount, setDepartments: (names: string[]) => void): void {
    const content = line.text.trim();
    if (content === '') {
        return;
    }
    const department = DEPARTMENT_LINE.exec(content);
    const unit = UNIT_LINE.exec(content);
    markLine(account, line, 'mapped');
    if (department) {
        setDepartments(department[1].split(/[、,，]/).map(name => name.trim()).filter(Boolean));
        if (department[2]) {
            table.unit = unitOf(department[2], line, table.notes, account);
        }
    } else if (unit) {
        table.unit = unitOf(unit[1], line, table.notes, account);
    } else if (TITLE.test(content) && table.title === undefined) {
        table.title = content.replace(/\s+/g, '');
    } else {
        table.notes.push({ position: linePosition(line), message: PAGE_FURNITURE.test(content) ? '页码（页面元素），已略过' : '表头之前的文字，未写入文档', text: content });
        markLine(account, line, 'kept');
    }
}

function runsOf(text: string): Run[] {
    return [...text.matchAll(/\S+/g)].map(match => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
}

/** East Asian Wide and Fullwidth characters take two columns on the printed page. */
function displayWidth(text: string): number {
    let width = 0;
    for (const character of text) {
        width += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(character) ? 2 : 1;
    }
    return width;
}

/** The title lines: the header line and the lines that only finish its wrapped titles (位）, 款). */
function headerLineCount(lines: TextLine[], headerIndex: number, end: number): number {
    const titles = runsOf(lines[headerIndex].text);
    let count = 1;
    while (headerIndex + count < end && count < 3) {
        const pieces = runsOf(lines[headerIndex + count].text);
        const unfinished = titles.filter(title => columnOfTitle(title.text) === undefined);
        const finishes = pieces.length > 0 && pieces.every(piece => {
            const nearest = unfinished.sort((a, b) => Math.abs(a.start - piece.start) - Math.abs(b.start - piece.start))[0];
            if (!nearest || columnOfTitle(nearest.text + piece.text) === undefined) {
                return false;
            }
            nearest.text += piece.text;
            return true;
        });
        if (!finishes) {
            break;
        }
        count++;
    }
    return count;
}

function titleColumn(title: string): TableColumn | undefined {
    const prefixes: [TableColumn, RegExp][] = [['name', /^项目名称/], ['specialAccount', /^财政专户/], ['goal', /绩效目标$/], ['indicators', /绩效指标$/]];
    return columnOfTitle(title) ?? prefixes.find(([, pattern]) => pattern.test(title))?.[0];
}

function pageColumns(header: TextLine, body: TextLine[], source: string): PageColumns {
    const titles = runsOf(header.text).map(run => ({ ...run, column: titleColumn(run.text) }));
    const unknown = titles.filter(title => title.column === undefined);
    const goalTitle = titles.find(title => title.column === 'goal');
    const indicatorTitle = titles.find(title => title.column === 'indicators');
    if (unknown.length > 0 || !goalTitle || !indicatorTitle || goalTitle.start > indicatorTitle.start) {
        throw new ImportError(`${source}:${header.line}:1: 表头“${header.text.trim()}”的列无法识别${unknown.length > 0 ? `（${unknown.map(title => title.text).join('、')}）` : ''}：`
            + 'pdftotext -layout 文本应为 项目名称 | 总计 财政拨款 财政专户拨款 其他资金 | 绩效目标 | 绩效指标 的顺序');
    }
    const amounts = titles.filter(title => AMOUNT_KEYS.includes(title.column as FundKey))
        .map(title => ({ key: title.column as FundKey, start: title.start, center: title.start + displayWidth(title.text) / 2 }));
    const starts = new Map<number, number>();
    for (const line of body) {
        // Amounts are centred in their columns: only text runs say where a text column starts.
        for (const run of runsOf(line.text).filter(run => !AMOUNT_RUN.test(run.text))) {
            starts.set(run.start, (starts.get(run.start) ?? 0) + 1);
        }
    }
    const mostFrequentStart = (after: number, upTo: number, fallback: number) => {
        let best = fallback;
        let bestCount = 0;
        for (const [start, count] of starts) {
            if (start > after && start <= upTo && (count > bestCount || (count === bestCount && start < best))) {
                best = start;
                bestCount = count;
            }
        }
        return best;
    };
    const goal = mostFrequentStart(amounts.at(-1)?.start ?? 0, goalTitle.start + DRIFT, goalTitle.start);
    const indicators = mostFrequentStart(goal + DRIFT, indicatorTitle.start + DRIFT, indicatorTitle.start);
    return { amounts, goal, indicators };
}

/** One body line into the rows: its runs by column, a new row where the name or amounts start one. */
function readLine(line: TextLine, columns: PageColumns, rows: Row[], notes: ImportNote[], account: SourceAccount): void {
    const content = line.text.trim();
    if (content === '') {
        return;
    }
    if (PAGE_FURNITURE.test(content)) {
        notes.push({ position: linePosition(line), message: '页码（页面元素），已略过', text: content });
        markLine(account, line, 'kept');
        return;
    }
    const runs = runsOf(line.text);
    const left = runs.filter(run => run.start < columns.goal - DRIFT);
    const goal = runs.filter(run => run.start >= columns.goal - DRIFT && run.start < columns.indicators - DRIFT);
    const indicators = runs.filter(run => run.start >= columns.indicators - DRIFT);
    const amountRuns = left.filter(run => AMOUNT_RUN.test(run.text));
    const nameRuns = left.filter(run => !AMOUNT_RUN.test(run.text));
    const piece = (part: Run[]): TextLine[] => part.length === 0 ? [] : [pieceOf(line, part[0].start, line.text.slice(part[0].start, part.at(-1)!.end))];
    let row = rows.at(-1);
    const hasAmounts = row !== undefined && Object.keys(row.amounts).length > 0;
    const startsRow = (nameRuns.length > 0 || amountRuns.length > 0)
        && (!row || (amountRuns.length > 0 && hasAmounts) || (indicators.length > 0 && FIRST_ITEM.test(indicators[0].text))
            || (nameRuns.length > 0 && hasAmounts && row.goal.length === 0 && row.indicators.length === 0 && goal.length > 0));
    if (startsRow) {
        row = { line: line.line, position: linePosition(line), name: [], amounts: {}, goal: [], indicators: [], notes: [] };
        rows.push(row);
    }
    if (!row) {
        notes.push({ position: linePosition(line), message: '不属于任何项目的文字，未写入文档', text: content });
        markLine(account, line, 'kept');
        return;
    }
    // Name, goal and amount runs are mapped here; the indicator pieces when their cell is read (leftovers kept).
    markLine(account, line, 'mapped');
    row.name.push(...piece(nameRuns));
    row.goal.push(...piece(goal));
    row.indicators.push(...piece(indicators));
    for (const run of amountRuns) {
        const center = (run.start + run.end) / 2;
        const column = columns.amounts.reduce((a, b) => Math.abs(b.center - center) < Math.abs(a.center - center) ? b : a);
        if (row.amounts[column.key] !== undefined) {
            row.notes.push({ position: linePosition(line), message: `金额 ${run.text} 与同一列的另一金额重复，未导入：请核对`, text: run.text });
            const amount = pieceOf(line, run.start, run.text);
            account.mark(lineKey(line.line), 'kept', amount.from, (amount.from ?? 0) + run.text.length);
            continue;
        }
        row.amounts[column.key] = readAmount(run.text)?.text ?? run.text;
    }
}

/** Rows as the 合计 row, departments and projects (a department row has amounts and no goal or indicators). */
function placeRows(rows: Row[], table: ImportedTable, departmentNames: string[], account: SourceAccount): void {
    let department: ImportedDepartment | undefined;
    let previous: 'total' | 'department' | 'project' | undefined;
    const joined = (pieces: TextLine[]) => pieces.map(piece => piece.text.trim()).join('');
    for (const row of rows) {
        const position = row.position;
        const name = joined(row.name);
        const plain = row.goal.length === 0 && row.indicators.length === 0;
        if (/^(?:合计|总计)$/.test(name) && plain) {
            table.grandTotal = { position, amounts: row.amounts };
            table.notes.push(...row.notes);
            previous = 'total';
            continue;
        }
        if (plain && name !== '' && (departmentNames.includes(name) || previous === 'total')) {
            department = emptyDepartment(position, name);
            department.amounts = row.amounts;
            department.notes.push(...row.notes);
            table.departments.push(department);
            previous = 'department';
            continue;
        }
        if (!department) {
            department = emptyDepartment(position, departmentNames[0] ?? '未命名部门');
            table.departments.push(department);
            if (departmentNames.length === 0) {
                department.notes.push({ position, message: '原表没有写部门名称，暂记为“未命名部门”：请改为部门全称' });
            }
        }
        const { name: projectName, user } = splitProjectName(name);
        const project = emptyProject(position, projectName);
        if (user !== undefined) {
            project.user = user;
        }
        if (name === '') {
            project.notes.push({ position, message: '这一行没有项目名称：请补上' });
        }
        project.amounts = row.amounts;
        if (Object.keys(row.amounts).length === 0) {
            project.notes.push({ position, message: '项目名称旁没有找到金额（如 1,234.56），金额未导入' });
        }
        project.notes.push(...row.notes);
        const goal = joined(row.goal);
        if (goal !== '') {
            project.goal = [goal];
        }
        addIndicatorCell(project, row.indicators, account);
        department.projects.push(project);
        previous = 'project';
    }
}
