/**
 * Text copied or extracted (pdftotext) from a published PDF table. Cells wrap mid-word, so the importer
 * relies only on structure that survives wrapping:
 * - the header lines (title, 部门名称：… 单位：…, the column titles, repeated on each page);
 * - the 合计 row and department rows: a name followed by amounts (1,234.56);
 * - a project row starts with an indented name, which may wrap over several lines until its amounts;
 * - the lines after it hold the 绩效目标 and 绩效指标 cells, in either order and sometimes one inside the
 *   other (the last 。 of the indicators may come after the goal): the indicator cell is the part that reads
 *   as numbered items `N、1-产出指标；11-数量指标；名称；实施周期指标值:…；年度指标值:…。`, the goal the rest.
 * `pdftotext -layout` output, with the columns side by side on each line, is read by pdf-layout-text.ts.
 */
import { isCompleteIndicatorCell, parseIndicatorCell, type ParsedIndicatorCell } from './cell-parsing.js';
import { emptyDepartment, emptyProject, ImportError, type ImportedDepartment, type ImportedIndicator, type ImportedProject, type ImportedTable, type ImportNote } from './import-model.js';
import { closeImport } from './close-import.js';
import { unfoldRunTogether } from './run-together.js';
import { SourceAccount } from './source-account.js';
import { assignAmounts, AMOUNT_TOKEN } from './text-amounts.js';
import { lineKey, linePosition, markJoined, markLine, markLines, textLines, type TextLine } from './text-lines.js';

export type { TextLine } from './text-lines.js';

export const TITLE = /绩效目标表/;
export const DEPARTMENT_LINE = /^\s*部门(?:名称)?\s*[:：]\s*(.*?)\s*(?:单位\s*[:：]\s*(\S+)\s*)?$/;
export const UNIT_LINE = /^\s*单位\s*[:：]\s*(\S+)\s*$/;
export const HEADER_LINE = /项目名称.*绩效指标|项目名称.*总计/;
export const PAGE_FURNITURE = /^\s*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-—]\s*\d+\s*[-—]|\d+\s*\/\s*\d+)\s*$/;
const AMOUNTS_AT_END = new RegExp(String.raw`^(.*?)(?:^|\s+)(${AMOUNT_TOKEN}(?:\s+${AMOUNT_TOKEN}){0,3})\s*$`);
const INDENTED = /^(?: {2,}|\t|\u3000)/;
/** The first item of an indicator cell: 1、1-产出指标 or 1、产出指标. */
export const FIRST_ITEM = /^\s*1\s*、\s*(?:\d+\s*-|[^；;\s]{2,8}指标\s*[；;])/;
/** Names wrap over a few lines at most; beyond that the amounts are missing. */
const MAX_NAME_LINES = 6;

