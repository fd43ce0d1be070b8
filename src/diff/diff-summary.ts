import type { ChangeStatus, DepartmentDiff, IndicatorDiff, PerfDiff, ProjectDiff, TargetDirection } from './diff-model.js';
import { DIRECTION_LABEL, STATUS_LABEL } from './diff-model.js';

export interface DiffCounts {
    projects: Record<ChangeStatus, number>;
    indicators: Record<IndicatorDiff['status'], number>;
    directions: Record<TargetDirection, number>;
}

export function countChanges(diff: PerfDiff): DiffCounts {
    const counts: DiffCounts = {
        projects: { added: 0, removed: 0, renamed: 0, changed: 0, unchanged: 0 },
        indicators: { added: 0, removed: 0, renamed: 0, changed: 0 },
        directions: { tightened: 0, loosened: 0, raised: 0, lowered: 0, equivalent: 0, changed: 0 }
    };
    for (const project of diff.departments.flatMap(department => department.projects)) {
        counts.projects[project.status]++;
        for (const indicator of project.indicators) {
            counts.indicators[indicator.status]++;
            for (const target of targetChanges(indicator)) {
                counts.directions[target.direction]++;
            }
        }
    }
    return counts;
}

/** The target changes of an indicator; one when both targets changed alike (a shared 指标值). */
export function targetChanges(indicator: IndicatorDiff): Array<{ label: string; old: string; new: string; direction: TargetDirection }> {
    const { period, annual } = indicator.changes ?? {};
    if (period && annual && period.old === annual.old && period.new === annual.new) {
        return [{ label: '指标值', ...period }];
    }
    return [
        ...(period ? [{ label: '实施周期指标值', ...period }] : []),
        ...(annual ? [{ label: '年度指标值', ...annual }] : [])
    ];
}

/** "项目：新增 1、改名 1、修改 2；指标：新增 3、修改 4（指标值收紧 2、放宽 1）", or a sentence saying nothing changed. */
export function summaryLine(diff: PerfDiff): string {
    if (diff.departments.every(department => department.status === 'unchanged')) {
        return '两个版本在内容上没有差异。(no semantic differences)';
    }
    const counts = countChanges(diff);
    const list = (entries: Array<[string, number]>) =>
        entries.filter(([, count]) => count > 0).map(([label, count]) => `${label} ${count}`).join('、');
    const statuses = ['added', 'removed', 'renamed', 'changed'] as const;
    const departmentCounts = statuses.map(status =>
        [STATUS_LABEL[status], diff.departments.filter(department => department.status === status).length] as [string, number]);
    const departments = list(departmentCounts);
    const projects = list(statuses.map(status => [STATUS_LABEL[status], counts.projects[status]]));
    const indicators = list(statuses.map(status => [STATUS_LABEL[status], counts.indicators[status]]));
    const directions = list((['tightened', 'loosened', 'raised', 'lowered', 'equivalent', 'changed'] as const)
        .map(direction => [DIRECTION_LABEL[direction], counts.directions[direction]]));
    return [
        departments ? `部门：${departments}` : '',
        projects ? `项目：${projects}` : '',
        indicators ? `指标：${indicators}` : '',
        directions ? `指标值：${directions}` : ''
    ].filter(Boolean).join('；');
}

/** " 2026 年度" after a department's name when its 预算年度 is written. */
export function yearTitle(department: DepartmentDiff): string {
    return department.year ? ` ${department.year} 年度` : '';
}

/** A setting as the diff shows it: "（未写）" for one a version does not write. */
export function settingValue(value: string): string {
    return value === '' ? '（未写）' : value;
}

export function projectTitle(project: ProjectDiff): string {
    if (project.status === 'renamed') {
        return `“${project.oldName}” → “${project.newName}”`;
    }
    return `“${project.newName ?? project.oldName}”`;
}
