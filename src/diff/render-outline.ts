import type { Department, PerfFile, Project } from '../language/generated/ast.js';
import { departmentFigures, FUND_LABEL, projectFigures, SOURCE_KEYS, type FundKey, type RowFigures } from '../model/figures.js';
import { formatAmount } from '../model/money.js';
import { unitOf } from '../model/summary-figures.js';
import { snapshot } from './semantic-diff.js';

/**
 * One fact per line, each line naming its department and project: the form `perf diff --textconv` gives git,
 * so that git's own line diff of two versions reads as a list of changed facts (a moved project or a
 * reformatted file shows no change at all, since amounts are normalized and layout is gone).
 */
export function renderOutline(file: PerfFile): string {
    return file.departments.flatMap(departmentLines).map(line => `${line}\n`).join('');
}

function departmentLines(department: Department): string[] {
    const head = `部门 ${department.name}`;
    return [
        `${head} | 单位 ${unitOf(department)} | ${amountsText(departmentFigures(department))}`,
        ...(department.year ? [`${head} | 预算年度 ${department.year}`] : []),
        ...(department.title ? [`${head} | 表名 ${department.title}`] : []),
        ...(department.catalog ? [`${head} | 指标体系 ${department.catalog.$refText}`] : []),
        ...(department.layout ? [`${head} | 表式 ${department.layout}`] : []),
        ...department.projects.flatMap(project => projectLines(head, project))
    ];
}

function projectLines(departmentHead: string, project: Project): string[] {
    const head = `${departmentHead} | 项目 ${project.name}`;
    return [
        `${head} | ${amountsText(projectFigures(project))}`,
        ...(project.user ? [`${head} | 资金使用单位 ${project.user}`] : []),
        ...(project.goal.length > 0 ? [`${head} | 绩效目标 ${project.goal.join('')}`] : []),
        ...project.indicators.map(indicator => {
            const { category, name, period, annual } = snapshot(indicator);
            const targets = period === annual ? `指标值 ${period}` : `实施周期 ${period} | 年度 ${annual}`;
            return `${head} | 指标 ${category} ${name} | ${targets}`;
        })
    ];
}

/** "总计 24.00 | 财政拨款 24.00": the total and every non-zero source, as the table shows them. */
function amountsText(figures: RowFigures): string {
    const keys: FundKey[] = ['total', ...SOURCE_KEYS.filter(key => !figures.shown[key].isZero())];
    return keys.map(key => `${FUND_LABEL[key]} ${formatAmount(figures.shown[key])}`).join(' | ');
}
