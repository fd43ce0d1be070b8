/**
 * The indicator grid every layout family shares: a header of column titles (一级指标 | 二级指标 | 三级指标 |
 * 指标值 …, in any order, with the columns each family adds), then one indicator per row. Level-1 and
 * level-2 cells stand only on the first row of their group (merged cells), level-2 rows may be blank, and a
 * level-1 name may carry its score range: 产出指标(40-50)分.
 *
 * From a grid, cells go to the column whose title stands at or left of them (a merged title covers the
 * columns under it). From text the columns are lost: cells are read in order, each going to the next
 * column that accepts it (a comparator, a weight, a direction and a value type are recognised by their
 * form), level names are recognised by their wording, and a row of several cells starts a new indicator.
 */
import { mapLevelName } from '../../catalog/level-names.js';
import type { LayoutCell } from './layout-cells.js';
import { normalizeLabel } from './layout-cells.js';

export type GridField =
    | 'unitName' | 'project' | 'budget' | 'goal'
    | 'level1' | 'level2' | 'name' | 'code'
    | 'both' | 'period' | 'annual' | 'comparator' | 'unit'
    | 'weight' | 'direction' | 'valueType' | 'explanation' | 'standard' | 'explanationStandard' | 'scoring' | 'remark';

const TITLES: ReadonlyArray<[GridField, RegExp]> = [
    ['unitName', /^(?:单位名称|预算单位(?:名称)?|部门[（(]单位[)）]名称)$/],
    ['project', /^项目名称$/],
    ['budget', /^(?:预算数|预算金额|项目预算|资金总额)$/],
    ['goal', /^(?:年度目标|年度绩效目标)$/],
    ['level1', /^一级指标(?:名称)?$/],
    ['level2', /^二级指标(?:名称)?$/],
    ['name', /^(?:三级指标(?:名称)?|指标名称|指标内容|具体指标)$/],
    ['code', /^(?:三级)?指标(?:编码|代码)$/],
    ['period', /^(?:实施期|长期|中期|实施周期)(?:绩效)?(?:指标值|目标值|目标)?$/],
    ['annual', /^年度(?:指标值|目标值)$|^年度$/],
    ['both', /^(?:指标值|目标值|预期指标值|绩效指标值)$/],
    ['comparator', /^(?:指标性质|运算符号?|比较符)$/],
    ['unit', /^(?:计量单位|度量单位|单位)$/],
    ['weight', /^(?:分值|权重|指标权重|权重[（(]%[)）])$/],
    ['direction', /^(?:指标方向性|指标方向|方向)$/],
    ['valueType', /^(?:指标值类型|指标类型)$/],
    ['explanation', /^(?:指标解释|指标说明)$/],
    ['standard', /^(?:绩效标准|取值依据|指标值确定依据|指标值设定依据)$/],
    // One column for both, as perf's 项目表 prints them: the explanation, then the standard on its own line.
    ['explanationStandard', /^指标解释[/／、及和与]?绩效标准$/],
    ['scoring', /^(?:评[（(]?扣[)）]?分标准|评分标准|扣分标准)$/],
    ['remark', /^备注$/]
];

/** The title's field; a unit in brackets (预算数（元）, 分值（分）) is not part of the title. */
export function gridFieldOf(text: string): GridField | undefined {
    const title = normalizeLabel(text).replace(/[（(](?:万元|元|分|%)[)）]$/, '');
    return TITLES.find(([, pattern]) => pattern.test(title))?.[0];
}

export interface GridHeader {
    /** The columns in order (text) and by grid column (grid). */
    fields: GridField[];
    columns: Array<{ column: number; field: GridField }>;
    /** Index of the first title cell and of the first cell after the header. */
    start: number;
    end: number;
    /** The title cell of each field (the writer prints the layout's own titles: these are mapped). */
    titles: Map<GridField, LayoutCell>;
    /** The long-term column's word (实施期 / 长期 / 中期 / 实施周期). */
    periodLabel?: string;
    weightLabel?: '分值' | '权重';
    /** 元 or 万元 when a title names it (预算数（元）). */
    unit?: string;
}

/**
 * The header at or after `from`: a run of column titles around a 一级指标 title, that names an indicator
 * and a value column. In a grid the titles are the cells of the title row (and of a second title row
 * under merged titles).
 */
