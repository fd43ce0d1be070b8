/**
 * The comment that ends an imported document: how much was read, the totals, and every place that was not
 * understood (each is also kept as a comment where it belongs).
 */
import { FUND_LABEL, SOURCE_KEYS, type FundKey } from '../model/figures.js';
import { formatAmount, sum } from '../model/money.js';
import type { ImportedTable, ImportNote } from './import-model.js';
import { amountValue, shownTotal } from './row-amounts.js';
import { CONTAINER_LABEL } from './source-grid.js';

const FORMAT_LABEL = { grid: '表格', text: 'PDF 文本', csv: 'CSV' } as const;

/** Every note of a table, in input order: table, departments, projects. */
export function allNotes(table: ImportedTable): ImportNote[] {
    return [
        ...table.notes,
        ...table.departments.flatMap(department => [...department.notes, ...department.projects.flatMap(project => project.notes)])
    ];
}

export interface ImportCounts {
    departments: number;
    projects: number;
    indicators: number;
    notUnderstood: number;
}

export function importCounts(table: ImportedTable, writerNotes: ImportNote[] = []): ImportCounts {
    const projects = table.departments.flatMap(department => department.projects);
    return {
        departments: table.departments.length,
        projects: projects.length,
        indicators: projects.reduce((count, project) => count + project.indicators.length, 0)
            + table.departments.reduce((count, department) => count + (department.indicators?.length ?? 0), 0),
        notUnderstood: allNotes(table).length + writerNotes.length
    };
}

export function summaryLines(table: ImportedTable, writerNotes: ImportNote[]): string[] {
    const counts = importCounts(table, writerNotes);
    const projects = table.departments.flatMap(department => department.projects);
    const totals = (['total', ...SOURCE_KEYS] as FundKey[]).map(key => {
        const value = key === 'total'
            ? sum(projects.map(project => shownTotal(project.amounts)))
            : sum(projects.map(project => amountValue(project.amounts[key])));
        return `${FUND_LABEL[key]} ${formatAmount(value)}`;
    });
    const lines = [
        `// 导入摘要（${table.container ? CONTAINER_LABEL[table.container] : FORMAT_LABEL[table.format]}：${table.source}）`,
        ...(table.kind ? [`// 识别为：${table.kind}。`] : []),
        ...(table.conversions?.length ? [`// 读入时已转换：${table.conversions.join('；')}。`] : []),
        `// 部门 ${counts.departments} 个，项目 ${counts.projects} 个，指标 ${counts.indicators} 个。`,
        `// 各项目金额合计${table.unit ? `（${table.unit}）` : ''}：${totals.join('，')}。`
    ];
    if (table.account) {
        lines.push(accountLine(table));
    }
    const notes = [...allNotes(table), ...writerNotes];
    if (notes.length === 0) {
        lines.push('// 未识别的内容：无。');
    } else {
        lines.push(`// 未识别的内容 ${notes.length} 处（原文已作为注释保留在上文相应位置）：`);
        for (const note of notes) {
            lines.push(`//   ${note.position}：${note.message.split(/\r?\n/)[0]}`);
        }
    }
    return lines;
}

/**
 * The "nothing left out" line, computed from the readers' marks (source-account.ts): characters other
 * than whitespace, mapped + kept against the input.
 */
export function accountLine(table: ImportedTable): string {
    const account = table.account!;
    const { input, mapped, kept, unmarked } = account.balance();
    const fallback = account.fallbackKept > 0 ? `（其中 ${account.fallbackKept} 字不属于任何已识别的栏目，原样保留在文首）` : '';
    const verdict = unmarked === 0
        ? `${mapped} + ${kept} = ${input}，没有遗漏`
        : `${mapped} + ${kept} ≠ ${input}：有 ${unmarked} 字未计入`;
    return `// 原文 ${input} 字（不计空白）：写入文档 ${mapped} 字，作为注释保留 ${kept} 字${fallback}；${verdict}。`;
}
