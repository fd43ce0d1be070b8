import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticCode, diagnosticMessage, severityName, sortedByPosition, type SummaryCounts } from './report.js';

/** One problem in `perf check --format json`: 1-based line and column, as the text output prints them. */
export interface JsonDiagnostic {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code?: string;
    message: string;
}

export interface JsonCheckReport {
    files?: Array<{ path: string; diagnostics: JsonDiagnostic[] }>;
    summary: SummaryCounts;
}

/** `perf check --format json`: every file with its problems and the summary counts; with `summaryOnly` the counts alone. */
export function jsonReport(files: Array<{ path: string; diagnostics: Diagnostic[] }>, summary: SummaryCounts, summaryOnly: boolean): string {
    const report: JsonCheckReport = summaryOnly ? { summary } : {
        files: files.map(file => ({ path: file.path, diagnostics: sortedByPosition(file.diagnostics).map(jsonDiagnostic) })),
        summary
    };
    return JSON.stringify(report, null, 2) + '\n';
}

function jsonDiagnostic(diagnostic: Diagnostic): JsonDiagnostic {
    const { start, end } = diagnostic.range;
    const code = diagnosticCode(diagnostic);
    return {
        line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
        severity: severityName(diagnostic), ...(code ? { code } : {}), message: diagnosticMessage(diagnostic)
    };
}
