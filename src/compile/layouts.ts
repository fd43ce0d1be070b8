/**
 * The layouts (表式) a table is published in, as data in one place: each says its title, its columns
 * (headings, widths), the labels it prints, which fields of a document it requires and which it prints.
 * The builders (build-*.ts) put a document into that shape; the writers know no layout.
 *
 * A typed module rather than JSON files beside catalogs/: every label a builder reads and every field a
 * layout names is checked by tsc, and the layouts travel inside the CLI, server and extension bundles
 * without a loader or a packaged folder. Adding a layout: docs/compile.md, "Adding a layout".
 */
import type { DepartmentField, IndicatorField, ProjectField } from './layout-fields.js';

export type LayoutShape = 'project-list' | 'project-form' | 'indicator-rows' | 'department';

export interface LayoutColumn {
    role: string;
    /** Spreadsheet character units. */
    width: number;
    htmlWidth: string;
}

interface LayoutBase<Shape extends LayoutShape, Labels> {
    /** What a document writes after 表式 and `perf compile --layout` takes. */
    name: string;
    /** The English alias (`layout "project-form"`, `--layout project-form`). */
    alias: string;
    description: string;
    shape: Shape;
    /** The title when the document names none (表名). */
    title: string;
    /** The visible title with the 预算年度; undefined where the layout has no place for it. */
    titleWithYear?: (title: string, year: string) => string;
    columns: LayoutColumn[];
    labels: Labels;
    /** Fields every project / the department must have in this layout: a missing one is an error naming it. */
    requires: { project: ProjectField[]; department: DepartmentField[] };
    /** Fields this layout prints: any other field the document has is named in a warning (never left out silently). */
    prints: { project: ProjectField[]; department: DepartmentField[]; indicator: IndicatorField[] };
}

export type ProjectListLayout = LayoutBase<'project-list', { department: string; unit: string }>;

export type ProjectFormLayout = LayoutBase<'project-form', {
    project: string; supervisor: string; implementer: string; attribute: string; kind: string; nature: string;
    dates: string; manager: string;
    funds: (unit: string) => string; total: string; fiscal: string; specialAccount: string; other: string;
    within: (name: string) => string; midTermBudget: string;
    goals: string; periodGoal: string; annualGoal: string; longTermGoal: string; midTermGoal: string;
    indicators: string; level1: string; level2: string; level3: string;
    /** The long-term value column, by the word the document writes (实施期指标值, 长期指标值…). */
    periodValue: (label: string) => string; defaultPeriodLabel: string; annualValue: string;
    explanation: string; score: string;
    /** 产出指标(40-50)分 */
    levelScore: (name: string, min: string, max?: string) => string;
    executionRate: string;
    costs: string; costItem: string; costAmount: (unit: string) => string; costBasis: string; costPrior: (unit: string) => string;
}>;

export type IndicatorRowsLayout = LayoutBase<'indicator-rows', {
    headings: (unit: string) => string[];
    /** 指标性质 of a value without comparator, and of a value that is not one number. */
    noComparator: string; qualitative: string;
}>;

export type DepartmentLayout = LayoutBase<'department', {
    department: string; funds: (unit: string) => string; duties: string; annualGoal: string;
    indicators: string; headings: string[]; quantitative: string; qualitative: string;
}>;

export type Layout = ProjectListLayout | ProjectFormLayout | IndicatorRowsLayout | DepartmentLayout;

const INDICATOR_BASICS: IndicatorField[] = ['groupLabel', 'categoryLabel'];

