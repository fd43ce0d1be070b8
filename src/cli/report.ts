import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

const SEVERITY_NAME: Record<DiagnosticSeverity, string> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint'
};

export function severityName(diagnostic: Diagnostic): string {
    return SEVERITY_NAME[diagnostic.severity ?? DiagnosticSeverity.Error];
}

/** The rule code of a diagnostic (validation rules set it as the code, Langium's linker in the data). */
export function diagnosticCode(diagnostic: Diagnostic): string | undefined {
    const code = diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code;
    return code === undefined || code === '' ? undefined : String(code);
}

/** The text of a diagnostic's message (LSP also allows Markdown content; perf writes plain text). */
export function diagnosticMessage(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** `file:line:col: severity: message [rule-code]`, with 1-based line and column as editors expect. */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
    const { line, character } = diagnostic.range.start;
    const code = diagnosticCode(diagnostic);
    return `${file}:${line + 1}:${character + 1}: ${severityName(diagnostic)}: ${diagnosticMessage(diagnostic)}${code ? ` [${code}]` : ''}`;
}

/** A file's diagnostics in the order they stand in the file. */
export function sortedByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
    return [...diagnostics]
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A file's diagnostics as lines, in the order they stand in the file, ready for one write. */
export function formatDiagnostics(file: string, diagnostics: Diagnostic[]): string {
    return sortedByPosition(diagnostics).map(diagnostic => formatDiagnostic(file, diagnostic) + '\n').join('');
}

export function isError(diagnostic: Diagnostic): boolean {
    return (diagnostic.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error;
}

export interface SummaryCounts {
    files: number;
    errors: number;
    warnings: number;
    infos: number;
}

export function summaryCounts(fileCount: number, diagnostics: Diagnostic[]): SummaryCounts {
    const count = (severity: DiagnosticSeverity) =>
        diagnostics.filter(d => (d.severity ?? DiagnosticSeverity.Error) === severity).length;
    return {
        files: fileCount,
        errors: count(DiagnosticSeverity.Error),
        warnings: count(DiagnosticSeverity.Warning),
        infos: count(DiagnosticSeverity.Information)
    };
}

/** "2 files: 1 error, 3 warnings, 0 infos" */
export function summary(fileCount: number, diagnostics: Diagnostic[]): string {
    const counts = summaryCounts(fileCount, diagnostics);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(counts.files, 'file')} checked: ${plural(counts.errors, 'error')}, `
        + `${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`;
}
