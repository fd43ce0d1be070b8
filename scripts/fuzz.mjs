#!/usr/bin/env node
/**
 * The nightly-size robustness run: the same properties as test/robustness (which `npm test` runs as a small
 * fixed-seed sample), with many more cases and a seed of your choice, plus the large-file case at the size limit.
 *
 *   npm run fuzz                                  # 100,000 cases per cheap property, 2,000 per whole-document one
 *   npm run fuzz -- --seed 42 --runs 200000       # reproduce or extend a run
 *   npm run fuzz -- --document-runs 500 --large-mb 10.4 --only language-services
 *
 * Flags: --seed N (default: from the clock, printed so a failure can be replayed), --runs N (properties on short
 * texts and cells), --document-runs N (properties that rebuild the reference table per case), --large-mb N (the
 * large-file case, default 10.4 = just under the 10 MB limit), --only NAME (one test file of test/robustness).
 * A failure prints fast-check's counterexample and its seed/path; the exit code is vitest's.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
    options: {
        seed: { type: 'string' },
        runs: { type: 'string', default: '100000' },
        'document-runs': { type: 'string', default: '2000' },
        'large-mb': { type: 'string', default: '10.4' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
    }
});

if (values.help) {
    console.log('usage: npm run fuzz -- [--seed N] [--runs N] [--document-runs N] [--large-mb N] [--only NAME]');
    process.exit(0);
}

for (const flag of ['runs', 'document-runs', 'large-mb']) {
    if (!(Number(values[flag]) > 0)) {
        console.error(`fuzz: --${flag} must be a positive number, got "${values[flag]}"`);
        process.exit(2);
    }
}
const seed = values.seed ?? String(Date.now() % 2_147_483_647);
if (!Number.isInteger(Number(seed))) {
    console.error(`fuzz: --seed must be an integer, got "${seed}"`);
    process.exit(2);
}

const environment = {
    ...process.env,
    PERF_FUZZ_SEED: seed,
    PERF_FUZZ_RUNS: values.runs,
    PERF_FUZZ_DOCUMENT_RUNS: values['document-runs'],
    PERF_FUZZ_LARGE_MB: values['large-mb'],
    // Hours, not minutes: the per-case time limit inside each property still catches a hang.
    PERF_FUZZ_TIMEOUT_MS: String(24 * 60 * 60 * 1000)
};
const target = values.only ? `test/robustness/${values.only.replace(/(\.test)?\.ts$/, '')}.test.ts` : 'test/robustness';
console.error(`fuzz: seed ${seed}, ${values.runs} cases per text property, ${values['document-runs']} per document property, `
    + `large file ${values['large-mb']} MB: ${target}`);

const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) {
    console.error('fuzz: npm run build failed; the CLI and server cases need lib/');
}
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', target, '--testTimeout', environment.PERF_FUZZ_TIMEOUT_MS], {
    cwd: repoRoot, stdio: 'inherit', env: environment
});
console.error(`fuzz: seed ${seed}, finished in ${((Date.now() - started) / 60_000).toFixed(1)} min, exit code ${run.status}`);
process.exit(run.status ?? 1);
