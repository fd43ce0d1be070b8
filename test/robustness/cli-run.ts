/** Running the built command line (bin/perf.js on lib/, built by `npm test`'s pretest) in a scratch folder. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export { runPerf as perf, type CliResult } from '../helpers.js';

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
