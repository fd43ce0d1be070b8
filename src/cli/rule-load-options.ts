// What `--rule` and `--rounding-tolerance` mean, read when a command runs (rule-options.ts declares them for
// commander, light enough for `perf --help`).
import { readRoundingTolerance } from '../language/settings/rounding-tolerance.js';
import { parseRuleOptions } from '../language/validation/rule-settings.js';
import type { LoadOptions } from './documents.js';
import { InputError } from './input-error.js';
import type { RuleOptions } from './rule-options.js';

/** The rule levels and tolerance for loadFiles; a bad value is a one-line InputError. */
export function ruleLoadOptions(options: RuleOptions): Pick<LoadOptions, 'rules' | 'roundingTolerance'> {
    let rules;
    try {
        rules = parseRuleOptions(options.rule ?? []);
    } catch (error) {
        throw new InputError((error as Error).message);
    }
    const tolerance = options.roundingTolerance;
    if (tolerance !== undefined && readRoundingTolerance(tolerance) === undefined) {
        throw new InputError(`--rounding-tolerance ${tolerance}: 应为不小于 0 的数，如 0.01（a number ≥ 0, in the table's unit）`);
    }
    return { rules, roundingTolerance: tolerance };
}
