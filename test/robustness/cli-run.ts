/** Running the built command line (bin/perf.js on lib/, built by `npm test`'s pretest) in a scratch folder. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers.js';

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function perf(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): CliResult {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'perf.js'), ...args], {
        encoding: 'utf8', cwd: options.cwd ?? repoRoot, timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 256 * 1024 * 1024
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh empty folder under the system temp folder. */
export function scratchFolder(prefix = 'perf-robustness-'): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file under `folder`, as paths relative to it. */
export function filesUnder(folder: string): string[] {
    return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(entry => fs.statSync(path.join(folder, entry)).isFile())
        .sort();
}