/** `lineNames[i]` names line i+1 when the text was made from another kind of file (pdf.ts). */
export function importText(text: string, source: string, lineNames?: readonly string[]): ImportedTable {
    const account = new SourceAccount();
    const table: ImportedTable = { source, format: 'text', departments: [], notes: [], account };
    const lines = unfoldRunTogether(textLines(text, account, /\r\n|\r|\n|\f/, lineNames));
    let headerSeen = false;
    let departmentNames: string[] = [];
    let department: ImportedDepartment | undefined;
    let expectDepartment = false;
    let i = 0;
    const departmentFor = (position: string): ImportedDepartment => {
        if (!department) {
            department = emptyDepartment(position, departmentNames[0] ?? '未命名部门');
            table.departments.push(department);
            if (departmentNames.length === 0) {
                department.notes.push({ position, message: '原表没有写部门名称，暂记为“未命名部门”：请改为部门全称' });
            }
        }
        return department;
    };
    while (i < lines.length) {
        const { text: raw } = lines[i];
        const content = raw.trim();
        const position = linePosition(lines[i]);
        if (content === '') {
            i++;
            continue;
        }
        // Read lines are mapped; a branch that keeps text in a note marks it kept.
        markLine(account, lines[i], 'mapped');
        if (PAGE_FURNITURE.test(content)) {
            table.notes.push({ position, message: '页码，已略过', text: content });
            markLine(account, lines[i], 'kept');
            i++;
            continue;
        }
        const departmentLine = DEPARTMENT_LINE.exec(content);
        if (!headerSeen && TITLE.test(content) && !HEADER_LINE.test(content)) {
            if (table.title === undefined) {
                table.title = content.replace(/\s+/g, '');
            } else {
                table.notes.push({ position, message: '第二个表名，未写入文档', text: content });
                markLine(account, lines[i], 'kept');
            }
            i++;
            continue;
        }
        if (departmentLine) {
            departmentNames = departmentLine[1].split(/[、,，]/).map(name => name.trim()).filter(Boolean);
            if (departmentLine[2]) {
                table.unit = unitOf(departmentLine[2], lines[i], table.notes, account);
            }
            i++;
            continue;
        }
        const unitLine = UNIT_LINE.exec(content);
        if (unitLine) {
            table.unit = unitOf(unitLine[1], lines[i], table.notes, account);
            i++;
            continue;
        }
        if (HEADER_LINE.test(content)) {
            headerSeen = true;
            i++;
            continue;
        }
        const amountLine = AMOUNTS_AT_END.exec(content);
        if (!headerSeen) {
            table.notes.push({ position, message: '表头之前的文字，未写入文档', text: content });
            markLine(account, lines[i], 'kept');
            i++;
            continue;
        }
        if (amountLine && !INDENTED.test(raw) && /^(?:合计|总计)$/.test(amountLine[1].trim())) {
            table.grandTotal = { position, amounts: assignAmounts(amountLine[2], position, table.notes) };
            expectDepartment = true;
            i++;
            continue;
        }
        if (amountLine && !INDENTED.test(raw) && amountLine[1].trim() !== ''
            && (expectDepartment || departmentNames.includes(amountLine[1].trim()))) {
            department = emptyDepartment(position, amountLine[1].trim());
            department.amounts = assignAmounts(amountLine[2], position, department.notes);
            table.departments.push(department);
            expectDepartment = false;
            i++;
            continue;
        }
        if (INDENTED.test(raw)) {
            const { project, next } = readProject(lines, i, account);
            departmentFor(position).projects.push(project);
            i = next;
            continue;
        }
        departmentFor(position).notes.push({ position, message: '不属于任何项目的文字，未写入文档', text: content });
        markLine(account, lines[i], 'kept');
        i++;
    }
    if (!headerSeen) {
        throw new ImportError(`${source}: 没有找到表头行（项目名称 … 绩效目标 绩效指标）：这不像是一张项目支出绩效目标表的文本`);
    }
    return closeImport(table);
}

/** The unit of a header line; another unit is kept in a note (its characters are kept: the note has them). */
export function unitOf(written: string, line: TextLine, notes: ImportNote[], account: SourceAccount): string | undefined {
    if (written === '万元' || written === '元') {
        return written;
    }
    notes.push({ position: linePosition(line), message: `单位“${written}”不是 万元 或 元，未写入文档`, text: written });
    account.markPart(lineKey(line.line), written, 'kept', line.from ?? 0);
    return undefined;
}

/** A project: its (wrapped) name up to the amounts, then the goal and indicator lines up to the next row. */
function readProject(lines: TextLine[], start: number, account: SourceAccount): { project: ImportedProject; next: number } {
    const position = linePosition(lines[start]);
    let name = '';
    let amountsText: string | undefined;
    let i = start;
    const nameNotes: ImportNote[] = [];
    for (; i < lines.length && i < start + MAX_NAME_LINES * 2; i++) {
        const content = lines[i].text.trim();
        if (content === '') {
            continue;
        }
        if (i > start && (INDENTED.test(lines[i].text) || FIRST_ITEM.test(content))) {
            break;
        }
        markLine(account, lines[i], 'mapped');
        const amountLine = AMOUNTS_AT_END.exec(content);
        if (amountLine) {
            name += amountLine[1].trim();
            amountsText = amountLine[2];
            i++;
            break;
        }
        name += content;
    }
    const project = emptyProject(position, name);
    project.notes.push(...nameNotes);
    if (amountsText === undefined) {
        project.notes.push({ position, message: '项目名称后没有找到金额（如 1,234.56），金额未导入' });
    } else {
        project.amounts = assignAmounts(amountsText, position, project.notes);
    }
    const body: TextLine[] = [];
    for (; i < lines.length; i++) {
        const { text } = lines[i];
        if (INDENTED.test(text) && text.trim() !== '') {
            break;
        }
        if (isRowBoundary(text)) {
            break;
        }
        if (text.trim() !== '') {
            body.push(lines[i]);
        }
    }
    splitBody(project, body, account);
    return { project, next: i };
}

/** A header line, page number or a department row ends a project's cells. */
function isRowBoundary(text: string): boolean {
    const content = text.trim();
    return HEADER_LINE.test(content) || PAGE_FURNITURE.test(content) || DEPARTMENT_LINE.test(content)
        || /^(?:合计|总计)\s/.test(content);
}

