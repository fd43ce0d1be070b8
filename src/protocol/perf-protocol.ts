/**
 * The custom requests between the VS Code client and the perf language server. Names and shapes only (no
 * runtime dependency), so the client bundle stays thin: the server parses, the client displays.
 */
import type { OfficialTable } from '../compile/official-table.js';

/** `perf/officialTable`: the official table of an open document, when it has no errors. */
export const OFFICIAL_TABLE_REQUEST = 'perf/officialTable';
/** `perf/documentSummary`: the document's total and whether its stated figures reconcile. */
export const DOCUMENT_SUMMARY_REQUEST = 'perf/documentSummary';
/** `perf/compile`: writes the document as HTML, XLSX or PDF beside the source file. */
export const COMPILE_REQUEST = 'perf/compile';
/** `perf/checkWorkspace`: validates every .perf file of the workspace (their diagnostics are published). */
export const CHECK_WORKSPACE_REQUEST = 'perf/checkWorkspace';

export interface DocumentParams {
    uri: string;
}

/** A document's first error, for a one-line message. */
export interface FirstError {
    line: number;
    character: number;
    message: string;
}

export interface OfficialTableResult {
    /** Absent while the document has errors (the preview then keeps its last good table). */
    table?: OfficialTable;
    errorCount: number;
    firstError?: FirstError;
}

/** One row whose stated figure differs from the sum of what it adds up. */
/** A stated figure that does not add up, as validation reports it (rounding-difference, total-mismatch …). */
export interface ReconcileMismatch {
    line: number;
    code: string;
    message: string;
    /** Within rounding (a warning), not a mismatch (an error). */
    rounding: boolean;
}

export interface DocumentSummaryResult {
    /** The 合计 row's total as the table shows it (#,##0.00), empty when the document has no department. */
    total: string;
    unit: string;
    projectCount: number;
    /** No stated figure is off by more than rounding can explain. */
    reconciles: boolean;
    mismatches: ReconcileMismatch[];
    errorCount: number;
}

export const COMPILE_FORMATS = ['html', 'xlsx', 'pdf'] as const;
export type CompileFormat = typeof COMPILE_FORMATS[number];

export interface CompileParams extends DocumentParams {
    format: CompileFormat;
}

/** Either the written file or a message for the user (errors in the document, no Chromium for PDF…). */
export type CompileResult = { output: string } | { message: string };

export interface CheckWorkspaceResult {
    files: number;
    errors: number;
    warnings: number;
}

/** `perf/importTable`: reads a published table (XLSX, CSV or text) and answers it as .perf text. */
export const IMPORT_TABLE_REQUEST = 'perf/importTable';

export interface ImportTableParams {
    /** File system path of the published table. */
    path: string;
}

/** The .perf text and one line per thing the importer could not understand, or a message for the user. */
export type ImportTableResult = { text: string; notes: string[] } | { message: string };

/** `perf/compareWithHead`: the semantic diff (Markdown) of the editor's text against the file's last commit. */
export const COMPARE_WITH_HEAD_REQUEST = 'perf/compareWithHead';

export interface CompareWithHeadParams {
    uri: string;
    /** The editor's text, saved or not. */
    text: string;
}

export interface CompareWithHeadResult {
    markdown: string;
}

/** `perf/newTable`: the starter table of "perf: New Table" (the same as `perf new`). */
export const NEW_TABLE_REQUEST = 'perf/newTable';

export interface NewTableParams {
    department: string;
    /** 预算年度, four digits. */
    year: string;
    unit: string;
    /** A built-in catalog: 2015 or 2021. */
    catalog: string;
}

/** The .perf text, or what is wrong with the answers. */
export type NewTableResult = { text: string } | { message: string };