/** 多项目列表（广东）: one row per project, all indicators in one cell. The default; the reference table. */
export const PROJECT_LIST: ProjectListLayout = {
    name: '项目列表',
    alias: 'project-list',
    description: '多项目列表（广东）：一行一个项目，全部指标写在一个单元格；默认表式，南沙商务局参考表即此式样',
    shape: 'project-list',
    title: '项目支出绩效目标表（含转移支付项目）',
    // The reference states no 预算年度, so its title stays exactly as published; a title that names the year keeps it.
    titleWithYear: (title, year) => title.includes(year) ? title : `${year}年${title}`,
    columns: [
        { role: 'name', width: 28, htmlWidth: '14%' },
        { role: 'amount', width: 14, htmlWidth: '8%' },
        { role: 'amount', width: 14, htmlWidth: '8%' },
        { role: 'amount', width: 14, htmlWidth: '8%' },
        { role: 'amount', width: 14, htmlWidth: '8%' },
        { role: 'goal', width: 36, htmlWidth: '17%' },
        { role: 'indicators', width: 100, htmlWidth: '37%' }
    ],
    labels: { department: '部门名称：', unit: '单位：' },
    requires: { project: [], department: [] },
    prints: { project: ['user', 'goal'], department: [], indicator: ['periodTarget'] }
};

/** 一项目一表: the 财预〔2021〕101号 项目支出绩效目标表 and its provincial copies (申报表, 审批表, 批复表). */
export const PROJECT_FORM: ProjectFormLayout = {
    name: '项目表',
    alias: 'project-form',
    description: '一项目一表（财预〔2021〕101号项目支出绩效目标表及各地的申报表、审批表、批复表）：项目信息、资金、总体目标、指标表',
    shape: 'project-form',
    title: '项目支出绩效目标表',
    titleWithYear: (title, year) => `${title}（${year}年度）`,
    // 0 label | 1 一级 | 2 二级 | 3 三级 | 4 long-term value | 5 annual value | 6 指标解释 | 7 分值
    columns: [
        { role: 'label', width: 14, htmlWidth: '10%' },
        { role: 'level1', width: 14, htmlWidth: '11%' },
        { role: 'level2', width: 14, htmlWidth: '11%' },
        { role: 'level3', width: 26, htmlWidth: '20%' },
        { role: 'value', width: 16, htmlWidth: '12%' },
        { role: 'value', width: 16, htmlWidth: '12%' },
        { role: 'explanation', width: 22, htmlWidth: '17%' },
        { role: 'score', width: 8, htmlWidth: '7%' }
    ],
    labels: {
        project: '项目名称', supervisor: '主管部门及代码', implementer: '实施单位', attribute: '项目属性', kind: '项目类别',
        nature: '项目性质', dates: '项目起止时间', manager: '项目负责人',
        funds: unit => `项目资金（${unit}）`, total: '年度资金总额', fiscal: '其中：财政拨款', specialAccount: '财政专户拨款',
        other: '其他资金', within: name => `其中：${name}`, midTermBudget: '中期资金总额',
        goals: '总体目标', periodGoal: '实施期目标', annualGoal: '年度目标', longTermGoal: '长期目标', midTermGoal: '中期目标',
        indicators: '绩效指标', level1: '一级指标', level2: '二级指标', level3: '三级指标',
        periodValue: label => `${label}指标值`, defaultPeriodLabel: '实施期', annualValue: '年度指标值',
        explanation: '指标解释/绩效标准', score: '分值',
        levelScore: (name, min, max) => `${name}(${max === undefined ? min : `${min}-${max}`})分`,
        executionRate: '预算执行率',
        costs: '成本构成', costItem: '成本项目', costAmount: unit => `金额（${unit}）`, costBasis: '测算依据',
        costPrior: unit => `上年实际（${unit}）`
    },
    requires: { project: ['supervisor', 'implementer'], department: [] },
    prints: {
        project: ['user', 'goal', 'supervisor', 'implementer', 'attribute', 'kind', 'nature', 'dates', 'manager', 'info',
            'funds', 'midTermBudget', 'periodGoal', 'annualGoal', 'longTermGoal', 'midTermGoal', 'costs', 'scores', 'executionScore'],
        department: [],
        indicator: [...INDICATOR_BASICS, 'periodTarget', 'weight', 'explanation', 'standard']
    }
};

