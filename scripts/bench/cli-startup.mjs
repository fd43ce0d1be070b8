#!/usr/bin/env node
// Start-up of the command line through the dist/cli bundle against lib/ (PERF_CLI_BUNDLE=off), runs interleaved
// so both see the same machine load; each run timed by /usr/bin/time (elapsed seconds, peak RSS).
//
//   node scripts/bench/cli-startup.mjs [--runs 5] [EXTRA.perf]   (after `npm run build`)
//
// Prints a Markdown table: the median of the runs of `perf --help`, `perf check` of the reference table and, if
// given, `perf check EXTRA.perf` (e.g. a generated 25,000-indicator document), through each path.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../bench.mjs';
import { BUNDLE_ENTRY, bundleStaleness, LIB_ENTRY } from '../cli/bundle-stamp.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIME = '/usr/bin/time';

function parseArguments(argv) {
    const options = { runs: 5, extra: [] };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--runs') {
            options.runs = Number(argv[++i]);
        } else {
            options.extra.push(argv[i]);
        }
    }
    if (!Number.isInteger(options.runs) || options.runs < 1) {
        throw new Error('--runs needs a whole number of at least 1');
    }
    return options;
}

/**
 * One run: elapsed seconds and peak RSS in KiB, as /usr/bin/time measures them. Fails when bin/perf.js did not
 * run `entry` (a `tsc` elsewhere made the bundle stale in the middle of the measurement).
 */
function timedRun(args, env, entry) {
    const report = path.join(os.tmpdir(), `perf-startup-${process.pid}.txt`);
    const result = spawnSync(TIME, ['-o', report, '-f', '%e %M', process.execPath, path.join(repoRoot, 'bin', 'perf.js'), ...args],
        { cwd: repoRoot, env: { ...process.env, PERF_DEBUG: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status === null || result.error) {
        throw new Error(`perf ${args.join(' ')} did not finish: ${result.error?.message ?? result.signal}`);
    }
    if (!result.stderr.startsWith(`perf: running ${entry}`)) {
        throw new Error(`perf ${args.join(' ')} did not run ${entry}: ${result.stderr.split('\n')[0]}`);
    }
    const [seconds, kib] = fs.readFileSync(report, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    fs.rmSync(report, { force: true });
    return { seconds, kib };
}

const options = parseArguments(process.argv.slice(2));
if (!fs.existsSync(TIME)) {
    console.error(`${TIME} is missing: apt-get install -y time`);
    process.exit(1);
}
const stale = bundleStaleness(repoRoot);
if (stale !== undefined) {
    console.error(`the bundle cannot be measured: ${stale}; run \`npm run build\` first`);
    process.exit(1);
}
const commands = [
    ['--help'],
    ['check', 'examples/nansha-commerce-bureau.perf'],
    ...options.extra.map(file => ['check', file])
];
const paths = { 'lib/': { PERF_CLI_BUNDLE: 'off' }, 'dist/cli': { PERF_CLI_BUNDLE: '' } };
const entries = { 'lib/': LIB_ENTRY, 'dist/cli': BUNDLE_ENTRY };
const runs = new Map(commands.flatMap(args => Object.keys(paths).map(name => [`${args.join(' ')}|${name}`, []])));
for (let run = 0; run < options.runs; run++) {
    for (const args of commands) {
        for (const [name, env] of Object.entries(paths)) {
            runs.get(`${args.join(' ')}|${name}`).push(timedRun(args, env, entries[name]));
        }
    }
}

console.log(`median of ${options.runs} interleaved runs; load average ${os.loadavg().map(load => load.toFixed(1)).join(' ')}\n`);
console.log('| command | lib/ | dist/cli bundle |');
console.log('| --- | --- | --- |');
for (const args of commands) {
    const cells = Object.keys(paths).map(name => {
        const measured = runs.get(`${args.join(' ')}|${name}`);
        return `${median(measured.map(run => run.seconds)).toFixed(2)} s, ${(median(measured.map(run => run.kib)) / 1024).toFixed(0)} MiB`;
    });
    console.log(`| \`perf ${args.join(' ')}\` | ${cells.join(' | ')} |`);
}
