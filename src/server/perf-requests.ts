/**
 * The server side of the custom requests in perf-protocol.ts: the VS Code client asks, the server (which
 * already holds every parsed document) answers with the official table, the totals or a written file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { buildOfficialTable } from '../compile/build-official-table.js';
import { publishingLayout } from '../compile/document-layout.js';
import { ChromiumMissingError } from '../compile/pdf.js';
import { renderOutput } from '../compile/write-outputs.js';
import { importFile } from '../import/import-file.js';
import type { PerfServices } from '../language/perf-module.js';
import { starterProblem, type StarterOptions } from '../language/starter-options.js';
import { starterTable } from '../language/starter-table.js';
import { BUILTIN_SCHEME } from '../catalog/builtin-catalogs.js';
import { grandTotalFigures } from '../model/figures.js';
import { formatAmount } from '../model/money.js';
import type { PerfFile } from '../language/generated/ast.js';
import { compareWithHead } from '../diff/compare-with-head.js';
import {
    CHECK_WORKSPACE_REQUEST, COMPARE_WITH_HEAD_REQUEST, COMPILE_FORMATS, COMPILE_REQUEST, DOCUMENT_SUMMARY_REQUEST, IMPORT_TABLE_REQUEST, NEW_TABLE_REQUEST,
    OFFICIAL_TABLE_REQUEST, type NewTableParams, type NewTableResult,
    type CheckWorkspaceResult, type CompileParams, type CompileResult, type DocumentParams, type DocumentSummaryResult,
    type CompareWithHeadParams, type CompareWithHeadResult, type FirstError, type ImportTableParams, type ImportTableResult, type OfficialTableResult, type ReconcileMismatch
} from '../protocol/perf-protocol.js';

/** Registers the perf/* request handlers on the server's connection (no-op without a connection). */
export function registerPerfRequests(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) {
        return;
    }
    connection.onRequest(OFFICIAL_TABLE_REQUEST, (params: DocumentParams) => officialTableOf(shared, params.uri));
    connection.onRequest(DOCUMENT_SUMMARY_REQUEST, (params: DocumentParams) => documentSummaryOf(shared, params.uri));
    connection.onRequest(COMPILE_REQUEST, (params: CompileParams) => compileDocument(shared, params));
    connection.onRequest(CHECK_WORKSPACE_REQUEST, () => checkWorkspace(shared));
    connection.onRequest(IMPORT_TABLE_REQUEST, (params: ImportTableParams) => importTable(shared, params.path));
    connection.onRequest(NEW_TABLE_REQUEST, async (params: NewTableParams): Promise<NewTableResult> => newTable(params));
    connection.onRequest(COMPARE_WITH_HEAD_REQUEST, async (params: CompareWithHeadParams): Promise<CompareWithHeadResult> =>
        ({ markdown: await compareWithHead(URI.parse(params.uri).fsPath, params.text) }));
}

/** The starter table `perf new` writes, for "perf: New Table". */
export function newTable(params: NewTableParams): NewTableResult {
    const problem = starterProblem(params);
    return problem ? { message: problem } : { text: starterTable(params as StarterOptions) };
}

/** The document once it is validated, or an Error the client shows (e.g. a file the server has not opened). */
async function validatedDocument(shared: LangiumSharedServices, uri: string): Promise<LangiumDocument<PerfFile>> {
    const parsed = URI.parse(uri);
    const document = shared.workspace.LangiumDocuments.getDocument(parsed);
    if (!document) {
        throw new Error(`perf 语言服务器还没有读入这个文件，请稍后再试 (the server does not know ${uri} yet)`);
    }
    if (document.state < DocumentState.Validated) {
        try {
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
        } catch {
            // The document was built without validation (a workspace file that is not open): validate it now.
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
        }
    }
    // The compiler reads targets as written (their CST text): a closed file held without its CST parses again.
    (shared.ServiceRegistry.getServices(parsed) as PerfServices).workspace.ClosedDocumentCst.restore(document);
    return document as LangiumDocument<PerfFile>;
}

function errorsOf(document: LangiumDocument): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
}

function firstErrorOf(errors: Diagnostic[]): FirstError | undefined {
    const first = errors[0];
    return first && { line: first.range.start.line, character: first.range.start.character, message: typeof first.message === 'string' ? first.message : first.message.value };
}

