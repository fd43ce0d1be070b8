import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULE_CODES, RULES } from '../../src/language/validation/rules.js';
import { referenceExample, runPerf } from '../helpers.js';

/** A file with one error (line 3, column 10) and two warnings (no 效益 / 满意度 indicators, a total of 0). */
const BROKEN = '部门 "d" {\n  项目 "p" {\n    财政拨款 1,2,3\n    11 "x" 指标值 1\n  }\n}\n';

function workspace(): { cwd: string; file: string } {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-check-formats-'));
    fs.mkdirSync(path.join(cwd, 'tables'));
    fs.writeFileSync(path.join(cwd, 'tables', 'broken.perf'), BROKEN);
    return { cwd, file: path.join('tables', 'broken.perf') };
}

const perf = (cwd: string, ...args: string[]) => runPerf(args, { cwd });

describe('perf check output formats', () => {
    test('the default is the text output: lines and a summary line, the same as --format text', () => {
        const { cwd, file } = workspace();
        const plain = perf(cwd, 'check', file);
        expect(plain.stdout.trim().split('\n')).toEqual([
            expect.stringMatching(/^tables[\\/]broken\.perf:2:6: warning: .*\[missing-indicator-group\]$/),
            expect.stringMatching(/^tables[\\/]broken\.perf:3:10: warning: .*\[placeholder-amount\]$/),
            expect.stringMatching(/^tables[\\/]broken\.perf:3:10: error: .*\[amount-format\]$/),
            '1 file checked: 1 error, 2 warnings, 0 infos'
        ]);
        expect(perf(cwd, 'check', file, '--format', 'text').stdout).toBe(plain.stdout);
    });

    test('--quiet lists errors only; the summary still counts everything', () => {
        const { cwd, file } = workspace();
        const result = perf(cwd, 'check', file, '--quiet');
        expect(result.code).toBe(1);
        expect(result.stdout.trim().split('\n')).toEqual([
            expect.stringMatching(/^tables[\\/]broken\.perf:3:10: error: .*\[amount-format\]$/),
            '1 file checked: 1 error, 2 warnings, 0 infos'
        ]);
    });

    test('--summary prints the summary line alone, with the exit code of the check', () => {
        const { cwd, file } = workspace();
        const result = perf(cwd, 'check', file, '--summary');
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('1 file checked: 1 error, 2 warnings, 0 infos\n');
        const reference = perf(cwd, 'check', referenceExample, '--summary');
        expect(reference.code).toBe(0);
        expect(reference.stdout).toMatch(/^1 file checked: 0 errors, \d+ warnings?, \d+ infos?\n$/);
    });

    test('--format json: every problem with 1-based positions, rule code and the summary counts', () => {
        const { cwd, file } = workspace();
        const result = perf(cwd, 'check', file, '--format', 'json');
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout);
        expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 2, infos: 0 });
        expect(report.files).toHaveLength(1);
        expect(report.files[0].path).toBe(file);
        expect(report.files[0].diagnostics[2]).toEqual({
            line: 3, column: 10, endLine: 3, endColumn: 15, severity: 'error', code: 'amount-format',
            message: expect.stringContaining('1,2,3')
        });
        expect(report.files[0].diagnostics.map((d: { code: string }) => d.code))
            .toEqual(['missing-indicator-group', 'placeholder-amount', 'amount-format']);
        expect(report.files[0].diagnostics[0]).toMatchObject({ line: 2, column: 6, severity: 'warning' });
    });

    test('--format json with --quiet and --summary', () => {
        const { cwd, file } = workspace();
        const quiet = JSON.parse(perf(cwd, 'check', file, '-f', 'json', '-q').stdout);
        expect(quiet.files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['amount-format']);
        expect(JSON.parse(perf(cwd, 'check', file, '-f', 'json', '--summary').stdout))
            .toEqual({ summary: { files: 1, errors: 1, warnings: 2, infos: 0 } });
    });

    test('--format sarif: SARIF 2.1.0 with the rule table as rule metadata and results at relative paths', () => {
        const { cwd, file } = workspace();
        const result = perf(cwd, 'check', file, '--format', 'sarif');
        expect(result.code).toBe(1);
        const log = JSON.parse(result.stdout);
        expect(log.version).toBe('2.1.0');
        expect(log.$schema).toMatch(/sarif-2\.1\.0/);
        expect(log.runs).toHaveLength(1);
        const run = log.runs[0];
        expect(run.tool.driver.name).toBe('perf');
        expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULE_CODES);
        const rounding = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'rounding-difference');
        expect(rounding.shortDescription.text).toBe(RULES['rounding-difference'].title);
        expect(rounding.defaultConfiguration.level).toBe('warning');
        expect(run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'mixed-comparators').defaultConfiguration.level).toBe('note');
        expect(run.results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`))
            .toEqual(['missing-indicator-group warning', 'placeholder-amount warning', 'amount-format error']);
        const first = run.results[2];
        expect(first.ruleId).toBe('amount-format');
        expect(run.tool.driver.rules[first.ruleIndex].id).toBe('amount-format');
        expect(first.level).toBe('error');
        expect(first.message.text).toContain('1,2,3');
        expect(first.locations[0].physicalLocation).toEqual({
            artifactLocation: { uri: 'tables/broken.perf', uriBaseId: 'SRCROOT' },
            region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 15 }
        });
        expect(run.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/.*\/$/);
    });

    test('--format sarif with --summary is refused in one line; an unknown format is refused', () => {
        const { cwd, file } = workspace();
        const both = perf(cwd, 'check', file, '--format', 'sarif', '--summary');
        expect(both.code).toBe(2);
        expect(both.stderr.trim()).toMatch(/^perf: --summary: /);
        const unknown = perf(cwd, 'check', file, '--format', 'xml');
        expect(unknown.code).not.toBe(0);
        expect(unknown.stderr).toMatch(/text, json, sarif/);
    });
});
