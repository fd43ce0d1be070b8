import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Metafile } from 'esbuild';
import { bundleCli, LibChangedError } from '../../scripts/cli/bundle.mjs';
import { BUNDLE_FOLDER, bundleStaleness, DEPENDENCIES_FILE, STAMP_NAME } from '../../scripts/cli/bundle-stamp.mjs';
import { repoRoot, runPerf } from '../helpers.js';

// The command-line bundle (dist/cli) is built and made stale in a copy of the package, never in the real tree,
// where other test files run bin/perf.js at the same time.
const example = path.join('examples', 'nansha-commerce-bureau.perf');
let copy: string;
let metafile: Metafile;

/** bin/perf.js of the copy, run from the repository (so file names in the output are the same), saying which entry it took. */
function runCopy(args: string[], env: NodeJS.ProcessEnv = {}) {
    return runPerf(args, { packageRoot: copy, env: { PERF_DEBUG: '1', PERF_CLI_BUNDLE: '', ...env } });
}

const RUNS_BUNDLE = 'perf: running dist/cli/main.js (bundle is fresh)\n';

beforeAll(async () => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-cli-bundle-'));
    for (const entry of ['package.json', 'bin', 'lib', 'catalogs', 'scripts']) {
        fs.cpSync(path.join(repoRoot, entry), path.join(copy, entry), { recursive: true });
    }
    // Packages by symbolic link, but a lock file of the copy's own, which a test may touch.
    fs.mkdirSync(path.join(copy, 'node_modules'));
    for (const name of fs.readdirSync(path.join(repoRoot, 'node_modules'))) {
        if (name !== '.package-lock.json') {
            fs.symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(copy, 'node_modules', name));
        }
    }
    fs.copyFileSync(path.join(repoRoot, DEPENDENCIES_FILE), path.join(copy, DEPENDENCIES_FILE));
    ({ metafile } = await bundleCli(copy));
});

afterAll(() => {
    fs.rmSync(copy, { recursive: true, force: true });
});

describe('the bundle of the command line', () => {
    test('is what bin/perf.js runs while it is fresh, with the built-in catalogs found from dist/cli', () => {
        expect(bundleStaleness(copy)).toBeUndefined();
        const result = runCopy(['check', example]);
        expect(result.stderr).toBe(RUNS_BUNDLE);
        // The codes of the reference table link against the 2015 catalog: no unresolved-code error.
        expect(result.stdout).toContain('1 file checked: 0 errors, 29 warnings, 14 infos');
        expect(result.code).toBe(0);
        // Nothing on a normal run: the choice is said only under PERF_DEBUG.
        expect(runCopy(['--help'], { PERF_DEBUG: '' }).stderr).toBe('');
    });

    test('loads each command (and exceljs, which perf import reads with) only when it is used', () => {
        const entry = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === 'lib/cli/main.js');
        expect(entry).toBeDefined();
        const loadedAtStart = new Set<string>();
        const seen = new Set<string>();
        const visit = (file: string) => {
            if (seen.has(file)) {
                return;
            }
            seen.add(file);
            Object.keys(metafile.outputs[file].inputs).forEach(input => loadedAtStart.add(input));
            metafile.outputs[file].imports.filter(imported => imported.kind === 'import-statement' && !imported.external)
                .forEach(imported => visit(imported.path));
        };
        visit(entry![0]);
        const bundled = new Set(Object.values(metafile.outputs).flatMap(output => Object.keys(output.inputs)));
        // lib/cli/main.ts imports these with import(): every command, the language server (perf lsp) included.
        // Langium and the document loader too: perf --help and a cached perf check run without them (check-cache.ts),
        // and without the decoders that reading the files needs (iconv-lite's tables are half a megabyte);
        // perf --help also without what a check's cache and report read (decimal.js, the LSP types).
        const lazy = ['lib/cli/format.js', 'lib/cli/diff.js', 'lib/cli/import.js', 'lib/compile/xlsx.js',
            'lib/server/main.js', 'node_modules/exceljs/', 'node_modules/diff/', 'node_modules/csv-parse/',
            'lib/cli/documents.js', 'lib/cli/compile.js', 'node_modules/langium/', 'node_modules/chevrotain/',
            'lib/cli/source-files.js', 'node_modules/iconv-lite/', 'lib/cli/check.js', 'lib/cli/check-cache.js',
            'node_modules/decimal.js/', 'node_modules/vscode-languageserver-types/'];
        for (const prefix of lazy) {
            expect([...bundled].some(input => input.includes(prefix)), `${prefix} is in the bundle`).toBe(true);
            expect([...loadedAtStart].filter(input => input.includes(prefix)), `${prefix} loaded at start`).toEqual([]);
        }
        expect([...loadedAtStart]).toContain('lib/cli/check-options.js');
    });

    test('prints the same as lib/ for perf check and perf compile --format json of the reference table', () => {
        const output = path.join(copy, 'out.json');
        const throughBundle = runCopy(['check', example]);
        const bundleCompile = runCopy(['compile', example, '--format', 'json', '-o', output]);
        const bundleJson = fs.readFileSync(output, 'utf8');
        fs.rmSync(output);
        const throughLib = runCopy(['check', example], { PERF_CLI_BUNDLE: 'off' });
        const libCompile = runCopy(['compile', example, '--format', 'json', '-o', output], { PERF_CLI_BUNDLE: 'off' });
        const libJson = fs.readFileSync(output, 'utf8');

        expect(throughLib.stderr).toBe('perf: running lib/cli/main.js: PERF_CLI_BUNDLE=off\n');
        expect(bundleCompile.stderr.startsWith(RUNS_BUNDLE)).toBe(true);
        expect(throughBundle.stdout).toBe(throughLib.stdout);
        expect(throughBundle.code).toBe(throughLib.code);
        expect(stripEntryLine(bundleCompile.stderr)).toBe(stripEntryLine(libCompile.stderr));
        expect(stripEntryLine(bundleCompile.stderr)).toContain(`${example} → ${output}`);
        expect(bundleCompile.code).toBe(0);
        expect(libCompile.code).toBe(0);
        expect(bundleJson).toBe(libJson);
        expect(JSON.parse(bundleJson).rows).toHaveLength(1 + 1 + 28); // 合计, the department, 28 projects
    });

    test('runs the worker threads of a parallel check from the bundle too, with the findings of one thread', () => {
        const examples = fs.readdirSync('examples').filter(name => name.endsWith('.perf')).map(name => path.join('examples', name));
        const parallel = runCopy(['check', '--no-cache', ...examples], { PERF_CHECK_THREADS: '2' });
        const single = runCopy(['check', '--no-cache', ...examples], { PERF_CHECK_THREADS: '1' });
        expect(parallel.stderr.split('\n').sort()).toEqual(['', `perf: checking ${examples.length} files on 2 threads`,
            'perf: running dist/cli/check-worker.js (bundle is fresh)', RUNS_BUNDLE.trim()]);
        expect(parallel.stdout).toBe(single.stdout);
        expect(parallel.code).toBe(single.code);
        expect(parallel.stdout).toContain(`${examples.length} files checked`);
    });

    test('writes the XLSX through its lazily loaded chunk', () => {
        const output = path.join(copy, 'out.xlsx');
        const result = runCopy(['compile', example, '--format', 'xlsx', '-o', output]);
        expect(result.stderr.startsWith(RUNS_BUNDLE)).toBe(true);
        expect(result.code).toBe(0);
        expect(fs.readFileSync(output).subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: the workbook
    });
});