export function findHeader(cells: readonly LayoutCell[], from: number, grid: boolean, limit = cells.length): GridHeader | undefined {
    for (let i = from; i < Math.min(cells.length, from + limit); i++) {
        if (gridFieldOf(cells[i].text) !== 'level1') {
            continue;
        }
        let start = i;
        while (start - 1 >= from && gridFieldOf(cells[start - 1].text) && (!grid || cells[start - 1].row === cells[i].row)) {
            start--;
        }
        let end = i + 1;
        const seen = new Set(cells.slice(start, end).map(cell => gridFieldOf(cell.text)));
        while (end < cells.length) {
            const field = gridFieldOf(cells[end].text);
            if (!field) {
                break;
            }
            // A second title row (all of its cells titles) may repeat a field: 实施期 | 年度 under 指标值.
            const repeats = seen.has(field) || (grid && cells[end].row !== cells[i].row);
            if (repeats && !(grid && rowOfTitles(cells, end))) {
                break;
            }
            seen.add(field);
            end++;
        }
        const header = headerOf(cells.slice(start, end), start, end);
        const fields = new Set(header.fields);
        if ((fields.has('name') || fields.has('level2')) && ['both', 'period', 'annual', 'comparator'].some(field => fields.has(field as GridField))) {
            return header;
        }
    }
    return undefined;
}

/** Whether every cell of the row that cell `index` is in is a column title (cells come row by row). */
function rowOfTitles(cells: readonly LayoutCell[], index: number): boolean {
    const row = cells[index].row;
    let first = index;
    while (first > 0 && cells[first - 1].row === row) {
        first--;
    }
    for (let k = first; k < cells.length && cells[k].row === row; k++) {
        if (!gridFieldOf(cells[k].text)) {
            return false;
        }
    }
    return true;
}

function headerOf(titleCells: LayoutCell[], start: number, end: number): GridHeader {
    const header: GridHeader = { fields: [], columns: [], start, end, titles: new Map() };
    for (const cell of titleCells) {
        const field = gridFieldOf(cell.text)!;
        const title = normalizeLabel(cell.text);
        header.unit ??= /[（(](万元|元)[)）]$/.exec(title)?.[1];
        if (field === 'period') {
            header.periodLabel = /^(实施期|长期|中期|实施周期)/.exec(title)![1];
        }
        if (field === 'weight') {
            header.weightLabel = title.startsWith('分值') ? '分值' : '权重';
        }
        header.titles.set(field, cell);
        if (cell.column !== undefined) {
            // A second title row refines the merged title above it (指标值 over 实施期 | 年度).
            header.columns = header.columns.filter(entry => entry.column !== cell.column);
            header.columns.push({ column: cell.column, field });
        }
        if (!header.fields.includes(field)) {
            header.fields.push(field);
        }
    }
    if (header.fields.includes('period') || header.fields.includes('annual')) {
        header.fields = header.fields.filter(field => field !== 'both');
        header.columns = header.columns.filter(entry => entry.field !== 'both');
    }
    header.columns.sort((a, b) => a.column - b.column);
    return header;
}

/** One row of the grid: the cell of each column it fills, and cells that fit no column. */
export interface GridRecord {
    cells: Partial<Record<GridField, LayoutCell>>;
    extra: LayoutCell[];
    position: string;
}

const STRICT: Partial<Record<GridField, RegExp>> = {
    comparator: /^(?:≥|≤|=|＝|＞|＜|>|<|≧|≦|>=|<=|大于等于|小于等于|大于|小于|等于|定性|定量)$/,
    valueType: /^(?:定量|定性)(?:指标)?$/,
    direction: /^(?:正向|反向)(?:指标)?$/,
    weight: /^\d{1,3}(?:\.\d+)?分?$/,
    code: /^\d{6}$/,
    budget: /^-?[\d,，]+(?:\.\d+)?(?:万元|元)?$/,
    unit: /^[^\s。，,；;：:、\d]{1,5}(?:\/[^\s。，,；;：:、\d]{1,4})?$|^%$/
};
/** Free-text columns that give way to a later column recognising the cell by its form. */
const OPTIONAL_TEXT: ReadonlySet<GridField> = new Set(['explanation', 'standard', 'explanationStandard', 'scoring', 'remark']);
/** The columns of the indicator itself (a level-1 name after them starts the next indicator). */
const INDICATOR_PART: readonly GridField[] = ['level1', 'level2', 'name', 'both', 'period', 'annual'];
/** A value rather than a name: a comparator or a number first. */
const VALUE_LIKE = /^(?:[≥≤=＝＞＜><≧≦]|大于|小于|不低于|不少于|不高于|不超过|\d)/;

