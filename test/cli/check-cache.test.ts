import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildIdentity, CheckCache, type CheckContext } from '../../src/cli/check-cache.js';
import { loadBuiltinCatalogs } from '../../src/catalog/builtin-catalogs.js';
import { referenceExample, runPerf } from '../helpers.js';

let folder: string;
let cacheDir: string;
beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-cache-'));
    cacheDir = path.join(folder, 'cache');
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

const SETTINGS = { encoding: undefined, catalog: undefined, rules: {}, roundingTolerance: undefined };

function withCacheDir<T>(run: () => T): T {
    const before = process.env.PERF_CACHE_DIR;
    process.env.PERF_CACHE_DIR = cacheDir;
    try {
        return run();
    } finally {
        if (before === undefined) {
            delete process.env.PERF_CACHE_DIR;
        } else {
            process.env.PERF_CACHE_DIR = before;
        }
    }
}

describe('the key: every part a check depends on makes a new entry', () => {
    const context: CheckContext = { build: ['1.0.0', 'lib/cli/main.js', [10, 1]], catalogs: loadBuiltinCatalogs() };
    const keyOf = (files: string[], settings: object = SETTINGS, given: CheckContext = context) =>
        withCacheDir(() => CheckCache.open(files, settings, given)!.file);

    test('the same files, settings and build give the same entry; each change gives another', () => {
        const file = path.join(folder, 'a.perf');
        fs.writeFileSync(file, '部门 "甲" { }\n');
        const other = path.join(folder, 'b.perf');
        fs.writeFileSync(other, '部门 "乙" { }\n');
        const key = keyOf([file]);
        expect(keyOf([file])).toBe(key);
        const changed = [
            keyOf([file, other]),
            keyOf([file], { ...SETTINGS, rules: { 'placeholder-amount': 'off' } }),
            keyOf([file], { ...SETTINGS, catalog: '2021' }),
            keyOf([file], { ...SETTINGS, roundingTolerance: '0.01' }),
            keyOf([file], { ...SETTINGS, encoding: 'gbk' }),
            keyOf([file], SETTINGS, { ...context, build: ['1.0.1', 'lib/cli/main.js', [10, 1]] }),
            keyOf([file], SETTINGS, { ...context, catalogs: [...context.catalogs, { uri: 'builtin:///catalogs/x.perf', text: '' }] })
        ];
        fs.writeFileSync(file, '部门 "甲" { 单位 万元 }\n');
        changed.push(keyOf([file]));
        process.env.PERF_MAX_DOCUMENT_MB = '1';
        try {
            changed.push(keyOf([file]));
        } finally {
            delete process.env.PERF_MAX_DOCUMENT_MB;
        }
        expect(new Set([key, ...changed]).size).toBe(changed.length + 1);
    });

    test('a file that cannot be read gives no entry (the check reports it as always)', () => {
        expect(withCacheDir(() => CheckCache.open([path.join(folder, 'missing.perf')], SETTINGS, context))).toBeUndefined();
    });

    test('the build is the version and the size and time of every file of the running code', () => {
        fs.writeFileSync(path.join(folder, 'package.json'), '{"version":"1.2.3"}');
        fs.mkdirSync(path.join(folder, 'lib', 'cli'), { recursive: true });
        const code = path.join(folder, 'lib', 'cli', 'check-cache.js');
        fs.writeFileSync(code, '// code');
        const before = buildIdentity(code);
        expect(before[0]).toBe('1.2.3');
        expect(before).toContain(path.join('cli', 'check-cache.js'));
        fs.utimesSync(code, new Date(), new Date(Date.now() + 5_000));
        expect(buildIdentity(code)).not.toEqual(before);
        fs.writeFileSync(path.join(folder, 'lib', 'other.js'), '');
        expect(buildIdentity(code).length).toBeGreaterThan(before.length);
    });
});

describe('perf check with the cache, as a user runs it', () => {
    const env = () => ({ PERF_CACHE_DIR: cacheDir });

    test('the second run prints exactly what the first printed, from the stored entry', () => {
        const first = runPerf(['check', referenceExample], { env: env() });
        const entries = fs.readdirSync(cacheDir).filter(name => name.endsWith('.json'));
        expect(entries).toHaveLength(1);
        const second = runPerf(['check', referenceExample], { env: env() });
        expect([second.code, second.stdout]).toEqual([first.code, first.stdout]);
        expect(first.stdout).toContain('1 file checked: 0 errors');

        // The entry is what the second run printed from: a marker written into it shows up.
        const entryFile = path.join(cacheDir, entries[0]);
        const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8'));
        entry.files[0].diagnostics[0].message = 'FROM THE CACHE';
        fs.writeFileSync(entryFile, JSON.stringify(entry));
        expect(runPerf(['check', referenceExample], { env: env() }).stdout).toContain('FROM THE CACHE');
        // --no-cache checks from scratch; json and sarif render the same stored findings.
        expect(runPerf(['check', '--no-cache', referenceExample], { env: env() }).stdout).toBe(first.stdout);
        expect(runPerf(['check', '--format', 'json', referenceExample], { env: env() }).stdout).toContain('FROM THE CACHE');
    });

    test('an edited file is checked again; a corrupt entry counts as none', () => {
        const file = path.join(folder, 'edited.perf');
        fs.writeFileSync(file, fs.readFileSync(referenceExample));
        const clean = runPerf(['check', file], { env: env() });
        fs.appendFileSync(file, '部门 "乙" { 单位 万元 单位 元 }\n');
        const edited = runPerf(['check', file], { env: env() });
        expect(edited.code).toBe(1);
        expect(edited.stdout).toContain('[duplicate-setting]');
        for (const name of fs.readdirSync(cacheDir)) {
            fs.writeFileSync(path.join(cacheDir, name), '{ not json');
        }
        expect(runPerf(['check', file], { env: env() }).stdout).toBe(edited.stdout);
        expect(clean.code).toBe(0);
    });

    test('an unusable cache folder costs nothing but speed', () => {
        fs.writeFileSync(cacheDir, 'a file where the folder would be');
        const result = runPerf(['check', referenceExample], { env: env() });
        expect([result.code, result.stderr]).toEqual([0, '']);
    });
});
