// Whether the command-line bundle (dist/cli, written by `npm run build`) still matches what it was built from.
// bin/perf.js asks on every start, so this only reads one small JSON file and stats the ~100 files it lists
// (about 1 ms; docs/performance.md). The bundle records the size and modification time of each lib/ file it
// took in and of node_modules/.package-lock.json; a bare `tsc` or `npm run watch` rewrites lib/ files, an
// `npm install` rewrites the lock file, and either makes the bundle stale: bin/perf.js then runs lib/.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The bundle's folder, its entry and its stamp, relative to the package root. */
export const BUNDLE_FOLDER = 'dist/cli';
export const BUNDLE_ENTRY = `${BUNDLE_FOLDER}/main.js`;
export const STAMP_NAME = 'stamp.json';
/** What bin/perf.js runs when the bundle is missing or stale: tsc's output. */
export const LIB_ENTRY = 'lib/cli/main.js';
/** npm rewrites it on every install, update and removal of a package: the bundled dependencies changed. */
export const DEPENDENCIES_FILE = 'node_modules/.package-lock.json';

/**
 * [file, size, mtimeMs] of each file (relative to root, '/'-separated); size and time are null for a file
 * that does not exist, so a file's appearing counts as a change too.
 */
export function fileStates(root, files) {
    return files.map(file => {
        const stats = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
        return stats ? [file, stats.size, stats.mtimeMs] : [file, null, null];
    });
}

/** The stamp the bundle script writes into the bundle's folder: the states of the files it was built from. */
export function stampText(states) {
    return JSON.stringify({ builtFrom: states }) + '\n';
}

/**
 * Why the bundle under root must not run, or undefined when it is fresh: every file it was built from has the
 * size and modification time it had then.
 */
export function bundleStaleness(root) {
    let stamp;
    try {
        stamp = JSON.parse(fs.readFileSync(path.join(root, BUNDLE_FOLDER, STAMP_NAME), 'utf8'));
    } catch {
        return `no ${BUNDLE_FOLDER}/${STAMP_NAME} (npm run build writes the bundle)`;
    }
    const recorded = Array.isArray(stamp?.builtFrom) ? stamp.builtFrom : [];
    if (recorded.length === 0) {
        return `${BUNDLE_FOLDER}/${STAMP_NAME} lists no file`;
    }
    const current = fileStates(root, recorded.map(([file]) => file));
    for (let index = 0; index < recorded.length; index++) {
        const [file, size, mtimeMs] = recorded[index];
        if (current[index][1] !== size || current[index][2] !== mtimeMs) {
            return `${file} changed since the bundle was built`;
        }
    }
    return undefined;
}

/**
 * The module bin/perf.js imports (or bin/perf-check-worker.js, with name 'check-worker'): the bundle's when it is
 * fresh, else lib/cli's. PERF_CLI_BUNDLE=off always takes lib/ (to compare the two); PERF_DEBUG=1 says on stderr
 * which one runs and why.
 */
export function cliEntry(root, env = process.env, name = 'main') {
    const reason = env.PERF_CLI_BUNDLE === 'off' ? 'PERF_CLI_BUNDLE=off' : bundleStaleness(root);
    const entry = reason === undefined ? `${BUNDLE_FOLDER}/${name}.js` : `lib/cli/${name}.js`;
    if (env.PERF_DEBUG) {
        process.stderr.write(`perf: running ${entry}${reason === undefined ? ' (bundle is fresh)' : `: ${reason}`}\n`);
    }
    return path.join(root, entry);
}
