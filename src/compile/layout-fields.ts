/**
 * The fields of a document that a layout requires or prints, by name: what each is called, the keyword that
 * writes it and whether a node has it (layout-problems.ts checks a document against a layout with them).
 */
import type { Department, Indicator, Project } from '../language/generated/ast.js';
import { targetText } from '../model/indicators.js';

export interface Field<Node> {
    /** The field as a budget officer knows it, and the keyword that writes it. */
    label: string;
    keyword: string;
    has: (node: Node) => boolean;
}

const text = (value: string | undefined) => value !== undefined;
const some = (values: readonly unknown[]) => values.length > 0;

export const PROJECT_FIELDS = {
    user: { label: '资金使用单位', keyword: '资金使用单位 "…"', has: p => text(p.user) },
    goal: { label: '绩效目标', keyword: '绩效目标 "…"', has: p => some(p.goal) },
    supervisor: { label: '主管部门', keyword: '主管部门 "…" 编码 "…"', has: p => text(p.supervisor) },
    implementer: { label: '实施单位', keyword: '实施单位 "…"', has: p => text(p.implementer) },
    attribute: { label: '项目属性', keyword: '项目属性 "…"', has: p => text(p.attribute) },
    kind: { label: '项目类别', keyword: '项目类别 "…"', has: p => text(p.kind) },
    nature: { label: '项目性质', keyword: '项目性质 "…"', has: p => text(p.nature) },
    dates: { label: '项目起止时间', keyword: '起止时间 2024.01-2024.12', has: p => text(p.start) },
    manager: { label: '项目负责人', keyword: '项目负责人 "…"', has: p => text(p.manager) },
    info: { label: '其他项目信息', keyword: '信息 "键" "值"', has: p => some(p.info) },
    funds: { label: '资金来源明细', keyword: '资金 "…" 金额', has: p => some(p.funds) },
    midTermBudget: { label: '中期预算', keyword: '中期预算 金额', has: p => text(p.midTermBudget) },
    periodGoal: { label: '实施期目标', keyword: '实施期目标 "…"', has: p => some(p.periodGoal) },
    annualGoal: { label: '年度目标', keyword: '年度目标 "…"', has: p => some(p.annualGoal) },
    longTermGoal: { label: '长期目标', keyword: '长期目标 "…"', has: p => some(p.longTermGoal) },
    midTermGoal: { label: '中期目标', keyword: '中期目标 "…"', has: p => some(p.midTermGoal) },
    costs: { label: '成本构成', keyword: '成本 "…" 金额', has: p => some(p.costs) },
    scores: { label: '一级指标分值范围', keyword: '分值范围 1 40-50', has: p => some(p.scores) },
    executionScore: { label: '预算执行率分值', keyword: '预算执行率 10', has: p => text(p.executionScore) }
} satisfies Record<string, Field<Project>>;

export const DEPARTMENT_FIELDS = {
    duties: { label: '部门职责', keyword: '部门职责 "…"', has: d => some(d.duties) },
    annualGoal: { label: '年度总体绩效目标', keyword: '年度目标 "…"', has: d => some(d.annualGoal) },
    funds: { label: '部门资金', keyword: '资金 "基本支出" 金额', has: d => some(d.funds) },
    indicators: { label: '部门整体绩效指标', keyword: '部门块中的指标行（如 11 "…" 指标值 ≥1个）', has: d => some(d.indicators) }
} satisfies Record<string, Field<Department>>;

export const INDICATOR_FIELDS = {
    // Layouts with one value column print the annual target there (the period one only when it stands alone).
    periodTarget: {
        label: '实施周期（长期、中期）指标值', keyword: '实施周期 <值> 年度 <值>',
        has: i => i.period !== undefined && i.annual !== undefined && targetText(i.period) !== targetText(i.annual)
    },
    code: { label: '三级指标编码', keyword: '编码', has: i => text(i.code) },
    weight: { label: '分值/权重', keyword: '分值', has: i => text(i.weight) },
    direction: { label: '指标方向性', keyword: '正向/反向', has: i => text(i.direction) },
    valueType: { label: '指标值类型', keyword: '定量/定性', has: i => text(i.valueType) },
    unit: { label: '计量单位', keyword: '计量单位 "…"', has: i => text(i.unit) },
    explanation: { label: '指标解释', keyword: '指标解释 "…"', has: i => text(i.explanation) },
    standard: { label: '绩效标准', keyword: '绩效标准 "…"', has: i => text(i.standard) },
    scoring: { label: '评(扣)分标准', keyword: '评分标准 "…"', has: i => text(i.scoring) },
    groupLabel: { label: '一级指标名称', keyword: '一级 "…"', has: i => text(i.groupLabel) },
    categoryLabel: { label: '二级指标名称', keyword: '二级 "…"', has: i => text(i.categoryLabel) }
} satisfies Record<string, Field<Indicator>>;

export type ProjectField = keyof typeof PROJECT_FIELDS;
export type DepartmentField = keyof typeof DEPARTMENT_FIELDS;
export type IndicatorField = keyof typeof INDICATOR_FIELDS;