/** What stops a compile: the document's errors, then what its layout requires and the document lacks. */
function compileErrorsOf(document: LangiumDocument<PerfFile>): Diagnostic[] {
    const layoutErrors = publishingLayout(document.parseResult.value).problems
        .filter(d => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
    return [...errorsOf(document), ...layoutErrors];
}

export async function officialTableOf(shared: LangiumSharedServices, uri: string): Promise<OfficialTableResult> {
    const document = await validatedDocument(shared, uri);
    const errors = compileErrorsOf(document);
    if (errors.length > 0) {
        return { errorCount: errors.length, firstError: firstErrorOf(errors) };
    }
    return { table: buildOfficialTable(document.parseResult.value), errorCount: 0 };
}

/** The rules whose findings say a stated figure does not add up. */
const RECONCILIATION_RULES: ReadonlySet<string> = new Set(['rounding-difference', 'total-mismatch', 'summary-total']);

/**
 * The 合计 as the table shows it, and whether the stated figures reconcile — taken from the document's own
 * diagnostics, so the status bar says exactly what validation says (rule settings and tolerance included).
 */
export async function documentSummaryOf(shared: LangiumSharedServices, uri: string): Promise<DocumentSummaryResult> {
    const document = await validatedDocument(shared, uri);
    const file = document.parseResult.value;
    const mismatches: ReconcileMismatch[] = (document.diagnostics ?? [])
        .filter(diagnostic => RECONCILIATION_RULES.has(String(diagnostic.code)))
        .map(diagnostic => ({
            line: diagnostic.range.start.line,
            code: String(diagnostic.code),
            message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
            rounding: diagnostic.severity !== DiagnosticSeverity.Error
        }));
    const first = file.departments[0];
    return {
        total: file.departments.length > 0 ? formatAmount(grandTotalFigures(file).shown.total) : '',
        unit: first?.unit ?? '万元',
        projectCount: file.departments.reduce((count, department) => count + department.projects.length, 0),
        reconciles: mismatches.every(mismatch => mismatch.rounding),
        mismatches,
        errorCount: errorsOf(document).length
    };
}

export async function compileDocument(shared: LangiumSharedServices, params: CompileParams): Promise<CompileResult> {
    if (!COMPILE_FORMATS.includes(params.format)) {
        return { message: `不支持的格式 ${String(params.format)}：可用 ${COMPILE_FORMATS.join('、')}` };
    }
    const document = await validatedDocument(shared, params.uri);
    const errors = compileErrorsOf(document);
    if (errors.length > 0) {
        const first = firstErrorOf(errors)!;
        return {
            message: `文档有 ${errors.length} 个错误，未生成 ${params.format.toUpperCase()}；先改正第 ${first.line + 1} 行第 ${first.character + 1} 列：${first.message}`
        };
    }
    if (document.uri.scheme !== 'file') {
        return { message: '请先保存文件：输出写在 .perf 文件旁边 (save the file first: the output is written beside it)' };
    }
    const source = document.uri.fsPath;
    const output = path.join(path.dirname(source), `${path.basename(source, path.extname(source))}.${params.format}`);
    try {
        fs.writeFileSync(output, await renderOutput(params.format, document.parseResult.value));
    } catch (error) {
        if (error instanceof ChromiumMissingError) {
            return { message: `生成 PDF 需要 Chromium（apt-get install chromium），或把 HTML 在浏览器中打印为 PDF。(${error.message})` };
        }
        return { message: `写入 ${output} 失败：${error instanceof Error ? error.message : String(error)}` };
    }
    return { output };
}

/** Validates every user .perf document of the workspace; their diagnostics go to the client as usual. */
export async function checkWorkspace(shared: LangiumSharedServices): Promise<CheckWorkspaceResult> {
    await shared.workspace.WorkspaceManager.ready;
    const documents = shared.workspace.LangiumDocuments.all
        .filter(document => document.uri.scheme !== BUILTIN_SCHEME)
        .toArray();
    const unvalidated = documents.filter(document => document.state < DocumentState.Validated || !document.diagnostics);
    if (unvalidated.length > 0) {
        await shared.workspace.DocumentBuilder.build(unvalidated, { validation: true });
    }
    const diagnostics = documents.flatMap(document => document.diagnostics ?? []);
    const count = (severity: DiagnosticSeverity) => diagnostics.filter(d => (d.severity ?? DiagnosticSeverity.Error) === severity).length;
    return { files: documents.length, errors: count(DiagnosticSeverity.Error), warnings: count(DiagnosticSeverity.Warning) };
}

/** A published table as formatted .perf text (src/import); a file it cannot read becomes a message. */
export async function importTable(shared: LangiumSharedServices, file: string): Promise<ImportTableResult> {
    const services = shared.ServiceRegistry.getServices(URI.file(path.join(path.dirname(file), 'imported.perf'))) as PerfServices;
    try {
        return await importFile(file, services);
    } catch (error) {
        return { message: `导入 ${path.basename(file)} 失败：${error instanceof Error ? error.message : String(error)}` };
    }
}
