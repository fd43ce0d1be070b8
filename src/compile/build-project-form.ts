/**
 * 项目表: one form per project in the shape of the 财预〔2021〕101号 项目支出绩效目标表 — metadata rows, the
 * project's funds, its goals, the indicator grid (一级 | 二级 | 三级 | long-term and annual values | 指标解释 |
 * 分值, level-1 names with their score range, the 预算执行率 row) and, when given, the cost breakdown.
 */
import type { Department, PerfFile, Project } from '../language/generated/ast.js';
import { cellText, projectFigures } from '../model/figures.js';
import { annualTarget, groupOf, periodTarget, targetText } from '../model/indicators.js';
import type { ProjectFormLayout } from './layouts.js';
import type { PublishedBlock, PublishedRow, PublishedSheet } from './official-table.js';
import { cell, explanationCell, fieldRow, joined, levelNames, mergedLevelCells, metaLine, row, sheetTitle, unitOf } from './sheet-parts.js';

type Labels = ProjectFormLayout['labels'];

export function buildProjectFormSheet(file: PerfFile, layout: ProjectFormLayout): PublishedSheet {
    const columns = layout.columns;
    const unit = unitOf(file);
    return {
        title: sheetTitle(layout, file),
        meta: metaLine(file, 4, columns.length - 4),
        columns,
        blocks: file.departments.flatMap(department =>
            department.projects.map(project => projectForm(department, project, layout.labels, unit, columns.length)))
    };
}

function projectForm(department: Department, project: Project, labels: Labels, unit: string, width: number): PublishedBlock {
    return {
        header: [],
        rows: [
            fieldRow(labels.project, project.name, width),
            ...metadataRows(department, project, labels, width),
            ...fundRows(project, labels, unit, width),
            ...goalRows(project, labels, width),
            ...indicatorRows(project, labels, width),
            ...costRows(project, labels, unit, width)
        ]
    };
}

/** Two label/value pairs to a row; 主管部门 and 实施单位 always (the form has them), the others when written. */
function metadataRows(department: Department, project: Project, labels: Labels, width: number): PublishedRow[] {
    const supervisor = project.supervisor === undefined ? ''
        : project.supervisorCode === undefined ? project.supervisor : `${project.supervisor}[${project.supervisorCode}]`;
    const optional: Array<[string, string | undefined]> = [
        [labels.attribute, project.attribute], [labels.kind, project.kind], [labels.nature, project.nature],
        [labels.dates, project.start === undefined ? undefined : `${project.start}-${project.end}`],
        [labels.manager, project.manager],
        ['资金使用单位', project.user && project.user !== department.name ? project.user : undefined],
        ...project.info.map((info): [string, string] => [info.key, info.value])
    ];
    const pairs: Array<[string, string]> = [
        [labels.supervisor, supervisor], [labels.implementer, project.implementer ?? ''],
        ...optional.filter((pair): pair is [string, string] => pair[1] !== undefined)
    ];
    const half = width / 2;
    const rows: PublishedRow[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
        const [label, value] = pairs[i];
        const next = pairs[i + 1];
        rows.push(next === undefined ? fieldRow(label, value, width) : row('field', [
            cell(label, 'label'), cell(value, 'text', { colSpan: half - 1 }),
            cell(next[0], 'label'), cell(next[1], 'text', { colSpan: half - 1 })
        ]));
    }
    return rows;
}

/** 项目资金: the total and the three sources as the 项目列表 prints them, then each named fund (其中 when 计入). */
function fundRows(project: Project, labels: Labels, unit: string, width: number): PublishedRow[] {
    const figures = projectFigures(project);
    const lines: Array<[string, string]> = [
        [labels.total, cellText(figures, 'total')],
        [labels.fiscal, cellText(figures, 'fiscal')],
        ...project.funds.filter(fund => fund.within === '财政拨款' || fund.within === 'fiscal')
            .map((fund): [string, string] => [labels.within(fund.name), fund.value]),
        [labels.specialAccount, cellText(figures, 'specialAccount')],
        [labels.other, cellText(figures, 'other')],
        ...project.funds.filter(fund => fund.within !== '财政拨款' && fund.within !== 'fiscal')
            .map((fund): [string, string] => [fund.within ? labels.within(fund.name) : fund.name, fund.value]),
        ...(project.midTermBudget === undefined ? [] : [[labels.midTermBudget, project.midTermBudget] as [string, string]])
    ];
    return lines.map(([label, amount], i) => row('field', [
        ...(i === 0 ? [cell(labels.funds(unit), 'label', { rowSpan: lines.length })] : []),
        cell(label, 'label', { colSpan: 3 }),
        cell(amount, 'amount', { colSpan: width - 4 })
    ]));
}

