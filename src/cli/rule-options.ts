import type { Command } from 'commander';
import { readRoundingTolerance } from '../language/settings/rounding-tolerance.js';
import { parseRuleOptions } from '../language/validation/rule-settings.js';
import type { LoadOptions } from './documents.js';
import { InputError } from './input-error.js';

/** `--rule` and `--rounding-tolerance`, the editor's perf.rules and perf.roundingTolerance: check and compile take both. */
export interface RuleOptions {
    /** `--rule CODE=LEVEL`, repeatable: the same map as the editor setting perf.rules. */
    rule?: string[];
    /** `--rounding-tolerance N`: the same as the editor setting perf.roundingTolerance. */
    roundingTolerance?: string;
}

export function addRuleOptions(command: Command): Command {
    return command
        .option('--rule <code=level>', 'switch a rule off or change its level (off|error|warning|info), repeatable: '
            + '--rule placeholder-amount=off --rule rounding-difference=error; `perf rules` lists the codes',
            (value: string, previous: string[]) => [...previous, value], [] as string[])
        .option('--rounding-tolerance <amount>', 'largest difference between a stated and a computed figure that '
            + 'counts as rounding (a warning, not an error); default: half a unit of the last decimal per summed figure');
}

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
