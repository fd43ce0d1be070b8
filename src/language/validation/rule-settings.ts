/**
 * Rule settings: a map from rule code to 'off' | 'error' | 'warning' | 'info', read from the editor's
 * settings (`perf.rules`) or from `perf check --rule CODE=LEVEL`.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isRuleCode, RULE_CODES, type RuleCode } from './rules.js';

export type RuleLevel = 'off' | 'error' | 'warning' | 'info';
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info'];

export type RuleSettings = Partial<Record<RuleCode, RuleLevel>>;

const SEVERITY_OF: Record<Exclude<RuleLevel, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information
};

function isRuleLevel(level: unknown): level is RuleLevel {
    return typeof level === 'string' && (RULE_LEVELS as readonly string[]).includes(level);
}

/** Valid entries of a settings object; each invalid entry becomes a problem that says what to write. */
export function readRuleSettings(raw: unknown): { settings: RuleSettings; problems: string[] } {
    const settings: RuleSettings = {};
    const problems: string[] = [];
    if (raw === undefined || raw === null) {
        return { settings, problems };
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        return { settings, problems: ['perf.rules 应是 {"规则代码": "off" | "error" | "warning" | "info"} 形式的对象'] };
    }
    for (const [code, level] of Object.entries(raw)) {
        const problem = checkEntry(code, level);
        if (problem) {
            problems.push(problem);
        } else {
            settings[code as RuleCode] = level as RuleLevel;
        }
    }
    return { settings, problems };
}

/** `CODE=LEVEL` options of `perf check --rule`; throws with a clear message on a bad one. */
export function parseRuleOptions(options: readonly string[]): RuleSettings {
    const settings: RuleSettings = {};
    for (const option of options) {
        const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(option);
        if (!match) {
            throw new Error(`--rule ${option}: 应写成 规则代码=级别，如 --rule placeholder-amount=off`
                + `（write CODE=LEVEL, LEVEL one of ${RULE_LEVELS.join(', ')}）`);
        }
        const problem = checkEntry(match[1], match[2]);
        if (problem) {
            throw new Error(`--rule ${option}: ${problem}`);
        }
        settings[match[1] as RuleCode] = match[2] as RuleLevel;
    }
    return settings;
}

function checkEntry(code: string, level: unknown): string | undefined {
    if (!isRuleCode(code)) {
        return `没有规则“${code}”（unknown rule）；可用的规则：${RULE_CODES.join(', ')}（perf rules 列出全部）`;
    }
    if (!isRuleLevel(level)) {
        return `规则 ${code} 的级别“${String(level)}”无效（invalid level）；应为 ${RULE_LEVELS.join(' | ')}`;
    }
    return undefined;
}

/** The rule code of a diagnostic perf reported, or undefined (parser errors, other languages' codes). */
export function ruleCodeOf(diagnostic: Diagnostic): RuleCode | undefined {
    return isRuleCode(diagnostic.code) ? diagnostic.code : undefined;
}

/** Drops the diagnostics of rules switched off and re-levels the others as the settings say. */
export function applyRuleSettings(diagnostics: Diagnostic[], settings: RuleSettings): Diagnostic[] {
    const result: Diagnostic[] = [];
    for (const diagnostic of diagnostics) {
        const code = ruleCodeOf(diagnostic);
        const level = code && settings[code];
        if (level === 'off') {
            continue;
        }
        result.push(level ? { ...diagnostic, severity: SEVERITY_OF[level] } : diagnostic);
    }
    return result;
}
