import type { AmountChange, DepartmentDiff, IndicatorDiff, PerfDiff, ProjectDiff, TextChange } from './diff-model.js';
import { DIRECTION_LABEL, STATUS_LABEL } from './diff-model.js';
import { settingValue, summaryLine, targetChanges, yearTitle } from './diff-summary.js';

/** The diff as Markdown for a pull-request comment: a summary, then one section per changed project. */
export function renderMarkdown(diff: PerfDiff): string {
    const lines = [`### 绩效目标表变更：\`${code(diff.old)}\` → \`${code(diff.new)}\``, '', `**摘要**：${escapeMarkdown(summaryLine(diff))}`];
    if (diff.problems.length > 0) {
        lines.push('', '> [!WARNING]', '> 有语法错误，比较结果可能不完整：', ...diff.problems.map(p => `> - ${escapeMarkdown(p)}`));
    }
    for (const department of diff.departments.filter(d => d.status !== 'unchanged')) {
        lines.push('', ...departmentSection(department));
    }
    return lines.join('\n') + '\n';
}

function departmentSection(department: DepartmentDiff): string[] {
    const name = department.status === 'renamed'
        ? `${escapeMarkdown(department.oldName!)} → ${escapeMarkdown(department.newName!)}` : escapeMarkdown(department.newName ?? department.oldName!);
    const lines = [`#### 部门：${name}${yearTitle(department)}（${STATUS_LABEL[department.status]}，单位：${department.unit}）`];
    if (department.settings.length > 0) {
        lines.push('', '| 设置 | 原 | 新 |', '| --- | --- | --- |',
            ...department.settings.map(change => `| ${change.label} | ${escapeMarkdown(settingValue(change.old))} | ${escapeMarkdown(settingValue(change.new))} |`));
    }
    if (department.amounts.length > 0) {
        lines.push('', ...amountTable(department.amounts));
    }
    for (const project of department.projects.filter(p => p.status !== 'unchanged')) {
        lines.push('', ...projectSection(project));
    }
    return lines;
}

function projectSection(project: ProjectDiff): string[] {
    const title = project.status === 'renamed'
        ? `${escapeMarkdown(project.oldName!)} → ${escapeMarkdown(project.newName!)}（改名，相似度 ${project.similarity?.toFixed(2)}）`
        : `${escapeMarkdown(project.newName ?? project.oldName!)}（${STATUS_LABEL[project.status]}）`;
    const lines = [`##### 项目：${title}`];
    if (project.amounts.length > 0) {
        lines.push('', ...amountTable(project.amounts));
    }
    if (project.user) {
        lines.push('', `**资金使用单位**：${textChangeMarkdown(project.user)}`);
    }
    if (project.goal) {
        lines.push('', `**绩效目标**：${textChangeMarkdown(project.goal)}`);
    }
    if (project.indicators.length > 0) {
        lines.push('', '| 变更 | 二级指标 | 指标名称 | 原指标值 | 新指标值 | 方向 |', '| --- | --- | --- | --- | --- | --- |');
        lines.push(...project.indicators.flatMap(indicatorRows));
    }
    return lines;
}

function amountTable(amounts: AmountChange[]): string[] {
    return [
        '| 资金来源 | 原金额 | 新金额 | 增减 |',
        '| --- | ---: | ---: | ---: |',
        ...amounts.map(a => `| ${a.label} | ${a.old} | ${a.new} | ${a.delta} |`)
    ];
}

function indicatorRows(indicator: IndicatorDiff): string[] {
    const status = STATUS_LABEL[indicator.status];
    const snapshot = (indicator.new ?? indicator.old)!;
    const targets = (side: typeof snapshot | undefined) => side === undefined ? '' : side.period === side.annual
        ? escapeMarkdown(side.period) : `实施周期 ${escapeMarkdown(side.period)}；年度 ${escapeMarkdown(side.annual)}`;
    const name = indicator.changes?.name ? textChangeMarkdown(indicator.changes.name) : escapeMarkdown(snapshot.name);
    const category = indicator.changes?.category
        ? `${escapeMarkdown(indicator.changes.category.old)} → ${escapeMarkdown(indicator.changes.category.new)}` : escapeMarkdown(snapshot.category);
    const changes = targetChanges(indicator);
    if (changes.length === 0) {
        return [`| ${status} | ${category} | ${name} | ${targets(indicator.old)} | ${targets(indicator.new)} | |`];
    }
    return changes.map(t => `| ${status} | ${category} | ${name} | ${t.label === '指标值' ? '' : `${t.label} `}${escapeMarkdown(t.old)}`
        + ` | ${escapeMarkdown(t.new)} | ${DIRECTION_LABEL[t.direction]} |`);
}

/** Removed text struck through, added text in bold. */
function textChangeMarkdown(change: TextChange): string {
    return change.parts.map(part => {
        const text = escapeMarkdown(part.text);
        if (!text.trim()) return text;
        return part.kind === 'same' ? text : part.kind === 'removed' ? `~~${text}~~` : `**${text}**`;
    }).join('');
}

/** Markdown and table metacharacters in budget text (names can hold | * _ [ ] < >) are escaped. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_~[\]<>|#]/g, char => `\\${char}`).replace(/\r?\n/g, ' ');
}

function code(text: string): string {
    return text.replace(/`/g, "'");
}
