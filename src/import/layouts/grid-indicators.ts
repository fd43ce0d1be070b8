/**
 * Rows of an indicator grid (indicator-grid.ts) as imported indicators: level names carried down from the
 * row that states them, level-1 score ranges and the fixed 预算执行率 score read from the level-1 cell, a
 * comparator in its own column joined to the value (the unit column stays its own field), a score glued to
 * the value split off. A row without a value, a blank level-2 row and cells no column takes are kept as notes.
 */
import type { ImportedIndicator, ImportNote } from '../import-model.js';
import type { SourceAccount } from '../source-account.js';
import { accepts, levelOf, type GridField, type GridHeader, type GridRecord } from './indicator-grid.js';
import { markCell, normalizeLabel, type LayoutCell } from './layout-cells.js';
import type { LevelScoreRange } from './layout-model.js';

/** The level names in force while reading a grid (merged cells state them once per group). */
export interface GroupState {
    level1?: string;
    level2?: string;
    level2Cell?: LayoutCell;
    level2Used: boolean;
}

/** Where a grid's rows go: a project's or a department's indicators, notes and scores. */
export interface GridTarget {
    indicators: ImportedIndicator[];
    notes: ImportNote[];
    scoreRanges?: LevelScoreRange[];
    executionScore?: string;
}

/** A score glued to the value when cells run together: ≥95%10, ≤3天5 (the value ends in a unit, the score is 1-2 digits). */
const GLUED_SCORE = /^(.*[%‰\u3400-\u9fff])(\d{1,2}(?:\.\d+)?)$/;
const FIELD_NAME = { comparator: '指标性质（≥ ≤ = ＞ ＜ 定性）', weight: '分值或权重', direction: '指标方向（正向/反向）', valueType: '指标值类型（定量/定性）' } as const;
const VALUE_FIELDS: readonly GridField[] = ['both', 'period', 'annual'];

export function addRecord(record: GridRecord, header: GridHeader, state: GroupState, target: GridTarget, account: SourceAccount): void {
    const cells = record.cells;
    const keep = (cell: LayoutCell, message: string) => {
        markCell(account, cell, 'kept');
        target.notes.push({ position: cell.position, message, text: cell.text });
    };
    for (const cell of record.extra) {
        keep(cell, '指标表中不属于任何一列的单元格，未写入文档');
    }
    // A grid column gives any text: what the grammar cannot hold in a typed column is kept, not dropped.
    for (const field of ['comparator', 'weight', 'direction', 'valueType'] as const) {
        const cell = cells[field];
        if (cell && !accepts(field, cell.text)) {
            keep(cell, `“${cell.text}”不是有效的${FIELD_NAME[field]}，未写入文档`);
            delete cells[field];
        }
    }
    if (cells.level1) {
        const level = levelOf(cells.level1.text, state.level1);
        markCell(account, cells.level1, 'mapped');
        if (level?.execution) {
            // The score: in the name (预算执行率(10)分) or the row's number, whichever column the row put it in.
            const scoreCell = level.min === undefined ? Object.values(cells).find(cell => cell !== cells.level1 && accepts('weight', cell.text)) : undefined;
            target.executionScore = level.min ?? scoreCell?.text.replace(/分$/, '');
            for (const cell of Object.values(cells)) {
                if (cell === cells.level1 || cell === scoreCell) {
                    markCell(account, cell, 'mapped');
                } else {
                    keep(cell, '预算执行率一行中的其他内容，未写入文档');
                }
            }
            return;
        }
        closeGroup(state, account, target.notes);
        state.level1 = level?.label ?? normalizeLabel(cells.level1.text);
        state.level2 = undefined;
        if (level?.min !== undefined) {
            target.scoreRanges?.push({ groupLabel: state.level1, min: level.min, ...(level.max ? { max: level.max } : {}) });
        }
    }
    if (cells.level2) {
        closeGroup(state, account, target.notes);
        markCell(account, cells.level2, 'mapped');
        state.level2 = levelOf(cells.level2.text, state.level1)?.label ?? normalizeLabel(cells.level2.text);
        state.level2Cell = cells.level2;
        state.level2Used = false;
    }
    const values = VALUE_FIELDS.filter(field => cells[field]);
    const rest = (Object.entries(cells) as Array<[GridField, LayoutCell]>)
        .filter(([field]) => !['level1', 'level2', 'unitName', 'project', 'budget', 'goal'].includes(field));
    if (values.length === 0) {
        if (rest.length > 0) {
            const name = cells.name ? `“${cells.name.text}”` : '';
            for (const [, cell] of rest) {
                keep(cell, `指标${name}没有指标值，未写入文档：请补上指标值`);
            }
            state.level2Used = true;
        }
        return;
    }
    if (!cells.name) {
        for (const [, cell] of rest) {
            keep(cell, '指标行没有指标名称（三级指标），未写入文档');
        }
        return;
    }
    state.level2Used = true;
    for (const [field, cell] of rest) {
        if (field === 'remark') {
            keep(cell, '备注，未写入文档');
        } else {
            markCell(account, cell, 'mapped');
        }
    }
    target.indicators.push(indicatorOf(record, header, state, target));
}

