import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitFiles, startWorker, threadCount } from '../../src/cli/check-parallel.js';
import type { CheckShare } from '../../src/cli/check-share.js';
import { NO_PROJECT_CONFIG } from '../../src/language/settings/project-config.js';
import { runPerf } from '../helpers.js';

/**
 * A workspace whose findings depend on the other files both ways: departments use catalogs declared in other
 * files (two of the same name: the first wins), one names a catalog nobody declares (the message lists every
 * catalog of the run), and the default catalog (--catalog) is one a file declares.
 */
const WORKSPACE: Record<string, string> = {
    'a-department.perf': '部门 "甲局" {\n  指标体系 "本地"\n  项目 "p" {\n    财政拨款 10.00\n'
        + '    11 "办件数量" 指标值 ≥10件\n    51 "别的" 指标值 ≥1次\n  }\n}\n',
    'b-catalog.perf': '指标体系 "本地" {\n  1 "产出指标" {\n    11 "数量指标"\n  }\n}\n',
    'c-department.perf': '部门 "乙局" {\n  指标体系 "无此"\n  项目 "p" {\n    财政拨款 1,2,3\n    11 "x" 指标值 1\n  }\n}\n',
    'd-catalogs.perf': '// a second 本地: never used, the first of the name wins\n指标体系 "本地" {\n  5 "其他" {\n    51 "别的"\n  }\n}\n'
        + '指标体系 /* a comment between the tokens */ “区县” {\n  2 "效益指标" {\n    22 "社会效益"\n  }\n}\n',
    'e-department.perf': '部门 "丙局" {\n  项目 "p" {\n    财政拨款 5.00\n    22 "受益人数" 指标值 ≥100人\n    11 "x" 指标值 1\n  }\n}\n'
};

function writeWorkspace(files: Record<string, string>): string[] {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-parallel-'));
    return Object.entries(files).map(([name, text]) => {
        fs.writeFileSync(path.join(folder, name), text);
        return path.join(folder, name);
    });
}

const check = (threads: number, args: string[]) =>
    runPerf(['check', '--no-cache', ...args], { env: { PERF_CHECK_THREADS: String(threads), PERF_DEBUG: '1' } });

describe('perf check on several threads', () => {
    const files = writeWorkspace(WORKSPACE);

    test.each([['text'], ['json'], ['sarif']])('the same %s output, exit code and order as in one thread, catalogs of other files included', format => {
        const args = ['--format', format, '--catalog', '区县', ...files];
        const one = check(1, args);
        const three = check(3, args);
        expect(one.stderr).not.toContain('perf: checking');
        expect(three.stderr).toContain('perf: checking 5 files on 3 threads\n');
        expect(three.stdout).toBe(one.stdout);
        expect(three.code).toBe(one.code);
        expect(one.code).toBe(1);
    });

    test('the cross-file findings are the ones of one process: first catalog of a name, the catalog list, the default catalog', () => {
        const { stdout } = check(3, ['--catalog', '区县', ...files]);
        const linesOf = (name: string) => stdout.split('\n').filter(line => line.startsWith(files.find(file => file.endsWith(name))!));
        // 11 is in the first 本地 and 51 only in the second: 51 alone is unknown.
        expect(linesOf('a-department.perf').filter(line => line.includes('[unknown-code]'))).toEqual([
            expect.stringMatching(/:6:5: error: .*“51”不在指标体系“本地”中；可用的二级指标代码：11-数量指标。/)
        ]);
        expect(linesOf('c-department.perf').join('\n')).toContain('找不到指标体系“无此”；可用的指标体系：“2015”、“2021”、“本地”、“区县”。');
        // 丙局 names no catalog: --catalog 区县, declared (after a comment) in d-catalogs.perf, has 22 and not 11.
        expect(linesOf('e-department.perf').filter(line => line.includes('[unknown-code]'))).toEqual([
            expect.stringMatching(/:5:5: error: .*“11”不在指标体系“区县”中/)
        ]);
        expect(stdout.trim().split('\n').at(-1)).toMatch(/^5 files checked: \d+ errors?, /);
    });

    test('a file that cannot be read is the one-line error of one thread, before any thread starts', () => {
        const missing = path.join(path.dirname(files[0]), 'no-such-file.perf');
        const one = check(1, [...files, missing]);
        const three = check(3, [...files, missing]);
        expect(three.code).toBe(2);
        expect(three.stderr.split('\n').filter(line => line.startsWith('perf: ') && !line.startsWith('perf: running'))).toEqual([
            expect.stringMatching(/^perf: .*no-such-file\.perf.*no such file/)
        ]);
        expect(three.stderr).toBe(one.stderr);
    });

    test('PERF_CHECK_THREADS that is not a whole number is a one-line error', () => {
        const result = runPerf(['check', '--no-cache', ...files], { env: { PERF_CHECK_THREADS: 'many' } });
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('perf: PERF_CHECK_THREADS=many: expected a whole number of at least 1 (1 checks in one thread)\n');
    });
});

