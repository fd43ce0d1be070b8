import type { Department, Indicator, PerfFile, Project } from '../language/generated/ast.js';
import { departmentFigures, projectFigures } from '../model/figures.js';
import { annualTarget, categoryOf, codeLabel, groupOf, periodTarget, targetText } from '../model/indicators.js';
import { unitOf } from '../model/summary-figures.js';
import { amountChanges } from './amount-changes.js';
import { compareTargets } from './compare-targets.js';
import {
    DIFF_FORMAT_VERSION, type ChangeStatus, type DepartmentDiff, type IndicatorChanges, type IndicatorDiff,
    type IndicatorSnapshot, type PerfDiff, type ProjectDiff, type TargetChange
} from './diff-model.js';
import { matchIndicators } from './match-indicators.js';
import { settingChanges } from './setting-changes.js';
import { matchDepartments, matchProjects } from './match-projects.js';
import { textChange } from './text-diff.js';

export interface DiffSide {
    /** A path or `REV:path`, as the user named it. */
    label: string;
    file: PerfFile;
}

/** The semantic diff of two versions of a table: departments, then their projects, then their indicators. */
export function diffFiles(old: DiffSide, updated: DiffSide, problems: string[] = []): PerfDiff {
    const matching = matchDepartments(old.file.departments, updated.file.departments);
    return {
        version: DIFF_FORMAT_VERSION,
        old: old.label,
        new: updated.label,
        departments: [
            ...matching.pairs.map(pair => diffDepartment(pair.old, pair.new)),
            ...matching.added.map(department => diffDepartment(undefined, department)),
            ...matching.removed.map(department => diffDepartment(department, undefined))
        ],
        problems
    };
}

function diffDepartment(old: Department | undefined, updated: Department | undefined): DepartmentDiff {
    const side = (department: Department | undefined) =>
        department && { figures: departmentFigures(department), unit: unitOf(department) };
    const matching = matchProjects(old?.projects ?? [], updated?.projects ?? []);
    const projects = [
        ...matching.pairs.map(pair => diffProject(pair.old, pair.new, pair.score, old, updated)),
        ...matching.added.map(project => diffProject(undefined, project, undefined, old, updated)),
        ...matching.removed.map(project => diffProject(project, undefined, undefined, old, updated))
    ];
    const amounts = amountChanges(side(old), side(updated));
    const settings = settingChanges(old, updated);
    const changed = amounts.length > 0 || settings.length > 0 || projects.some(project => project.status !== 'unchanged');
    const year = updated?.year ?? old?.year;
    return {
        status: statusOf(old?.name, updated?.name, changed),
        ...(old ? { oldName: old.name } : {}),
        ...(updated ? { newName: updated.name } : {}),
        unit: unitOf((updated ?? old)!),
        ...(year ? { year } : {}),
        settings,
        amounts,
        projects
    };
}

function diffProject(
    old: Project | undefined, updated: Project | undefined, similarity: number | undefined,
    oldDepartment: Department | undefined, newDepartment: Department | undefined
): ProjectDiff {
    const side = (project: Project | undefined, department: Department | undefined) =>
        project && department && { figures: projectFigures(project), unit: unitOf(department) };
    const amounts = amountChanges(side(old, oldDepartment), side(updated, newDepartment));
    const user = old && updated ? textChange(old.user ?? '', updated.user ?? '') : undefined;
    const goal = old && updated ? textChange(old.goal.join(''), updated.goal.join('')) : undefined;
    const indicators = diffIndicators(old?.indicators ?? [], updated?.indicators ?? []);
    const changed = amounts.length > 0 || user !== undefined || goal !== undefined || indicators.length > 0;
    return {
        status: statusOf(old?.name, updated?.name, changed),
        ...(old ? { oldName: old.name } : {}),
        ...(updated ? { newName: updated.name } : {}),
        ...(old && updated && similarity !== undefined ? { similarity: Math.round(similarity * 100) / 100 } : {}),
        amounts,
        ...(user ? { user } : {}),
        ...(goal ? { goal } : {}),
        indicators
    };
}

/** Only the indicators that differ: added, removed, renamed or changed, in the new version's order. */
function diffIndicators(olds: readonly Indicator[], news: readonly Indicator[]): IndicatorDiff[] {
    const matching = matchIndicators(olds, news);
    const diffs: IndicatorDiff[] = [];
    for (const pair of matching.pairs) {
        const before = snapshot(pair.old);
        const after = snapshot(pair.new);
        const changes = indicatorChanges(before, after);
        if (Object.keys(changes).length > 0) {
            diffs.push({ status: before.name === after.name ? 'changed' : 'renamed', old: before, new: after, changes });
        }
    }
    diffs.push(...matching.added.map(indicator => ({ status: 'added' as const, new: snapshot(indicator) })));
    diffs.push(...matching.removed.map(indicator => ({ status: 'removed' as const, old: snapshot(indicator) })));
    return diffs;
}

function indicatorChanges(old: IndicatorSnapshot, updated: IndicatorSnapshot): IndicatorChanges {
    const target = (before: string, after: string): TargetChange | undefined =>
        before === after ? undefined : { old: before, new: after, direction: compareTargets(before, after, updated.name) };
    const name = textChange(old.name, updated.name);
    const period = target(old.period, updated.period);
    const annual = target(old.annual, updated.annual);
    return {
        ...(old.category !== updated.category ? { category: { old: old.category, new: updated.category } } : {}),
        ...(name ? { name } : {}),
        ...(period ? { period } : {}),
        ...(annual ? { annual } : {})
    };
}

export function snapshot(indicator: Indicator): IndicatorSnapshot {
    return {
        group: codeLabel(groupOf(indicator), indicator.group?.$refText ?? ''),
        category: codeLabel(categoryOf(indicator), indicator.category?.$refText ?? ''),
        name: indicator.name,
        period: targetText(periodTarget(indicator)),
        annual: targetText(annualTarget(indicator))
    };
}

function statusOf(oldName: string | undefined, newName: string | undefined, changed: boolean): ChangeStatus {
    if (oldName === undefined) return 'added';
    if (newName === undefined) return 'removed';
    if (oldName !== newName) return 'renamed';
    return changed ? 'changed' : 'unchanged';
}