interface BodySplit {
    goal: TextLine[];
    indicators: TextLine[];
    parsed: ParsedIndicatorCell;
}

/**
 * Which body lines are the indicator cell: a run starting at an item `1、…`, possibly interrupted by the goal
 * (whose lines then sit between the run and its tail). Among the splits whose indicator text reads as
 * complete items, the best has a goal, items whose period and annual values agree, and the shortest tail.
 */
function splitBody(project: ImportedProject, body: TextLine[], account: SourceAccount): void {
    const n = body.length;
    const starts = body.map((line, index) => FIRST_ITEM.test(line.text) ? index : -1).filter(index => index >= 0);
    let best: { split: BodySplit; score: number[] } | undefined;
    const consider = (start: number, cut: number, resume: number) => {
        const indicators = [...body.slice(start, cut), ...body.slice(resume)];
        const goal = [...body.slice(0, start), ...body.slice(cut, resume)];
        const parsed = parseIndicatorCell(joinLines(indicators));
        if (!isCompleteIndicatorCell(parsed)) {
            return;
        }
        const agreeing = parsed.items.filter(item => item.period === item.annual).length;
        const score = [goal.length > 0 ? 1 : 0, agreeing, -(n - resume)];
        if (!best || compareScores(score, best.score) > 0) {
            best = { split: { goal, indicators, parsed }, score };
        }
    };
    for (const start of starts) {
        consider(start, n, n);
        // Only look for an interrupted cell when the plain split is not already fully convincing.
        if (best && best.score[0] === 1 && best.score[1] === best.split.parsed.items.length) {
            continue;
        }
        for (let cut = start + 1; cut < n; cut++) {
            for (let resume = cut + 1; resume <= n; resume++) {
                consider(start, cut, resume);
            }
        }
    }
    if (!best) {
        // No reading as complete items: take what reads, report the rest.
        const start = starts[0] ?? n;
        const goal = body.slice(0, start);
        const indicators = body.slice(start);
        best = { split: { goal, indicators, parsed: parseIndicatorCell(joinLines(indicators)) }, score: [] };
    }
    const { goal, indicators, parsed } = best.split;
    const goalText = joinLines(goal).trim();
    if (goalText) {
        project.goal = [goalText];
    }
    markLines(account, goal, 'mapped');
    addIndicatorCell(project, indicators, account, parsed);
}

/** The indicator cell (its wrapped lines, already parsed) as the project's indicators; what does not read is noted with its line. */
export function addIndicatorCell(project: ImportedProject, indicators: TextLine[], account: SourceAccount, parsed: ParsedIndicatorCell = parseIndicatorCell(joinLines(indicators))): void {
    const lineAt = offsetToLine(indicators);
    markLines(account, indicators, 'mapped');
    project.indicators = parsed.items.map((item): ImportedIndicator => ({
        position: lineAt(item.offset),
        ...(item.groupCode !== undefined ? { groupCode: item.groupCode } : {}),
        ...(item.groupLabel !== undefined ? { groupLabel: item.groupLabel } : {}),
        ...(item.categoryCode !== undefined ? { categoryCode: item.categoryCode } : {}),
        ...(item.categoryLabel !== undefined ? { categoryLabel: item.categoryLabel } : {}),
        name: item.name.trim(),
        period: item.period.trim(),
        annual: item.annual.trim()
    }));
    for (const leftover of parsed.leftovers) {
        markJoined(account, indicators, leftover.offset, leftover.end, 'kept');
        project.notes.push({ position: lineAt(leftover.offset), message: '绩效指标中无法识别的文字（应为“序号、一级指标；二级指标；指标名称；实施周期指标值:…；年度指标值:…。”）', text: leftover.text });
    }
    if (parsed.numberingProblems.length > 0) {
        project.notes.push({ position: project.position, message: `绩效指标序号不连续：${parsed.numberingProblems.join('，')}；已按出现顺序导入` });
    }
}

function compareScores(a: number[], b: number[]): number {
    for (let k = 0; k < a.length; k++) {
        if (a[k] !== b[k]) {
            return a[k] - b[k];
        }
    }
    return 0;
}

/** Wrapped lines joined as they were one line: a line break inside a cell is never a character. */
export function joinLines(lines: TextLine[]): string {
    return lines.map(line => line.text).join('');
}

function offsetToLine(lines: TextLine[]): (offset: number) => string {
    return offset => {
        let end = 0;
        for (const line of lines) {
            end += line.text.length;
            if (offset < end) {
                return linePosition(line);
            }
        }
        return lines.length > 0 ? linePosition(lines.at(-1)!) : '第0行';
    };
}
