import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { referenceText, repoRoot } from '../helpers.js';

const perf = path.join(repoRoot, 'bin', 'perf.js');

/** `perf import` as a budget officer runs it (needs `npm run build`, which `npm test` runs first). */
describe('perf import', () => {
    test('writes the reference text as a .perf file with -o, and to stdout without', () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-import-')), 'ref.perf');
        execFileSync('node', [perf, 'import', referenceText, '-o', out], { stdio: 'pipe' });
        const written = fs.readFileSync(out, 'utf8');
        expect(written).toContain('项目 "商务综合服务经费" {');
        const stdout = execFileSync('node', [perf, 'import', referenceText], { encoding: 'utf8' });
        expect(stdout).toBe(written);
        const check = spawnSync('node', [perf, 'check', out], { encoding: 'utf8' });
        expect(check.stdout + check.stderr).toContain('0 errors');
    });

    test('refuses an unknown extension and a missing file with one line and exit code 2', () => {
        const unknown = spawnSync('node', [perf, 'import', 'table.numbers'], { encoding: 'utf8' });
        expect(unknown.status).toBe(2);
        expect(unknown.stderr.trim()).toMatch(/^perf: table\.numbers: 无法从扩展名“\.numbers”判断格式/);
        const missing = spawnSync('node', [perf, 'import', 'nowhere.xlsx'], { encoding: 'utf8' });
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('文件不存在');
    });
});
