import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

const SEVERITY_NAME: Record<DiagnosticSeverity, string> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint'
};

/** `file:line:col: severity: message [rule-code]`, with 1-based line and column as editors expect. */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
    const { line, character } = diagnostic.range.start;
    const severity = SEVERITY_NAME[diagnostic.severity ?? DiagnosticSeverity.Error];
    const code = diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code;
    return `${file}:${line + 1}:${character + 1}: ${severity}: ${diagnostic.message}${code ? ` [${code}]` : ''}`;
}

/** A file's diagnostics as lines, in the order they stand in the file, ready for one write. */
export function formatDiagnostics(file: string, diagnostics: Diagnostic[]): string {
    return [...diagnostics]
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map(diagnostic => formatDiagnostic(file, diagnostic) + '\n')
        .join('');
}

export function isError(diagnostic: Diagnostic): boolean {
    return (diagnostic.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error;
}

/** "2 files: 1 error, 3 warnings, 0 infos" */
export function summary(fileCount: number, diagnostics: Diagnostic[]): string {
    const count = (severity: DiagnosticSeverity) =>
        diagnostics.filter(d => (d.severity ?? DiagnosticSeverity.Error) === severity).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(fileCount, 'file')} checked: ${plural(count(DiagnosticSeverity.Error), 'error')}, `
        + `${plural(count(DiagnosticSeverity.Warning), 'warning')}, ${plural(count(DiagnosticSeverity.Information), 'info')}`;
}
