/**
 * A large file under the size limit is checked to the end (no crash, every diagnostic printed), and its time
 * and peak memory are printed for the record (scripts/fuzz.mjs runs it at the 10 MB limit). `npm test` uses
 * 5 MB, about 220 copies of the reference table; the 50 MB case is refused by size (encoding.test.ts).
 * No speed assertion: the size limit is what bounds time and memory.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { MAX_SOURCE_BYTES } from '../../src/source/encoding.js';
import { readReferenceExample, repoRoot } from '../helpers.js';
import { scratchFolder } from './cli-run.js';
import { FUZZ_TEST_TIMEOUT_MS, LARGE_FILE_MB } from './fuzz-settings.js';

/** The reference table's projects repeated (renamed per copy) inside one department, up to `bytes`. */
function largeTable(bytes: number): { text: string; projects: number } {
    const reference = readReferenceExample();
    const body = reference.slice(reference.indexOf('{') + 1, reference.lastIndexOf('}'));
    const copies: string[] = [];
    let size = 0;
    for (let copy = 1; size < bytes; copy++) {
        const renamed = body.replaceAll('项目 "', `项目 "${copy}-`);
        copies.push(renamed);
        size += Buffer.byteLength(renamed);
    }
    return { text: `部门 "大文件测试" {${copies.join('\n')}}\n`, projects: 28 * copies.length };
}

test(`a ${LARGE_FILE_MB} MB file is checked to the end`, () => {
    const { text, projects } = largeTable(LARGE_FILE_MB * 1_000_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_SOURCE_BYTES);
    const file = path.join(scratchFolder(), 'large.perf');
    fs.writeFileSync(file, text);
    const timed = fs.existsSync('/usr/bin/time');
    const command = [path.join(repoRoot, 'bin', 'perf.js'), 'check', file];
    const started = Date.now();
    const result = timed
        ? spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, ...command], { encoding: 'utf8', maxBuffer: 1 << 30 })
        : spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = (Date.now() - started) / 1000;
    expect(result.status, result.stderr.slice(-2000)).toBeOneOf([0, 1]);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^1 file checked: \d+ errors?, \d+ warnings?, \d+ infos?$/);
    const rss = /peak-rss-kb (\d+)/.exec(result.stderr)?.[1];
    console.info(`large-input: ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${projects} projects: `
        + `perf check ${seconds.toFixed(1)} s${rss ? `, peak RSS ${(Number(rss) / 1024).toFixed(0)} MB` : ''}`);
}, FUZZ_TEST_TIMEOUT_MS);