function indicatorOf(record: GridRecord, header: GridHeader, state: GroupState, target: GridTarget): ImportedIndicator {
    const cells = record.cells;
    let comparator = cells.comparator?.text ?? '';
    const valueType = normalizeLabel(cells.valueType?.text ?? (/^定[性量]$/.test(comparator) ? comparator : '')).replace(/指标$/, '');
    if (/^定[性量]$/.test(comparator)) {
        comparator = '';
    }
    let weight = cells.weight?.text.replace(/分$/, '');
    const valueOf = (cell: LayoutCell | undefined): string | undefined => {
        if (!cell) {
            return undefined;
        }
        const glued = header.fields.includes('weight') && weight === undefined ? GLUED_SCORE.exec(cell.text) : null;
        if (glued) {
            weight = glued[2];
            target.notes.push({ position: cell.position, message: `指标值与分值连写“${cell.text}”，已分为指标值“${glued[1]}”与分值 ${glued[2]}：请核对` });
            return comparator + glued[1];
        }
        return comparator + cell.text;
    };
    const both = valueOf(cells.both);
    const period = valueOf(cells.period);
    const annual = valueOf(cells.annual);
    const indicator: ImportedIndicator = {
        position: cells.name!.position,
        ...(state.level1 !== undefined ? { groupLabel: state.level1 } : {}),
        ...(state.level2 !== undefined ? { categoryLabel: state.level2 } : {}),
        name: cells.name!.text,
        period: both ?? period ?? annual!,
        annual: both ?? annual ?? period!
    };
    if (period !== undefined && annual !== undefined && header.periodLabel) {
        indicator.periodLabel = header.periodLabel;
    } else if (both === undefined && annual !== undefined) {
        indicator.annualOnly = true;
    }
    const direction = cells.direction?.text.replace(/指标$/, '');
    Object.assign(indicator,
        cells.unit ? { unit: cells.unit.text } : {},
        weight !== undefined ? { weight, weightLabel: header.weightLabel ?? '分值' } : {},
        direction === '正向' || direction === '反向' ? { direction } : {},
        valueType === '定量' || valueType === '定性' ? { valueType } : {},
        cells.explanation ? { explanation: cells.explanation.text } : {},
        cells.standard ? { standard: cells.standard.text } : {},
        cells.explanationStandard ? explanationAndStandard(cells.explanationStandard.text) : {},
        cells.scoring ? { scoring: cells.scoring.text } : {});
    return indicator;
}

/** The kinds of 绩效标准 (取值依据) a 101号 form names: what ends a shared 指标解释/绩效标准 cell is its standard. */
const STANDARD_KIND = /(?:计划|行业|历史|其他)标准$/;

function explanationAndStandard(text: string): Pick<ImportedIndicator, 'explanation' | 'standard'> {
    const standard = STANDARD_KIND.exec(text)?.[0];
    const explanation = standard ? text.slice(0, -standard.length).trim() : text;
    return { ...(explanation !== '' ? { explanation } : {}), ...(standard ? { standard } : {}) };
}

/** A level-2 row with no indicator under it (a template's blank row) is kept as a note, not dropped. */
export function closeGroup(state: GroupState, account: SourceAccount, notes: ImportNote[]): void {
    if (state.level2Cell && !state.level2Used) {
        markCell(account, state.level2Cell, 'kept');
        notes.push({ position: state.level2Cell.position, message: `二级指标“${state.level2}”下没有三级指标，未写入文档`, text: state.level2Cell.text });
    }
    state.level2Cell = undefined;
    state.level2Used = true;
}
