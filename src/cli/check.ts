import { InputError, loadFiles, type InputOptions } from './documents.js';
import { formatDiagnostics, isError, summary } from './report.js';
import { readRoundingTolerance } from '../language/settings/perf-settings.js';
import { parseRuleOptions, type RuleSettings } from '../language/validation/rule-settings.js';

export interface CheckOptions extends InputOptions {
    /** `--rule CODE=LEVEL`, repeatable: the same map as the editor setting perf.rules. */
    rule?: string[];
    /** `--rounding-tolerance N`: the same as the editor setting perf.roundingTolerance. */
    roundingTolerance?: string;
}

/** `perf check FILE…`: every problem, a summary line; exit code 1 when there is an error. */
export async function checkCommand(paths: string[], options: CheckOptions = {}): Promise<number> {
    const { files } = await loadFiles(paths, {
        encoding: options.encoding,
        catalog: options.catalog,
        rules: ruleSettings(options.rule ?? []),
        roundingTolerance: roundingTolerance(options.roundingTolerance)
    });
    // One write per file: thousands of console.log calls cost more than the formatting.
    for (const file of files) {
        process.stdout.write(formatDiagnostics(file.path, file.diagnostics));
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

function roundingTolerance(option: string | undefined): string | undefined {
    if (option !== undefined && readRoundingTolerance(option) === undefined) {
        throw new InputError(`--rounding-tolerance ${option}: 应为不小于 0 的数，如 0.01（a number ≥ 0, in the table's unit）`);
    }
    return option;
}
