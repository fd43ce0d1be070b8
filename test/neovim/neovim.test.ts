import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ensurePackages } from '../debian-packages.js';
import { readReferenceExample, referenceExample, repoRoot } from '../helpers.js';
import { positionOf } from '../lsp/lsp-helpers.js';

/**
 * A real third-party LSP client: headless Neovim (Debian's `neovim`, 0.7) starts `perf lsp --stdio`, opens the
 * reference example, receives its diagnostics and asks for completion at an indicator code.
 * Neovim is installed here when missing (test/debian-packages.ts); when that is impossible the suite says why.
 */
const neovim = ensurePackages('Neovim LSP', [{ check: () => spawnSync('nvim', ['--version']).status === 0, package: 'neovim' }]);

interface NeovimResult {
    diagnostics: Array<{ severity?: number; message: string; code?: string | number; data?: { code?: string } }> | null;
    completion: string[] | null;
    errors: string[];
}

describe.skipIf(neovim.skipReason !== undefined)(`Neovim 0.7 as the client of perf lsp --stdio${neovim.skipReason ? ` (SKIPPED: ${neovim.skipReason})` : ''}`, () => {
    test('receives the reference example\'s warnings and completes the catalog codes at an indicator code', () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-nvim-')), 'result.json');
        const position = positionOf(readReferenceExample(), '11 "南沙港区集装箱吞吐量增长率"', { index: 2 });
        const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(repoRoot, 'test', 'neovim', 'drive-perf-lsp.lua')}`], {
            cwd: repoRoot,
            encoding: 'utf8',
            timeout: 120_000,
            env: {
                ...process.env, PERF_ROOT: repoRoot, PERF_FILE: referenceExample, PERF_OUT: out,
                PERF_LINE: String(position.line), PERF_CHARACTER: String(position.character)
            }
        });
        expect(fs.existsSync(out), `nvim wrote no result (status ${run.status}): ${run.stderr}${run.stdout}`).toBe(true);
        const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimResult;
        expect(result.errors).toEqual([]);
        expect(run.status).toBe(0);

        const diagnostics = result.diagnostics ?? [];
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        const codes = diagnostics.map(d => String(d.code ?? d.data?.code ?? ''));
        // The warnings the issue names for the reference table (validation rules of part A).
        expect(codes).toContain('rounding-difference');
        expect(codes.filter(code => code === 'lower-bound-on-time')).toHaveLength(2);
        expect(codes).toContain('unbalanced-brackets');
        expect(codes).toContain('trailing-punctuation');
        const rounding = diagnostics.find(d => String(d.code ?? d.data?.code) === 'rounding-difference')!;
        expect(rounding.message).toContain('67,522.74');

        expect(result.completion).toEqual(expect.arrayContaining([
            '11 数量指标（产出指标）', '12 质量指标（产出指标）', '13 时效指标（产出指标）', '14 成本指标（产出指标）',
            '21 经济效益（效益指标）', '22 社会效益（效益指标）', '31 服务对象满意度（满意度指标）'
        ]));
    }, 180_000);
});
