/** Indicators against the catalog, and the set of indicators of each project and of a whole-department table. */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { isProject, type Department, type Indicator, type PerfAstType, type Project } from '../generated/ast.js';
import { categoryOf, groupOf } from '../../model/indicators.js';
import { catalogOf, type PerfScopeProvider } from '../perf-scope.js';
import { report } from './rules.js';

export class IndicatorRules {

    constructor(private readonly scopes: PerfScopeProvider) {}

    checks(): ValidationChecks<PerfAstType> {
        return {
            Indicator: this.checkLevel1Fits.bind(this),
            Project: [
                this.checkHasIndicators.bind(this),
                this.checkIndicatorGroups.bind(this),
                this.checkDuplicateNames.bind(this)
            ],
            // A department's own indicators (部门整体绩效目标表) are checked as a project's are.
            Department: [this.checkIndicatorGroups.bind(this), this.checkDuplicateNames.bind(this)]
        };
    }

    /** `2/11`: 11-数量指标 belongs to 1-产出指标, not to 2. */
    checkLevel1Fits(indicator: Indicator, accept: ValidationAcceptor): void {
        const written = indicator.group?.ref;
        const owner = categoryOf(indicator)?.$container;
        if (!written || !owner || written === owner) {
            return;
        }
        report(accept, 'level1-mismatch',
            `二级指标 ${indicator.category?.$refText}-${categoryOf(indicator)!.label} 属于一级指标 ${owner.name}-${owner.label}，`
            + `而这里写的是 ${written.name}-${written.label}：请改为 ${owner.name}，或直接省略一级指标代码。`
            + '（the level-1 code does not fit the level-2 code）',
            { node: indicator, property: 'group' }, { replacement: owner.name });
    }

    checkHasIndicators(project: Project, accept: ValidationAcceptor): void {
        if (project.indicators.length === 0) {
            report(accept, 'no-indicators',
                `项目“${project.name}”没有绩效指标：请至少填写产出、效益和满意度指标。（a project without indicators）`,
                { node: project, property: 'name' });
        }
    }

    /** Every level-1 group of the catalog (产出, 效益, 满意度; 成本 in the 2021 one) needs an indicator. */
    checkIndicatorGroups(owner: Project | Department, accept: ValidationAcceptor): void {
        const catalog = catalogOf(owner, this.scopes);
        if (!catalog || owner.indicators.length === 0) {
            return;
        }
        const present = new Set(owner.indicators.map(groupOf));
        const missing = catalog.groups.filter(group => !present.has(group));
        if (missing.length > 0) {
            report(accept, 'missing-indicator-group',
                `${ownerText(owner)}没有${missing.map(group => group.label).join('、')}`
                + `（指标体系“${catalog.name}”的一级指标 ${missing.map(group => group.name).join('、')}）。`
                + '（a project without an indicator of each level-1 group）',
                { node: owner, property: 'name' }, { missing: missing.map(group => group.name) });
        }
    }

    checkDuplicateNames(owner: Project | Department, accept: ValidationAcceptor): void {
        const first = new Map<string, Indicator>();
        for (const indicator of owner.indicators) {
            const key = indicator.name?.trim();
            if (!key) {
                continue; // a name the parser could not read is reported as a syntax error
            }
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, indicator);
                continue;
            }
            report(accept, 'duplicate-indicator-name',
                `指标“${indicator.name}”在${ownerText(owner)}中重复（第 ${(earlier.$cstNode?.range.start.line ?? 0) + 1} 行已有）：`
                + '请合并或改名。（a duplicate indicator name）',
                { node: indicator, property: 'name' });
        }
    }
}

/** 项目“…” or 部门“…”, for messages. */
export function ownerText(owner: Project | Department): string {
    return `${isProject(owner) ? '项目' : '部门'}“${owner.name}”`;
}