describe('a stale bundle is never run', () => {
    test('a lib/ file rewritten after the bundle (a bare tsc, npm run watch) sends bin/perf.js to lib/', () => {
        const file = path.join(copy, 'lib', 'cli', 'check.js');
        const later = new Date(fs.statSync(file).mtimeMs + 2_000);
        fs.utimesSync(file, later, later);
        expect(bundleStaleness(copy)).toBe('lib/cli/check.js changed since the bundle was built');
        const result = runCopy(['check', example]);
        expect(result.stderr).toBe('perf: running lib/cli/main.js: lib/cli/check.js changed since the bundle was built\n');
        expect(result.stdout).toContain('1 file checked: 0 errors');
    });

    test('rebuilding makes it fresh again; an edited or deleted lib/ file or new dependencies make it stale', async () => {
        await bundleCli(copy);
        expect(bundleStaleness(copy)).toBeUndefined();

        const model = path.join(copy, 'lib', 'model', 'money.js');
        fs.appendFileSync(model, '\n');
        expect(bundleStaleness(copy)).toMatch(/^lib\/model\/money\.js changed/);

        await bundleCli(copy);
        fs.utimesSync(path.join(copy, DEPENDENCIES_FILE), new Date(), new Date()); // npm install
        expect(bundleStaleness(copy)).toBe(`${DEPENDENCIES_FILE} changed since the bundle was built`);

        await bundleCli(copy);
        const renamed = path.join(copy, 'lib', 'cli', 'report.js');
        fs.renameSync(renamed, `${renamed}.away`);
        expect(bundleStaleness(copy)).toBe('lib/cli/report.js changed since the bundle was built');
        fs.renameSync(`${renamed}.away`, renamed);
    });

    test('a lib/ file written while it is bundled (npm run watch) is not vouched for: the old bundle stays, stale', async () => {
        await bundleCli(copy);
        const stamp = fs.readFileSync(path.join(copy, BUNDLE_FOLDER, STAMP_NAME), 'utf8');
        const file = path.join(copy, 'lib', 'cli', 'rules.js');
        await expect(bundleCli(copy, { afterBuild: () => fs.appendFileSync(file, '\n') }))
            .rejects.toThrow(new LibChangedError('lib/cli/rules.js changed while it was bundled (is `npm run watch` running?)'));
        expect(fs.readFileSync(path.join(copy, BUNDLE_FOLDER, STAMP_NAME), 'utf8')).toBe(stamp);
        expect(bundleStaleness(copy)).toBe('lib/cli/rules.js changed since the bundle was built');
        expect(fs.readdirSync(path.join(copy, 'dist'))).toEqual(['cli']); // no staging folder left behind
    });

    test('a missing or unreadable stamp means no bundle', async () => {
        await bundleCli(copy);
        const stamp = path.join(copy, BUNDLE_FOLDER, STAMP_NAME);
        fs.writeFileSync(stamp, '{"builtFrom": [');
        expect(bundleStaleness(copy)).toBe(`no ${BUNDLE_FOLDER}/${STAMP_NAME} (npm run build writes the bundle)`);
        fs.rmSync(path.join(copy, BUNDLE_FOLDER), { recursive: true });
        const result = runCopy(['--help']);
        expect(result.stderr).toBe(`perf: running lib/cli/main.js: no ${BUNDLE_FOLDER}/${STAMP_NAME} (npm run build writes the bundle)\n`);
        expect(result.stdout).toContain('Usage: perf');
        expect(result.code).toBe(0);
        expect(runCopy(['--help'], { PERF_DEBUG: '' }).stderr).toBe('');
    });
});

/** Compile's stderr without the PERF_DEBUG line naming the entry. */
function stripEntryLine(stderr: string): string {
    return stderr.replace(/^perf: running .*\n/, '');
}
