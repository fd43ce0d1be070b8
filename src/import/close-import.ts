/**
 * The last step of every reader: input no reader rule claimed is kept verbatim as a note (never dropped),
 * and a table in which nothing was recognised is refused with what was seen instead of becoming an empty
 * document.
 */
import { ImportError, type ImportedTable } from './import-model.js';

const FORMAT_NAME = { grid: '表格', text: '文本', csv: 'CSV 表格' } as const;

export function closeImport(table: ImportedTable, kind?: string): ImportedTable {
    const account = table.account;
    if (!account) {
        return table;
    }
    const projects = table.departments.flatMap(department => department.projects);
    const indicators = projects.reduce((count, project) => count + project.indicators.length, 0)
        + table.departments.reduce((count, department) => count + (department.indicators?.length ?? 0), 0);
    if (projects.length === 0 && indicators === 0) {
        throw new ImportError(`${table.source}: 没有识别出任何项目或指标，不生成空文档。${seenIn(table, kind)}`
            + '：请确认这是一张绩效目标表（项目名称、一级/二级/三级指标、指标值等栏目），文本请从 PDF 或网页完整复制');
    }
    for (const stretch of account.keepUnaccounted()) {
        table.notes.push({ position: stretch.position, message: '不属于任何已识别栏目的原文，未写入文档', text: stretch.text });
    }
    return table;
}

/** "读到的是文本（Guangdong 列表）：3 行，120 字，开头“…”". */
export function seenIn(table: ImportedTable, kind?: string): string {
    const account = table.account!;
    const units = table.format === 'text' ? '行' : '个单元格';
    return `读到的是${FORMAT_NAME[table.format]}${kind ? `（${kind}）` : ''}：${account.unitCount} ${units}有文字，`
        + `共 ${account.balance().input} 字，开头“${account.firstWords(40)}”`;
}
