import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { referenceExample, runPerf } from '../helpers.js';

/** The command line as a user runs it. */
const perf = (...args: string[]) => runPerf(args);

function tempFile(name: string, content: string | Buffer): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-cli-'));
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

describe('perf check', () => {
    test('the reference example has no error: exit 0 and a summary line', () => {
        const result = perf('check', referenceExample);
        expect(result.code).toBe(0);
        expect(result.stdout).not.toMatch(/: error: /);
        expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^1 file checked: 0 errors, \d+ warnings?, \d+ infos?$/);
    });

    test('prints file:line:col: error: message [code] and exits 1 on an error', () => {
        const file = tempFile('broken.perf', '部门 "d" {\n  项目 "p" {\n    财政拨款 1,2,3\n    11 "x" 指标值 1\n  }\n}\n');
        const result = perf('check', file);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`${file}:3:10: error: `);
        expect(result.stdout).toMatch(/\[amount-format\]/);
        expect(result.stdout).toMatch(/1 file checked: 1 error,/);
    });

    test.each([
        ['a missing file', () => path.join(os.tmpdir(), 'no-such-file.perf'), /no such file/],
        ['a folder without a .perf file', () => fs.mkdtempSync(path.join(os.tmpdir(), 'perf-empty-')), /the folder holds no \.perf file/],
        ['bytes that are not UTF-8', () => tempFile('gbk.perf', Buffer.from([0xb2, 0xbf, 0xc3, 0xc5, 0xff])), /is not UTF-8/]
    ])('%s gets a one-line error, not a stack trace', (_, makePath, message) => {
        const result = perf('check', makePath());
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
    });
});

describe('perf compile --format json', () => {
    test('writes the official table of the reference example', () => {
        const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-json-')), 'table.json');
        const result = perf('compile', referenceExample, '--format', 'json', '-o', output);
        expect(result.code).toBe(0);
        const table = JSON.parse(fs.readFileSync(output, 'utf8'));
        expect(Object.keys(table)).toEqual(['title', 'department', 'unit', 'columns', 'rows']);
        expect(table.columns).toEqual(['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标']);
        expect(table.rows.map((row: { level: number }) => row.level)).toEqual([0, 1, ...Array(28).fill(2)]);
        expect(table.rows[2].cells[6]).toMatch(/^1、1-产出指标；11-数量指标；南沙港区集装箱吞吐量增长率；实施周期指标值:≥3%；年度指标值:≥3%。2、/);
    });

    test('an error stops the compile with the diagnostics', () => {
        const file = tempFile('broken.perf', '部门 "d" { 项目 "p" { 财政拨款 1,2,3 } }');
        const output = file.replace(/\.perf$/, '.json');
        const result = perf('compile', file, '-o', output);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/error: .*\[amount-format\]/);
        expect(fs.existsSync(output)).toBe(false);
    });
});
