/**
 * Which of the other layout families a table is (one form per project, one indicator per row, whole
 * department), from its indicator grid's header and its labels, and its reading by that family's reader.
 * A table with no indicator grid (the Guangdong list, anything else) is left to the other readers.
 */
import type { ImportedTable } from '../import-model.js';
import { SourceAccount } from '../source-account.js';
import type { SourceSheet } from '../source-grid.js';
import { labelOf } from './form-labels.js';
import { findHeader } from './indicator-grid.js';
import { importIndicatorRows } from './indicator-rows.js';
import { cellsOfSheets, cellsOfText, type LayoutInput } from './layout-cells.js';
import type { ImportedLayout } from './layout-model.js';
import { importForms } from './project-form.js';

export function layoutFamily(input: LayoutInput): ImportedLayout | undefined {
    const header = findHeader(input.cells, 0, input.format === 'grid');
    if (!header) {
        return undefined;
    }
    if (header.fields.includes('project')) {
        return '指标行';
    }
    const department = input.cells.some(cell => /整体(?:支出)?绩效目标表/.test(cell.text) || labelOf(cell.text)?.field === 'duties');
    return department ? '部门整体' : '项目表';
}

export function importLayoutInput(input: LayoutInput, source: string): ImportedTable | undefined {
    const family = layoutFamily(input);
    switch (family) {
        case undefined: return undefined;
        case '指标行': return importIndicatorRows(input, source);
        default: return importForms(input, source, family);
    }
}

/** A text (PDF text, a web page's or a DOCX's copy) in one of the families, or undefined. */
export function readLayoutText(text: string, source: string): ImportedTable | undefined {
    return importLayoutInput(cellsOfText(text, new SourceAccount()), source);
}

/** Grid sheets (XLSX, web page tables, converted .xls) in one of the families, or undefined. */
export function readLayoutSheets(sheets: readonly SourceSheet[], source: string): ImportedTable | undefined {
    return importLayoutInput(cellsOfSheets(sheets, new SourceAccount()), source);
}
