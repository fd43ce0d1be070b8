import type { AmountChange, DepartmentDiff, SettingChange, IndicatorDiff, IndicatorSnapshot, PerfDiff, ProjectDiff, TextChange } from './diff-model.js';
import { DIRECTION_LABEL, STATUS_LABEL } from './diff-model.js';
import { projectTitle, settingValue, summaryLine, targetChanges, yearTitle } from './diff-summary.js';

/**
 * The diff as plain text for a terminal, with Chinese labels. Text changes use git's word-diff marks:
 * [-removed-]{+added+}.
 */
export function renderText(diff: PerfDiff): string {
    const lines = [`perf diff: ${diff.old} → ${diff.new}`, summaryLine(diff)];
    for (const problem of diff.problems) {
        lines.push(`注意 (note): ${problem}`);
    }
    for (const department of diff.departments.filter(d => d.status !== 'unchanged')) {
        lines.push('', ...departmentLines(department));
    }
    return lines.join('\n') + '\n';
}

function departmentLines(department: DepartmentDiff): string[] {
    const name = department.status === 'renamed'
        ? `“${department.oldName}” → “${department.newName}”` : `“${department.newName ?? department.oldName}”`;
    const lines = [`部门${name}${yearTitle(department)}（${STATUS_LABEL[department.status]}，单位：${department.unit}）`];
    if (department.settings.length > 0) {
        lines.push(`  设置：${settingsText(department.settings)}`);
    }
    if (department.amounts.length > 0) {
        lines.push(`  金额：${amountsText(department.amounts)}`);
    }
    for (const project of department.projects.filter(p => p.status !== 'unchanged')) {
        lines.push(...projectLines(project).map(line => `  ${line}`));
    }
    return lines;
}

function projectLines(project: ProjectDiff): string[] {
    const similarity = project.status === 'renamed' && project.similarity !== undefined
        ? `，相似度 ${project.similarity.toFixed(2)}` : '';
    const lines = [`项目${projectTitle(project)}（${STATUS_LABEL[project.status]}${similarity}）`];
    if (project.amounts.length > 0) {
        lines.push(`  金额：${amountsText(project.amounts)}`);
    }
    if (project.user) {
        lines.push(`  资金使用单位：${textChangeText(project.user)}`);
    }
    if (project.goal) {
        lines.push(`  绩效目标：${textChangeText(project.goal)}`);
    }
    if (project.status === 'added' || project.status === 'removed') {
        const count = project.indicators.length;
        lines.push(`  绩效指标 ${count} 项${project.status === 'added' ? '（新增）' : '（删除）'}`);
        return lines;
    }
    for (const indicator of project.indicators) {
        lines.push(`  ${indicatorLine(indicator)}`);
    }
    return lines;
}

function settingsText(settings: SettingChange[]): string {
    return settings.map(change => `${change.label} ${settingValue(change.old)} → ${settingValue(change.new)}`).join('；');
}

export function amountsText(amounts: AmountChange[]): string {
    return amounts.map(a => `${a.label} ${a.old} → ${a.new}（${a.delta}）`).join('；');
}

function indicatorLine(indicator: IndicatorDiff): string {
    const status = STATUS_LABEL[indicator.status];
    if (indicator.status === 'added') {
        return `指标${status}：${indicatorText(indicator.new!)}`;
    }
    if (indicator.status === 'removed') {
        return `指标${status}：${indicatorText(indicator.old!)}`;
    }
    const changes = indicator.changes ?? {};
    const parts = [
        ...(changes.name ? [`名称 ${textChangeText(changes.name)}`] : []),
        ...(changes.category ? [`二级指标 ${changes.category.old} → ${changes.category.new}`] : []),
        ...targetChanges(indicator).map(t => `${t.label} ${t.old} → ${t.new}（${DIRECTION_LABEL[t.direction]}）`)
    ];
    return `指标${status}：${indicator.new!.category}“${indicator.new!.name}”：${parts.join('；')}`;
}

function indicatorText(indicator: IndicatorSnapshot): string {
    const targets = indicator.period === indicator.annual
        ? `指标值 ${indicator.period}` : `实施周期 ${indicator.period}，年度 ${indicator.annual}`;
    return `${indicator.category}“${indicator.name}” ${targets}`;
}

function textChangeText(change: TextChange): string {
    return change.parts.map(part =>
        part.kind === 'same' ? part.text : part.kind === 'removed' ? `[-${part.text}-]` : `{+${part.text}+}`).join('');
}
