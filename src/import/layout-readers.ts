/**
 * Which reader reads which kind of document (classify.ts), from either form of input (source-grid.ts).
 * A reader for a new layout family is added to LAYOUT_READERS and nothing else changes (the containers, the repairs, the accounting, the summary and
 * the refusals of non-target documents stay where they are).
 *
 * A reader gets the repaired input and returns the imported table with its account (every character of
 * the input mapped or kept, then `closeImport`), as the Guangdong list readers below do.
 */
import { classifyInput, isTargetKind, LAYOUT_OF, type Classification, type TargetKind } from './classify.js';
import { ImportError, type ImportedTable } from './import-model.js';
import { readLayoutSheets, readLayoutText } from './layouts/read-layout.js';
import { importListSheets } from './list-grid.js';
import { importLayoutText, isLayoutText } from './pdf-layout-text.js';
import { importText } from './pdf-text.js';
import type { ImportInput, ImportSource } from './source-grid.js';
import { repairInput } from './text-damage.js';

export type LayoutReader = (input: ImportInput, source: string, classification: Classification) => ImportedTable;

/** The Guangdong multi-project list: a grid, `pdftotext -layout` text (or a PDF laid out so) or a plain copy. */
const readProjectList: LayoutReader = (input, source) => {
    if (input.form === 'grid') {
        return importListSheets(input.sheets, source);
    }
    return isLayoutText(input.text) ? importLayoutText(input.text, source, input.lineNames) : importText(input.text, source, input.lineNames);
};

/** One form per project, one indicator per row, whole department: read by their indicator grid (src/import/layouts/). */
function readIndicatorGrid(input: ImportInput, source: string): ImportedTable | undefined {
    return input.form === 'grid' ? readLayoutSheets(input.sheets, source) : readLayoutText(input.text, source);
}

const readGridLayout: LayoutReader = (input, source, classification) => {
    const table = readIndicatorGrid(input, source);
    if (!table) {
        throw new ImportError(`${source}: 识别为${classification.name}，但找不到它的指标表头（一级指标、二级指标、三级指标、指标值）：`
            + '请确认导入的是整张表（表头行在内）');
    }
    return table;
};

/** A document of no recognised kind: an indicator grid if it has one, else the Guangdong list. */
const readUnrecognised: LayoutReader = (input, source, classification) =>
    readIndicatorGrid(input, source) ?? readProjectList(input, source, classification);

export const LAYOUT_READERS: Record<TargetKind, LayoutReader> = {
    'project-list': readProjectList,
    'project-form': readGridLayout,
    'indicator-rows': readGridLayout,
    'department-whole': readGridLayout
};

/** What to do with each document that is not a target table. */
const NOT_A_TARGET_TABLE = {
    'self-evaluation': '自评表记录年终的预算执行数、实际完成值和得分，不是年初设定的目标；请导入同一项目的绩效目标表（申报表或批复表）',
    'evaluation-scoring': '评分表给绩效评价打分（决策、过程、产出、效益等一级指标及评分细则），不是项目的绩效目标；请导入被评价项目的绩效目标表',
    'blank-template': '指标值处还是占位符，没有可导入的目标；请填好指标值后再导入，或导入已发布的表'
} as const;

/**
 * Repairs, classifies and reads a container's content. Non-target documents and target kinds without a
 * reader are refused by name; a document of no recognised kind is tried as a Guangdong list, and a failure
 * then says that the kind was not recognised.
 */
export function readSource(content: ImportSource): ImportedTable {
    const { input, conversions } = repairInput(content.input);
    const classification = classifyInput(input);
    const { source } = content;
    const seen = classification.evidence.length > 0 ? `（依据：${classification.evidence.join('，')}）` : '';
    if (classification.kind in NOT_A_TARGET_TABLE) {
        throw new ImportError(`${source}: 这是${classification.name}，不是绩效目标表${seen}：`
            + NOT_A_TARGET_TABLE[classification.kind as keyof typeof NOT_A_TARGET_TABLE]);
    }
    const kind = isTargetKind(classification.kind) ? classification.kind : 'project-list';
    const reader = isTargetKind(classification.kind) ? LAYOUT_READERS[kind] : readUnrecognised;
    let table: ImportedTable;
    try {
        table = reader(input, source, classification);
    } catch (error) {
        if (error instanceof ImportError && !isTargetKind(classification.kind)) {
            throw new ImportError(`${error.message}（未能识别表式：不像广东式多项目列表、一项目一表、一指标一行或部门整体绩效目标表，`
                + '也不像绩效自评表、评分表或空白模板）');
        }
        throw error;
    }
    return {
        ...table,
        container: content.container,
        kind: isTargetKind(classification.kind) ? `${classification.name}，表式“${LAYOUT_OF[kind]}”` : `${classification.name}，按广东式多项目列表读取`,
        ...(conversions.length > 0 ? { conversions } : {})
    };
}
