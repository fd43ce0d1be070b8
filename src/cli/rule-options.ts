import type { Command } from 'commander';

/**
 * `--rule` and `--rounding-tolerance`, the editor's perf.rules and perf.roundingTolerance: check and compile take
 * both. What they mean is read when a command runs (rule-load-options.ts), not at every start.
 */
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
