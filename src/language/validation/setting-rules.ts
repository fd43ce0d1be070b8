/**
 * A setting or an indicator's field written twice: the grammar lets the fields come in any order, so the
 * parser would keep the last one silently.
 */
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { Department, Indicator, Project, type Amount, type PerfAstType } from '../generated/ast.js';
import { FUND_LABEL, fundKeyOf, type FundKey } from '../../model/figures.js';
import { report } from './rules.js';

/** The single-valued fields, by property, with the keyword a message names them by. */
const DEPARTMENT_SETTINGS: ReadonlyMap<string, string> = new Map([
    [Department.title, '表名'], [Department.year, '预算年度'], [Department.unit, '单位'], [Department.catalog, '指标体系'],
    [Department.layout, '表式']
]);
const PROJECT_SETTINGS: ReadonlyMap<string, string> = new Map([
    [Project.user, '资金使用单位'], [Project.supervisor, '主管部门'], [Project.supervisorCode, '主管部门编码'],
    [Project.implementer, '实施单位'], [Project.attribute, '项目属性'], [Project.kind, '项目类别'],
    [Project.nature, '项目性质'], [Project.start, '起止时间'], [Project.manager, '项目负责人'],
    [Project.midTermBudget, '中期预算'], [Project.executionScore, '预算执行率']
]);
// periodLabel and weightLabel come with period and weight: counting those counts them.
const INDICATOR_FIELDS: ReadonlyMap<string, string> = new Map([
    [Indicator.both, '指标值'], [Indicator.period, '实施周期（长期、中期）指标值'], [Indicator.annual, '年度指标值'],
    [Indicator.code, '三级指标编码'], [Indicator.weight, '分值（权重）'], [Indicator.direction, '指标方向（正向/反向）'],
    [Indicator.valueType, '指标值类型（定量/定性）'], [Indicator.unit, '计量单位'], [Indicator.explanation, '指标解释'],
    [Indicator.standard, '绩效标准'], [Indicator.scoring, '评分标准'], [Indicator.groupLabel, '一级指标名称'],
    [Indicator.categoryLabel, '二级指标名称']
]);

export class SettingRules {

    checks(): ValidationChecks<PerfAstType> {
        return {
            Department: (department, accept) => {
                this.checkRepeated(department, DEPARTMENT_SETTINGS, accept);
                this.checkRepeatedSources(department.amounts, accept);
            },
            Project: (project, accept) => {
                this.checkRepeated(project, PROJECT_SETTINGS, accept);
                this.checkRepeatedSources(project.amounts, accept);
            },
            Indicator: (indicator, accept) => this.checkRepeated(indicator, INDICATOR_FIELDS, accept)
        };
    }

    /**
     * One pass over the node's own CST children (an indicator line has a dozen), not one search per field; a
     * child's line is read only when its field comes again (a CST range is built on each read).
     */
    private checkRepeated(node: AstNode, fields: ReadonlyMap<string, string>, accept: ValidationAcceptor): void {
        const first = new Map<string, CstNode>();
        const children: readonly CstNode[] = isCompositeCstNode(node.$cstNode) ? node.$cstNode.content : [];
        for (const child of children) {
            const feature = assignedFeature(child.grammarSource);
            const label = feature && fields.get(feature);
            if (!label) {
                continue;
            }
            const earlier = first.get(feature);
            if (earlier === undefined) {
                first.set(feature, child);
                continue;
            }
            report(accept, 'duplicate-setting',
                `${label}写了两次（第 ${earlier.range.start.line + 1} 行已写过）：只保留一处，否则后写的会悄悄覆盖先写的。（a field written twice）`,
                { node, range: child.range });
        }
    }

    /** 合计 and 总计 are one column: writing both counts as twice. */
    private checkRepeatedSources(amounts: Amount[], accept: ValidationAcceptor): void {
        const first = new Map<FundKey, Amount>();
        for (const amount of amounts) {
            if (!amount.source) {
                continue;
            }
            const key = fundKeyOf(amount.source);
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, amount);
                continue;
            }
            const line = (earlier.$cstNode?.range.start.line ?? 0) + 1;
            report(accept, 'duplicate-setting',
                `${FUND_LABEL[key]}写了两次（第 ${line} 行已写过 ${earlier.source} ${earlier.value}）：只保留一处，否则后写的会悄悄覆盖先写的。`
                + '（a fund source written twice）',
                { node: amount, property: 'source' });
        }
    }
}

/**
 * The property a grammar element assigns to, kept by element: the grammar is fixed, and the search up its
 * containers (a type check per level) ran for every field of every indicator.
 */
const FEATURE_OF = new WeakMap<GrammarAST.AbstractElement, string | undefined>();
function assignedFeature(element: GrammarAST.AbstractElement | undefined): string | undefined {
    if (!element) {
        return undefined;
    }
    if (!FEATURE_OF.has(element)) {
        FEATURE_OF.set(element, AstUtils.getContainerOfType(element, GrammarAST.isAssignment)?.feature);
    }
    return FEATURE_OF.get(element);
}
