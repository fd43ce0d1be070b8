import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';
import { generateWorkspace } from '../../scripts/generate.mjs';

// The benchmark itself, on small sizes: it must run and print one JSON line per figure with its target.
// No timing is asserted here (the machine may be busy); `npm run bench` reports the real figures.
test('npm run bench -- --smoke prints one JSON line per figure, each with a target and pass/fail', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts', 'bench.mjs'), '--smoke'],
        { cwd: repoRoot, timeout: 280_000 });
    const figures = stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
    expect(figures.map(figure => figure.figure)).toEqual([
        'machine',
        'perf --help',
        'check 500', 'check 5k', 'check growth 5k/500',
        'ratio perf/bean-check', 'ratio perf/hledger check', 'ratio perf/ledger bal',
        'check province 10 files',
        'compile 500 json', 'compile 500 xlsx',
        'lsp open workspace 10 files', 'lsp keystroke → diagnostics', 'lsp completion at an indicator code',
        'lsp keystroke → diagnostics under load', 'lsp completion at an indicator code under load',
        'lsp server peak memory', 'lsp server peak memory, province 10 files'
    ]);
    for (const figure of figures.slice(1)) {
        expect(typeof figure.target).toBe('string');
        // pass is what the figure's own numbers say against its target; null where the target is for another size.
        expect(figure.pass, `${figure.figure}: pass`).toBe(expectedPass(figure));
        if ('median_ms' in figure) {
            expect(figure.median_ms).toBeGreaterThan(0);
            expect(figure.p95_ms as number).toBeGreaterThanOrEqual(figure.median_ms as number);
        }
    }
    // A peer is measured (a ratio of interleaved pairs) or said loudly not to be (smoke installs nothing).
    for (const peer of figures.filter(figure => String(figure.figure).startsWith('ratio perf/'))) {
        expect(typeof peer.ratio === 'number' ? peer.ratio > 0 : String(peer.description).includes('NOT MEASURED')).toBe(true);
    }
    const memory = figures.find(figure => figure.figure === 'lsp server peak memory')!;
    expect(memory.peak_mib).toBeGreaterThan(10);
    const completion = figures.find(figure => figure.figure === 'lsp completion at an indicator code')!;
    expect(completion.description).toMatch(/\((?:[1-9]\d*) items\)/);
    // The loaded figures say that a second process ran beside the server; the province was validated whole.
    const loaded = figures.find(figure => figure.figure === 'lsp keystroke → diagnostics under load')!;
    expect(loaded.description).toContain('a second process burning one core');
    const province = figures.find(figure => figure.figure === 'lsp server peak memory, province 10 files')!;
    expect(province.description).toMatch(/spawn → all diagnosed: \d+ ms/);
    expect(province.peak_mib).toBeGreaterThan(10);
}, 300_000);

/** The number in a target such as `p95 ≤ 50 ms` or `≤ 10 (linear)`. */
const targetNumber = (figure: Record<string, unknown>) => Number(/≤ ([\d.]+)/.exec(String(figure.target))![1]);

/** Smoke sizes are below the 25,000 indicators the check and compile targets are set for: those report null. */
function expectedPass(figure: Record<string, unknown>): boolean | null {
    switch (figure.figure) {
        case 'check growth 5k/500': return (figure.ratio as number) <= targetNumber(figure);
        case 'perf --help': return (figure.median_ms as number) <= targetNumber(figure);
        case 'lsp keystroke → diagnostics':
        case 'lsp completion at an indicator code':
        case 'lsp keystroke → diagnostics under load':
        case 'lsp completion at an indicator code under load': return (figure.p95_ms as number) <= targetNumber(figure);
        case 'lsp server peak memory': return (figure.peak_mib as number) <= targetNumber(figure);
        default: return null;
    }
}

test('the in-process keystroke harness types in a small workspace and reports times and allocations', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-keystrokes-'));
    try {
        for (const file of generateWorkspace({ files: 3, indicatorsPerFile: 10, seed: 1 })) {
            fs.writeFileSync(path.join(folder, file.fileName), file.text);
        }
        const { stdout } = await promisify(execFile)(process.execPath,
            [path.join(repoRoot, 'scripts', 'bench', 'keystrokes.mjs'), folder, '--keystrokes', '4', '--allocations'],
            { cwd: repoRoot, timeout: 60_000 });
        expect(stdout).toMatch(/^4 keystrokes: median [\d.]+ ms, p95 [\d.]+ ms/);
        expect(stdout).toMatch(/allocated per keystroke: [\d.]+ MiB/);
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}, 90_000);