export function accepts(field: GridField, text: string): boolean {
    const strict = STRICT[field];
    return strict ? strict.test(text) : true;
}

/** Where in `fields` from `pointer` a cell goes: the first column accepting it, unless an optional text column would take what a later column recognises. */
function fitIndex(fields: readonly GridField[], pointer: number, text: string): number {
    for (let k = pointer; k < fields.length; k++) {
        if (!accepts(fields[k], text)) {
            continue;
        }
        if (OPTIONAL_TEXT.has(fields[k])) {
            const later = fields.findIndex((field, index) => index > k && STRICT[field] !== undefined && accepts(field, text));
            if (later >= 0) {
                return later;
            }
        }
        return k;
    }
    return -1;
}

/** Reads the rows from the header's end until `isEnd` says a cell is no longer part of the grid. */
export function readRecords(
    cells: readonly LayoutCell[], header: GridHeader, grid: boolean, isEnd: (cell: LayoutCell, index: number) => boolean
): { records: GridRecord[]; next: number } {
    return grid && header.columns.length > 0 ? readGridRows(cells, header, isEnd) : readTextCells(cells, header, isEnd);
}

function readGridRows(cells: readonly LayoutCell[], header: GridHeader, isEnd: (cell: LayoutCell, index: number) => boolean): { records: GridRecord[]; next: number } {
    const records: GridRecord[] = [];
    let i = header.end;
    while (i < cells.length && !isEnd(cells[i], i)) {
        const row = cells[i].row;
        const record: GridRecord = { cells: {}, extra: [], position: cells[i].rowPosition };
        for (; i < cells.length && cells[i].row === row; i++) {
            const column = cells[i].column ?? 0;
            const field = [...header.columns].reverse().find(entry => entry.column <= column)?.field;
            if (field && !record.cells[field]) {
                record.cells[field] = cells[i];
            } else {
                record.extra.push(cells[i]);
            }
        }
        records.push(record);
    }
    return { records, next: i };
}

