/**
 * The 项目支出绩效目标表 as a long CSV for analysis: one row per indicator (a project without indicators
 * still gets one row), with the project's published amounts, the indicator's codes and names, the typed
 * meaning of both targets (parseThreshold) and the targets as written. UTF-8 with BOM; cells that a
 * spreadsheet would run as a formula are escaped as csv-columns.ts describes.
 */
import { stringify } from 'csv-stringify/sync';
import type { Department, Indicator, PerfFile, Project } from '../language/generated/ast.js';
import { cellText, projectFigures } from '../model/figures.js';
import { annualTarget, categoryOf, groupOf, periodTarget, targetText } from '../model/indicators.js';
import { parseThreshold, type Threshold } from '../model/threshold.js';
import {
    CSV_HEADERS, CSV_KEYS, escapeCsvCell, LAYOUT_CSV_COLUMNS, UTF8_BOM, type CsvRecord, type LayoutCsvRecord
} from './csv-columns.js';
import { documentLayout } from './document-layout.js';
import { INDICATOR_ROWS, type Layout } from './layouts.js';
import { directionText, valueTypeText } from './sheet-parts.js';
import { indicatorRowTarget } from './target-columns.js';

/**
 * The CSV text, BOM first, CRLF line ends (what Excel writes and expects). In a layout other than 项目列表 the
 * rows also carry LAYOUT_CSV_COLUMNS, and the department's own indicators follow its projects (项目名称 empty).
 */
export function renderCsv(file: PerfFile, layout: Layout = documentLayout(file)): string {
    const stringified = (keys: readonly string[], records: Array<Record<string, string>>) =>
        records.map(record => keys.map(key => escapeCsvCell(record[key])));
    if (layout.shape === 'project-list') {
        return UTF8_BOM + stringify([[...CSV_HEADERS], ...stringified(CSV_KEYS, csvRecords(file))], { record_delimiter: 'windows' });
    }
    const keys = [...CSV_KEYS, ...LAYOUT_CSV_COLUMNS.map(column => column.key)];
    const headers = [...CSV_HEADERS, ...LAYOUT_CSV_COLUMNS.map(column => column.header)];
    return UTF8_BOM + stringify([headers, ...stringified(keys, layoutCsvRecords(file))], { record_delimiter: 'windows' });
}

/** The rows of a layout other than 项目列表: each indicator's layout fields beside the long-format columns. */
function layoutCsvRecords(file: PerfFile): Array<CsvRecord & LayoutCsvRecord> {
    return file.departments.flatMap(department => [
        ...department.projects.flatMap(project => {
            const records = projectRecords(department, project);
            return records.map((record, i) => ({ ...record, ...layoutCells(project.indicators[i]) }));
        }),
        ...department.indicators.map((indicator, i) => ({
            department: department.name, project: '', user: '', total: '', fiscal: '', specialAccount: '', other: '',
            goal: department.annualGoal.join(''), ...indicatorCells(indicator, i + 1), ...layoutCells(indicator)
        }))
    ]);
}

function layoutCells(indicator: Indicator | undefined): LayoutCsvRecord {
    const target = indicator && indicatorRowTarget(indicator, INDICATOR_ROWS.labels);
    return {
        code: indicator?.code ?? '',
        level1Label: indicator?.groupLabel ?? '',
        level2Label: indicator?.categoryLabel ?? '',
        comparatorColumn: target?.comparator ?? '',
        valueColumn: target?.value ?? '',
        unitColumn: target?.unit ?? '',
        weight: indicator?.weight ?? '',
        direction: indicator ? directionText(indicator) : '',
        valueType: indicator ? valueTypeText(indicator) : '',
        explanation: indicator?.explanation ?? '',
        standard: indicator?.standard ?? '',
        scoring: indicator?.scoring ?? ''
    };
}

/** The rows before escaping, in document order. */
export function csvRecords(file: PerfFile): CsvRecord[] {
    return file.departments.flatMap(department =>
        department.projects.flatMap(project => projectRecords(department, project)));
}

function projectRecords(department: Department, project: Project): CsvRecord[] {
    const figures = projectFigures(project);
    const projectCells = {
        department: department.name,
        project: project.name,
        user: project.user ?? '',
        total: cellText(figures, 'total'),
        fiscal: cellText(figures, 'fiscal'),
        specialAccount: cellText(figures, 'specialAccount'),
        other: cellText(figures, 'other'),
        goal: project.goal.join('')
    };
    if (project.indicators.length === 0) {
        return [{ ...projectCells, ...indicatorCells(undefined, 0) }];
    }
    return project.indicators.map((indicator, index) => ({ ...projectCells, ...indicatorCells(indicator, index + 1) }));
}

type IndicatorCells = Omit<CsvRecord, 'department' | 'project' | 'user' | 'total' | 'fiscal' | 'specialAccount' | 'other' | 'goal'>;

function indicatorCells(indicator: Indicator | undefined, position: number): IndicatorCells {
    if (!indicator) {
        return {
            position: '', level1Code: '', level1Name: '', level2Code: '', level2Name: '', indicator: '',
            ...typedCells('period', undefined), ...typedCells('annual', undefined), periodText: '', annualText: ''
        };
    }
    const group = groupOf(indicator);
    const category = categoryOf(indicator);
    const periodText = targetText(periodTarget(indicator));
    const annualText = targetText(annualTarget(indicator));
    return {
        position: String(position),
        level1Code: group?.name ?? indicator.group?.$refText ?? '',
        level1Name: group?.label ?? '',
        level2Code: category?.name ?? indicator.category?.$refText ?? '',
        level2Name: category?.label ?? '',
        indicator: indicator.name,
        ...typedCells('period', parseThreshold(periodText, indicator.name)),
        ...typedCells('annual', parseThreshold(annualText, indicator.name)),
        periodText,
        annualText
    };
}

/**
 * Kind, comparator (ge/le/gt/lt/eq/ne), exact number and canonical unit of a target. Only a single quantity
 * has a number; a grade (IP65) has a comparator only; composite and qualitative targets are left to the
 * text-as-written column.
 */
function typedCells<P extends 'period' | 'annual'>(prefix: P, threshold: Threshold | undefined)
    : Record<`${P}${'Kind' | 'Comparator' | 'Number' | 'Unit'}`, string> {
    let kind = '', comparator = '', number = '', unit = '';
    if (threshold) {
        kind = threshold.kind;
        if (threshold.kind === 'quantity') {
            comparator = threshold.comparator;
            number = threshold.value.toFixed(); // toFixed() without digits never uses exponent notation
            unit = threshold.unit ?? '';
        } else if (threshold.kind === 'grade') {
            comparator = threshold.comparator;
        }
    }
    return {
        [`${prefix}Kind`]: kind, [`${prefix}Comparator`]: comparator,
        [`${prefix}Number`]: number, [`${prefix}Unit`]: unit
    } as Record<`${P}${'Kind' | 'Comparator' | 'Number' | 'Unit'}`, string>;
}
