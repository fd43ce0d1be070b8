import { InputError, loadFiles } from './documents.js';
import { formatDiagnostic, isError, summary } from './report.js';
import { parseRuleOptions, type RuleSettings } from '../language/validation/rule-settings.js';

export interface CheckOptions {
    /** `--rule CODE=LEVEL`, repeatable: the same map as the editor setting perf.rules. */
    rule?: string[];
}

/** `perf check FILE…`: every problem, a summary line; exit code 1 when there is an error. */
export async function checkCommand(paths: string[], options: CheckOptions = {}): Promise<number> {
    const { files } = await loadFiles(paths, { rules: ruleSettings(options.rule ?? []) });
    for (const file of files) {
        for (const diagnostic of sortByPosition(file.diagnostics)) {
            console.log(formatDiagnostic(file.path, diagnostic));
        }
    }
    const all = files.flatMap(file => file.diagnostics);
    console.log(summary(files.length, all));
    return all.some(isError) ? 1 : 0;
}

function ruleSettings(options: string[]): RuleSettings {
    try {
        return parseRuleOptions(options);
    } catch (error) {
        throw new InputError((error as Error).message);
    }
}

function sortByPosition<T extends { range: { start: { line: number; character: number } } }>(items: T[]): T[] {
    return [...items].sort((a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
