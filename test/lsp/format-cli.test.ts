import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readReferenceExample, referenceExample, runPerf } from '../helpers.js';

/** The command line as a user runs it. */
const perf = (...args: string[]) => runPerf(args);

function tempFiles(files: Record<string, string>): string[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-format-'));
    return Object.entries(files).map(([name, content]) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, content);
        return file;
    });
}

const MESSY = '部门 "某局" {\n单位 万元\n  项目 "甲" {  总计 1.00\n11 "数量"   指标值 ≥1个 }\n}\n';
const CANONICAL = '部门 "某局" {\n    单位 万元\n\n    项目 "甲" {\n        总计 1.00\n        11 "数量" 指标值 ≥1个\n    }\n}\n';

describe('perf format', () => {
    test('--check on the reference example: nothing to change, exit 0', () => {
        const result = perf('format', '--check', referenceExample);
        expect(result.stdout).toBe('');
        expect(result.code).toBe(0);
    });

    test('--check lists the files that would change, exits 1 and writes nothing', () => {
        const [messy, tidy] = tempFiles({ 'messy.perf': MESSY, 'tidy.perf': readReferenceExample() });
        const result = perf('format', '--check', messy, tidy);
        expect(result.code).toBe(1);
        expect(result.stdout.trim().split('\n')).toEqual([messy]);
        expect(result.stderr).toContain('1 个文件需要格式化');
        expect(fs.readFileSync(messy, 'utf8')).toBe(MESSY);
    });

    test('rewrites in place in the canonical layout; a second run changes nothing', () => {
        const [messy] = tempFiles({ 'messy.perf': MESSY });
        expect(perf('format', messy).code).toBe(0);
        expect(fs.readFileSync(messy, 'utf8')).toBe(CANONICAL);
        expect(perf('format', '--check', messy).code).toBe(0);
    });

    test('leaves a file with syntax errors untouched and says where the error is', () => {
        const broken = '部门 "某局" {\n    项目 "甲 {\n    }\n}\n';
        const [file] = tempFiles({ 'broken.perf': broken });
        const result = perf('format', file);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: error: `));
        expect(result.stderr).toContain('有语法错误，未格式化');
        expect(fs.readFileSync(file, 'utf8')).toBe(broken);
    });

    test('a missing file is one line and exit 2', () => {
        const result = perf('format', '/nonexistent/x.perf');
        expect(result.code).toBe(2);
        expect(result.stderr.trim()).toMatch(/^perf: \/nonexistent\/x\.perf: .*no such file$/);
    });
});
