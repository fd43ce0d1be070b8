/**
 * Seeds and case counts of the property tests. `npm test` runs a small fixed-seed sample; the nightly-size
 * run (scripts/fuzz.mjs) runs the same properties with the counts and seed given in these variables.
 */
import type { Parameters } from 'fast-check';

function numberFromEnvironment(name: string): number | undefined {
    const value = process.env[name];
    return value === undefined || value === '' ? undefined : Number(value);
}

/** Fixed, so that a failure in `npm test` happens again on the next run and on every machine. */
export const FUZZ_SEED = numberFromEnvironment('PERF_FUZZ_SEED') ?? 20_240_808;

/** Properties on short texts and cells: cheap cases (PERF_FUZZ_RUNS in the nightly run). */
export function cheapCases(sampleRuns: number): Parameters<unknown> {
    return { seed: FUZZ_SEED, numRuns: numberFromEnvironment('PERF_FUZZ_RUNS') ?? sampleRuns, endOnFailure: true };
}

/** Properties that rebuild the whole reference document per case (PERF_FUZZ_DOCUMENT_RUNS in the nightly run). */
export function documentCases(sampleRuns: number): Parameters<unknown> {
    return { seed: FUZZ_SEED, numRuns: numberFromEnvironment('PERF_FUZZ_DOCUMENT_RUNS') ?? sampleRuns, endOnFailure: true };
}

/** Size in MB of the large-file case (PERF_FUZZ_LARGE_MB; the nightly run also tries the 10 MB limit). */
export const LARGE_FILE_MB = numberFromEnvironment('PERF_FUZZ_LARGE_MB') ?? 5;

/** Per-test time limit: generous, and long enough for the nightly counts; never a speed assertion. */
export const FUZZ_TEST_TIMEOUT_MS = numberFromEnvironment('PERF_FUZZ_TIMEOUT_MS') ?? 120_000;
