import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { referenceExample, repoRoot, runPerf } from '../helpers.js';
import { oneProject } from './validation-helpers.js';

/** The command line as a user runs it, with its output split into lines. */
function perf(...args: string[]) {
    const result = runPerf(args);
    return { ...result, lines: result.stdout.trim().split('\n') };
}

function tempPerf(text: string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-rules-')), 'table.perf');
    fs.writeFileSync(file, text);
    return file;
}

const relativeExample = path.relative(repoRoot, referenceExample);

describe('perf check prints file:line:col: severity: message [code]', () => {
    test('the reference table: the rounding warning on 合计, the time warnings; exit 0', () => {
        const result = perf('check', relativeExample);
        expect(result.code).toBe(0);
        expect(result.lines).toContainEqual(expect.stringMatching(
            new RegExp(`^${relativeExample}:8:8: warning: 合计 67,522\\.75 .*67,522\\.74.* \\[rounding-difference\\]$`)));
        expect(result.lines.filter(line => line.endsWith('[lower-bound-on-time]')).map(line => line.split(':').slice(1, 3).join(':')))
            .toEqual(['124:26', '126:30']);
        expect(result.lines.filter(line => line.endsWith('[mixed-comparators]')).every(line => line.includes(': info: '))).toBe(true);
    });

    test('--rule CODE=off drops a rule; --rule CODE=error makes the check fail with exit 1', () => {
        const off = perf('check', '--rule', 'mixed-comparators=off', '--rule', 'missing-indicator-group=off', relativeExample);
        expect(off.code).toBe(0);
        expect(off.stdout).not.toContain('[mixed-comparators]');
        expect(off.stdout).not.toContain('[missing-indicator-group]');
        expect(off.lines.at(-1)).toBe('1 file checked: 0 errors, 9 warnings, 0 infos');

        const strict = perf('check', '--rule', 'rounding-difference=error', relativeExample);
        expect(strict.code).toBe(1);
        expect(strict.lines).toContainEqual(expect.stringMatching(new RegExp(`^${relativeExample}:8:8: error: 合计 67,522\\.75 .* \\[rounding-difference\\]$`)));
        expect(strict.lines.filter(line => line.includes(': error: ')).map(line => line.split(':')[1])).toEqual(['8', '9']);
    });

    test('an error in a file gives exit 1; switching that rule off gives exit 0', () => {
        const file = tempPerf(oneProject({ amounts: ['总计 12.00', '财政拨款 10.00'] }));
        const failing = perf('check', file);
        expect(failing.code).toBe(1);
        expect(failing.lines).toContainEqual(expect.stringMatching(new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}:4:12: error: .*10\\.00.*相差 2\\.00 万元.* \\[total-mismatch\\]$`)));
        expect(perf('check', '--rule', 'total-mismatch=warning', file).code).toBe(0);
    });

    test('a bad --rule is one line on stderr with exit 2, listing the codes', () => {
        const result = perf('check', '--rule', 'no-such-rule=off', relativeExample);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('没有规则“no-such-rule”');
        expect(result.stderr).toContain('placeholder-amount');
        expect(perf('check', '--rule', 'placeholder-amount=loud', relativeExample).code).toBe(2);
    });

    test('--help documents --rule, and perf rules lists every code', () => {
        expect(perf('check', '--help').stdout).toContain('--rule <code=level>');
        expect(perf('rules').stdout).toMatch(/^rounding-difference\s+warning\s+/m);
    });
});
