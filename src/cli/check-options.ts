// The options of `perf check`, apart from the command: `perf --help` reads them without loading the check.
import type { InputOptions } from './documents.js';
import type { RuleOptions } from './rule-options.js';

export interface CheckOptions extends InputOptions, RuleOptions {
    /** text (default: file:line:col lines and a summary line), json, or sarif (SARIF 2.1.0 for code scanning). */
    format?: CheckFormat;
    /** List errors only (the summary still counts everything). */
    quiet?: boolean;
    /** Print the summary alone (text: the summary line; json: the counts). */
    summary?: boolean;
    /** false (`--no-cache`): check from scratch and store nothing. */
    cache?: boolean;
}

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = typeof CHECK_FORMATS[number];