function readTextCells(cells: readonly LayoutCell[], header: GridHeader, isEnd: (cell: LayoutCell, index: number) => boolean): { records: GridRecord[]; next: number } {
    const { fields } = header;
    const rowSizes = new Map<number, number>();
    for (let k = header.end; k < cells.length; k++) {
        rowSizes.set(cells[k].row, (rowSizes.get(cells[k].row) ?? 0) + 1);
    }
    const records: GridRecord[] = [];
    let record: GridRecord | undefined;
    let pointer = 0;
    let lastField: GridField | undefined;
    const flush = () => {
        if (record && (Object.keys(record.cells).length > 0 || record.extra.length > 0)) {
            records.push(record);
        }
        record = undefined;
        lastField = undefined;
    };
    const assign = (cell: LayoutCell, k: number) => {
        record ??= { cells: {}, extra: [], position: cell.position };
        record.cells[fields[k]] = cell;
        pointer = k + 1;
        lastField = fields[k];
    };
    let level1: string | undefined;
    let i = header.end;
    let previousRow = -1;
    for (; i < cells.length && !isEnd(cells[i], i); i++) {
        const cell = cells[i];
        const rowSize = rowSizes.get(cell.row) ?? 1;
        if (cell.row !== previousRow && rowSize > 1) {
            // A row of several cells is one indicator; cells missing from it are the merged ones on the left:
            // the cells before its first level name end where that level's column is, else the row ends with the last column.
            flush();
            const row = cells.slice(i, i + rowSize);
            const levelAt = row.findIndex((candidate, k) => levelOf(candidate.text, level1, row[k + 1]?.text, row[k + 2]?.text) !== undefined);
            const levelField = levelAt >= 0 ? levelOf(row[levelAt].text, level1, row[levelAt + 1]?.text, row[levelAt + 2]?.text)!.level === 1 ? 'level1' : 'level2' : undefined;
            pointer = levelField && fields.includes(levelField) ? Math.max(0, fields.indexOf(levelField) - levelAt) : Math.max(0, fields.length - rowSize);
        }
        previousRow = cell.row;
        const level = levelOf(cell.text, level1, cells[i + 1]?.text, cells[i + 2]?.text);
        if (level?.level === 1 && fields.includes('level1')) {
            if (INDICATOR_PART.some(field => record?.cells[field])) {
                flush();
            }
            level1 = level.label;
            assign(cell, fields.indexOf('level1'));
            continue;
        }
        if (level?.level === 2 && fields.includes('level2')) {
            if (record?.cells.name || record?.cells.level2) {
                flush();
            }
            assign(cell, fields.indexOf('level2'));
            continue;
        }
        let k = fitIndex(fields, pointer, cell.text);
        if (k < 0) {
            const previous = record;
            const moved = previous && lastField && OPTIONAL_TEXT.has(lastField) && VALUE_LIKE.test(cell.text)
                ? previous.cells[lastField] : undefined;
            flush();
            const nameAt = fields.indexOf('name');
            if (moved && previous) {
                // What looked like the previous row's explanation was this row's name (its value follows).
                delete previous.cells[fields.find(field => previous.cells[field] === moved)!];
                assign(moved, nameAt);
            }
            k = fitIndex(fields, Math.max(0, moved ? nameAt + 1 : nameAt), cell.text);
        }
        if (k < 0) {
            record ??= { cells: {}, extra: [], position: cell.position };
            record.extra.push(cell);
            continue;
        }
        assign(cell, k);
    }
    flush();
    return { records, next: i };
}

export interface LevelName {
    level: 1 | 2;
    /** The name without its score range. */
    label: string;
    min?: string;
    max?: string;
    /** 预算执行率: the fixed-score row of 101号 forms, not an indicator group. */
    execution?: boolean;
}

const SCORE_RANGE = /^(.+?)\s*[（(]\s*(\d+)\s*(?:[-－~～—]\s*(\d+))?\s*分?\s*[)）]\s*分?$/;
/** A level name some built-in catalog knows, in its catalog or older wording (src/catalog/level-names.ts). */
const knownLevelName = (label: string, level: 1 | 2) => ['2015', '2021'].some(catalog => mapLevelName(label, level, catalog) !== undefined);
const COST_LEVEL2 = /^(?:经济成本|社会成本|生态环境成本)/;
const VALUE_OR_TYPE = /^(?:定量|定性|[≥≤=＝＞＜><]|\d)/;

/**
 * A level name as a form writes it (with an older wording or a score range), or undefined. `level1` is the
 * level-1 name in force, `next` the cell after (成本指标 is level 1 in 101号 forms, where the cost
 * level-2 names follow it, and level 2 under 产出指标 in older ones).
 */
export function levelOf(text: string, level1: string | undefined, next?: string, afterNext?: string): LevelName | undefined {
    const normalized = normalizeLabel(text);
    const range = SCORE_RANGE.exec(normalized);
    const label = range && /指标$|^预算执行率$/.test(range[1]) ? range[1] : normalized;
    const scores = range && label === range[1] ? { min: range[2], ...(range[3] ? { max: range[3] } : {}) } : {};
    if (label === '预算执行率') {
        return { level: 1, label, execution: true, ...scores };
    }
    if (knownLevelName(label, 1)) {
        // A cost level-2 name followed by a value is the indicator's name (成本指标 | 社会成本指标 | 定量 | 100).
        const costFollows = COST_LEVEL2.test(normalizeLabel(next ?? '')) && !VALUE_OR_TYPE.test(afterNext ?? '');
        const costUnderOutput = label === '成本指标' && !range && /产出/.test(level1 ?? '') && !costFollows;
        return costUnderOutput ? { level: 2, label } : { level: 1, label, ...scores };
    }
    if (knownLevelName(label, 2) && (!COST_LEVEL2.test(label) || /成本/.test(level1 ?? ''))) {
        return { level: 2, label };
    }
    return undefined;
}
