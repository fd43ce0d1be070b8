/** The 项目列表 (Guangdong list) as a published sheet: the seven columns, one row per 合计, department and project. */
import { PROJECT_LIST } from './layouts.js';
import { Column, type OfficialRow, type OfficialTable, type PublishedCell, type PublishedSheet, type RowRole } from './official-table.js';

const ROW_ROLE: Record<OfficialRow['level'], RowRole> = { 0: 'total', 1: 'department', 2: 'project' };

/** Also what a writer renders for a v1 table (one without `sheet`). */
export function listSheet(table: OfficialTable): PublishedSheet {
    const columns = PROJECT_LIST.columns;
    const role = (i: number) => columns[i]?.role ?? 'text';
    return {
        title: table.year && PROJECT_LIST.titleWithYear ? PROJECT_LIST.titleWithYear(table.title, table.year) : table.title,
        meta: [
            { role: 'department', text: `${PROJECT_LIST.labels.department}${table.department}`, span: Column.goal },
            { role: 'unit', text: `${PROJECT_LIST.labels.unit}${table.unit}`, span: columns.length - Column.goal }
        ],
        columns,
        blocks: [{
            header: [{ role: 'header', cells: table.columns.map((text, i) => ({ text, role: role(i) }) as PublishedCell) }],
            rows: table.rows.map(row => ({
                role: ROW_ROLE[row.level],
                level: row.level,
                cells: row.cells.map((text, i): PublishedCell => {
                    const lines = i === Column.indicators ? indicatorItems(text) : [];
                    return { text, role: role(i) as PublishedCell['role'], ...(lines.length > 1 ? { lines } : {}) };
                })
            }))
        }]
    };
}

/** The numbered items ("1、…。2、…") of an indicator cell; they concatenate back to the exact cell text. */
export function indicatorItems(text: string): string[] {
    return text.split(/(?<=。)(?=\d+、)/);
}