/** 总体目标: each goal the project writes (实施期/长期/中期 and 年度), two side by side, heading above text. */
function goalRows(project: Project, labels: Labels, width: number): PublishedRow[] {
    const goals = ([
        [labels.periodGoal, project.periodGoal], [labels.longTermGoal, project.longTermGoal], [labels.midTermGoal, project.midTermGoal],
        [labels.annualGoal, project.annualGoal.length > 0 ? project.annualGoal : project.goal],
        ...(project.annualGoal.length > 0 && project.goal.length > 0 ? [['绩效目标', project.goal]] : [])
    ] as Array<[string, string[]]>).filter(([, texts]) => texts.length > 0);
    if (goals.length === 0) {
        goals.push([labels.annualGoal, []]);
    }
    const rows: PublishedRow[] = [];
    const left = Math.floor((width - 1) / 2);
    for (let i = 0; i < goals.length; i += 2) {
        const pair = goals.slice(i, i + 2);
        const spans = pair.length === 2 ? [left, width - 1 - left] : [width - 1];
        const first = i === 0 ? [cell(labels.goals, 'label', { rowSpan: 2 * Math.ceil(goals.length / 2) })] : [];
        rows.push(row('field', [...first, ...pair.map(([label], j) => cell(label, 'heading', { colSpan: spans[j] }))]));
        rows.push(row('field', pair.map(([, texts], j) => cell(joined(texts), 'goal', { colSpan: spans[j] }))));
    }
    return rows;
}

/** The grid, its level-1 names with their score range (产出指标(40-50)分), and the 预算执行率 row when scored. */
function indicatorRows(project: Project, labels: Labels, width: number): PublishedRow[] {
    const periodLabel = project.indicators.find(indicator => indicator.periodLabel)?.periodLabel;
    const names = project.indicators.map(indicator => {
        const { level1, level2 } = levelNames(indicator);
        const group = groupOf(indicator);
        const score = group && project.scores.find(range => range.group?.ref === group);
        return { level1: score ? labels.levelScore(level1, score.min, score.max) : level1, level2 };
    });
    const levels = mergedLevelCells(names);
    const execution = project.executionScore === undefined ? [] : [row('indicator', [
        cell(labels.executionRate, 'text', { colSpan: 3 }), cell('', 'text', { colSpan: width - 5 }), cell(project.executionScore, 'number')
    ])];
    const rowCount = 1 + project.indicators.length + execution.length;
    return [
        row('header', [
            cell(labels.indicators, 'label', { rowSpan: rowCount }),
            ...[labels.level1, labels.level2, labels.level3, labels.periodValue(englishFree(periodLabel) ?? labels.defaultPeriodLabel),
                labels.annualValue, labels.explanation, labels.score].map(text => cell(text, 'heading'))
        ]),
        ...project.indicators.map((indicator, i) => row('indicator', [
            ...levels[i],
            cell(indicator.name, 'text'),
            cell(targetText(periodTarget(indicator)), 'text'),
            cell(targetText(annualTarget(indicator)), 'text'),
            explanationCell(indicator),
            cell(indicator.weight ?? '', 'number')
        ])),
        ...execution
    ];
}

/** The period label as the form prints it: the English aliases print as their Chinese word. */
function englishFree(label: string | undefined): string | undefined {
    const chinese: Record<string, string> = { period: '实施周期', 'long-term': '长期', 'mid-term': '中期' };
    return label === undefined ? undefined : chinese[label] ?? label;
}

/** 成本构成: item, amount, 测算依据, last year's actual. */
function costRows(project: Project, labels: Labels, unit: string, width: number): PublishedRow[] {
    if (project.costs.length === 0) {
        return [];
    }
    const basisSpan = width - 5;
    return [
        row('header', [
            cell(labels.costs, 'label', { rowSpan: 1 + project.costs.length }),
            cell(labels.costItem, 'heading', { colSpan: 2 }), cell(labels.costAmount(unit), 'heading'),
            cell(labels.costBasis, 'heading', { colSpan: basisSpan }), cell(labels.costPrior(unit), 'heading')
        ]),
        ...project.costs.map(cost => row('indicator', [
            cell(cost.name, 'text', { colSpan: 2 }), cell(cost.value, 'amount'),
            cell(cost.basis ?? '', 'text', { colSpan: basisSpan }), cell(cost.prior ?? '', 'amount')
        ]))
    ];
}
