/**
 * `perf check --format sarif`: SARIF 2.1.0 for code scanning in CI (GitHub's upload-sarif and others). The rule
 * metadata comes from the rule table (validation/rules.ts), so a result links to the rule's description.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { RULE_CODES, RULES, type RuleSeverity } from '../language/validation/rules.js';
import { diagnosticCode, diagnosticMessage, sortedByPosition } from './report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const SARIF_LEVEL: Record<RuleSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const RESULT_LEVEL: Record<DiagnosticSeverity, Result.level> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'note',
    [DiagnosticSeverity.Hint]: 'note'
};

export function sarifReport(files: Array<{ path: string; diagnostics: Diagnostic[] }>, cwd = process.cwd()): string {
    const log: Log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'perf', rules: RULE_CODES.map(sarifRule) } },
            // Paths relative to the folder perf ran in (the repository root in CI), as code scanning expects.
            originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
            results: files.flatMap(file => sortedByPosition(file.diagnostics).map(diagnostic => sarifResult(file.path, diagnostic, cwd)))
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

function sarifRule(code: (typeof RULE_CODES)[number]): ReportingDescriptor {
    const rule = RULES[code];
    return {
        id: code,
        shortDescription: { text: rule.title },
        fullDescription: { text: `${rule.title} (${rule.gloss})` },
        ...('fix' in rule ? { help: { text: `快速修复 quick fix: ${rule.fix}` } } : {}),
        defaultConfiguration: { level: SARIF_LEVEL[rule.severity] }
    };
}

function sarifResult(file: string, diagnostic: Diagnostic, cwd: string): Result {
    const code = diagnosticCode(diagnostic);
    const ruleIndex = code === undefined ? -1 : RULE_CODES.indexOf(code as (typeof RULE_CODES)[number]);
    const { start, end } = diagnostic.range;
    return {
        // Syntax errors carry no rule of the table: they keep Langium's code (or none) without a rule index.
        ...(code ? { ruleId: code } : {}),
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: RESULT_LEVEL[diagnostic.severity ?? DiagnosticSeverity.Error],
        message: { text: diagnosticMessage(diagnostic) },
        locations: [{
            physicalLocation: {
                artifactLocation: artifactLocation(file, cwd),
                // SARIF counts columns in UTF-16 code units by default, as LSP does.
                region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 }
            }
        }]
    };
}

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
    const relative = path.relative(cwd, path.resolve(cwd, file));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
        return { uri: pathToFileURL(path.resolve(cwd, file)).href };
    }
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}
