/** The project period (起止时间) read as months: readable, in order, and around the department's 预算年度. */
import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { isDepartment, type PerfAstType, type Project } from '../generated/ast.js';
import { budgetYear, monthIndex, projectPeriod } from '../../model/period.js';
import { report } from './rules.js';

export class PeriodRules {

    checks(): ValidationChecks<PerfAstType> {
        return { Project: this.checkPeriod.bind(this) };
    }

    checkPeriod(project: Project, accept: ValidationAcceptor): void {
        const period = projectPeriod(project);
        if (!period) {
            return;
        }
        for (const property of ['start', 'end'] as const) {
            if (project[property] !== undefined && !period[property]) {
                report(accept, 'period-format',
                    `起止时间的${property === 'start' ? '起' : '止'}“${project[property]}”不是可读的年月：请写成 2023.07、2023.7 或 202307。`
                    + '（a period that is not a readable month）',
                    { node: project, property });
            }
        }
        const { start, end } = period;
        if (!start || !end) {
            return;
        }
        if (monthIndex(start) > monthIndex(end)) {
            report(accept, 'period-reversed',
                `项目“${project.name}”的起止时间 ${project.start}-${project.end} 起于止之后：请核对起止顺序。（a period that starts after it ends）`,
                { node: project, property: 'end' });
            return;
        }
        const department = AstUtils.getContainerOfType(project, isDepartment);
        const year = department && budgetYear(department);
        if (year !== undefined && (year < start.year || year > end.year)) {
            report(accept, 'year-outside-period',
                `预算年度 ${department!.year} 不在项目“${project.name}”的起止时间 ${project.start}-${project.end} 之内：`
                + '年度目标应落在实施期内，请核对预算年度或起止时间。（a budget year outside the project period）',
                { node: project, property: 'start' });
        }
    }
}