/** 一指标一行 (四川申报表 and similar): comparator, number and unit in their own columns, weight, direction. */
export const INDICATOR_ROWS: IndicatorRowsLayout = {
    name: '指标行',
    alias: 'indicator-rows',
    description: '一指标一行（四川申报表等）：单位、项目、预算数、年度目标、三级指标，指标性质、指标值、度量单位分列，权重与指标方向性',
    shape: 'indicator-rows',
    title: '项目支出绩效目标申报表',
    titleWithYear: (title, year) => `${year}年度${title}`,
    columns: [
        { role: 'name', width: 18, htmlWidth: '8%' },
        { role: 'name', width: 20, htmlWidth: '10%' },
        { role: 'amount', width: 12, htmlWidth: '7%' },
        { role: 'goal', width: 30, htmlWidth: '15%' },
        { role: 'level1', width: 10, htmlWidth: '6%' },
        { role: 'level2', width: 12, htmlWidth: '7%' },
        { role: 'level3', width: 24, htmlWidth: '14%' },
        { role: 'comparator', width: 8, htmlWidth: '6%' },
        { role: 'value', width: 14, htmlWidth: '9%' },
        { role: 'unit', width: 8, htmlWidth: '6%' },
        { role: 'score', width: 6, htmlWidth: '5%' },
        { role: 'direction', width: 8, htmlWidth: '7%' }
    ],
    labels: {
        headings: unit => ['单位名称', '项目名称', `预算数（${unit}）`, '年度目标', '一级指标', '二级指标', '三级指标',
            '指标性质', '指标值', '度量单位', '权重', '指标方向性'],
        noComparator: '=', qualitative: '定性'
    },
    requires: { project: [], department: [] },
    prints: {
        project: ['user', 'goal', 'annualGoal'],
        department: [],
        indicator: [...INDICATOR_BASICS, 'unit', 'weight', 'direction']
    }
};

/** 部门整体绩效目标表: the department's duties, its annual goal and its own indicators. */
export const DEPARTMENT_WHOLE: DepartmentLayout = {
    name: '部门整体',
    alias: 'department',
    description: '部门整体绩效目标表：部门职责、年度总体绩效目标，以及属于部门（不属于某个项目）的指标',
    shape: 'department',
    title: '部门整体绩效目标表',
    titleWithYear: (title, year) => `${title}（${year}年度）`,
    // 0 label/一级 | 1 二级 | 2 三级 | 3 指标值类型 | 4 指标值 | 5 计量单位 | 6 指标解释 | 7 评(扣)分标准
    columns: [
        { role: 'label', width: 16, htmlWidth: '12%' },
        { role: 'level2', width: 14, htmlWidth: '11%' },
        { role: 'level3', width: 24, htmlWidth: '18%' },
        { role: 'value-type', width: 8, htmlWidth: '7%' },
        { role: 'value', width: 14, htmlWidth: '11%' },
        { role: 'unit', width: 8, htmlWidth: '7%' },
        { role: 'explanation', width: 20, htmlWidth: '16%' },
        { role: 'scoring', width: 24, htmlWidth: '18%' }
    ],
    labels: {
        department: '部门名称', funds: unit => `年度预算（${unit}）`, duties: '部门职责', annualGoal: '年度总体绩效目标',
        indicators: '绩效指标',
        headings: ['一级指标', '二级指标', '三级指标', '指标值类型', '指标值', '计量单位', '指标解释', '评(扣)分标准'],
        quantitative: '定量', qualitative: '定性'
    },
    requires: { project: [], department: ['duties', 'annualGoal', 'indicators'] },
    prints: {
        project: [],
        department: ['duties', 'annualGoal', 'funds', 'indicators'],
        indicator: [...INDICATOR_BASICS, 'valueType', 'unit', 'explanation', 'standard', 'scoring']
    }
};

export const LAYOUTS: readonly Layout[] = [PROJECT_LIST, PROJECT_FORM, INDICATOR_ROWS, DEPARTMENT_WHOLE];

export const DEFAULT_LAYOUT: Layout = PROJECT_LIST;

/** The layout called `name` (its Chinese name or English alias), or undefined. */
export function layoutNamed(name: string): Layout | undefined {
    const key = name.trim();
    return LAYOUTS.find(layout => layout.name === key || layout.alias === key.toLowerCase());
}

/** What `--layout` and 表式 accept, for messages: 项目列表 (project-list), … */
export function layoutNames(): string {
    return LAYOUTS.map(layout => `${layout.name} (${layout.alias})`).join('、');
}