describe('threadCount', () => {
    const text = (characters: number) => ({ path: 'x.perf', text: '部'.repeat(characters) });

    test('small runs, a single file and runs with a summary stay in one thread; large runs use every core', () => {
        expect(threadCount([text(10), text(10)], {})).toBe(1);
        expect(threadCount([text(6_000_000)], {})).toBe(1);
        expect(threadCount([text(2_000_000), text(2_000_000)], {})).toBe(1);
        expect(threadCount([text(3_000_000), text(3_000_000)], {})).toBe(Math.min(os.availableParallelism(), 2));
        const summary = { path: 's.perf', text: '汇总 "区" { 合计 1.00 部门 "商务局" }' };
        expect(threadCount([text(3_000_000), text(3_000_000), summary], {})).toBe(1);
        expect(threadCount([text(10), summary], { PERF_CHECK_THREADS: '4' })).toBe(1);
    });

    test('PERF_CHECK_THREADS sets the count, at most one thread per file', () => {
        expect(threadCount([text(10), text(10), text(10)], { PERF_CHECK_THREADS: '2' })).toBe(2);
        expect(threadCount([text(10), text(10)], { PERF_CHECK_THREADS: '8' })).toBe(2);
        expect(() => threadCount([text(10), text(10)], { PERF_CHECK_THREADS: '0' })).toThrow(/PERF_CHECK_THREADS=0/);
    });
});

describe('splitFiles', () => {
    test('every file in exactly one share, each share in the order of the run, the sizes close', () => {
        const sizes = [90, 10, 40, 40, 30, 20, 60, 10];
        const texts = sizes.map((size, index) => ({ path: `${index}.perf`, text: 'x'.repeat(size) }));
        const parts = splitFiles(texts, 3);
        expect(parts.flat().sort((a, b) => a - b)).toEqual(sizes.map((_, index) => index));
        for (const part of parts) {
            expect(part).toEqual([...part].sort((a, b) => a - b));
        }
        const totals = parts.map(part => part.reduce((sum, index) => sum + sizes[index], 0));
        expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(10);
    });
});

describe('a worker thread that fails', () => {
    const share: CheckShare = {
        texts: [{ path: 'first.perf', text: '' }, { path: 'second.perf', text: '' }],
        own: [0, 1],
        settings: { project: NO_PROJECT_CONFIG }
    };
    const script = (source: string) => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-worker-')), 'worker.mjs');
        fs.writeFileSync(file, source);
        return file;
    };

    test('one that throws: the run fails with a message naming its files and the error, not a hang', async () => {
        const worker = startWorker(share, script('throw new Error("the checker broke");\n'));
        await expect(worker.result).rejects.toThrow(
            /^perf check: the worker thread checking 2 files \(first\.perf …\) failed: Error: the checker broke/);
    });

    test('one that exits without an answer: the run fails with its exit code', async () => {
        const worker = startWorker(share, script('process.exit(3);\n'));
        await expect(worker.result).rejects.toThrow(
            'perf check: the worker thread checking 2 files (first.perf …) stopped (exit code 3) before it reported its findings');
    });
});
