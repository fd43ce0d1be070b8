import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ProgressLine } from '../../src/cli/progress.js';
import { referenceExample, repoRoot, runPerf } from '../helpers.js';

const CLEAR = '\r\x1b[2K';

function fakeStream(isTTY: boolean, columns = 80) {
    const written: string[] = [];
    return { written, stream: { isTTY, columns, write: (chunk: string) => { written.push(chunk); return true; } } };
}

describe('the progress line', () => {
    test('on a terminal: one line, redrawn with the seconds taken, cleared before other output', () => {
        const { written, stream } = fakeStream(true);
        let now = 1_000;
        const progress = new ProgressLine(stream, () => now);
        progress.show('table.perf → PDF…');
        now += 3_400;
        progress.render();
        progress.clear();
        expect(written).toEqual([`${CLEAR}perf: table.perf → PDF…`, `${CLEAR}perf: table.perf → PDF… (3 s)`, CLEAR]);
    });

    test('never wider than the terminal, counting Chinese characters as two columns', () => {
        const { written, stream } = fakeStream(true, 20);
        new ProgressLine(stream).show('读入并检查一个很长的文件名');
        const line = written[0].slice(CLEAR.length);
        expect(line).toBe('perf: 读入并检查一…');
    });

    test('not a terminal (a pipe, a file, CI): writes nothing at all', () => {
        const { written, stream } = fakeStream(false);
        const progress = new ProgressLine(stream);
        progress.show('x');
        progress.clear();
        expect(written).toEqual([]);
        const compiled = runPerf(['compile', referenceExample, '--format', 'json', '-o', fs.mkdtempSync(path.join(os.tmpdir(), 'perf-progress-'))]);
        expect(compiled.code).toBe(0);
        expect(compiled.stderr).not.toContain('\x1b');
        expect(compiled.stderr).not.toContain('\r');
    });

    const hasScript = spawnSync('script', ['--version']).status === 0;
    test.skipIf(!hasScript)('perf compile in a real terminal (script(1) gives it a pty) shows the steps, then the usual lines', () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-progress-'));
        const command = [process.execPath, path.join(repoRoot, 'bin', 'perf.js'), 'compile', referenceExample, '--format', 'json', '-o', out]
            .map(part => `'${part}'`).join(' ');
        const transcript = execFileSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '200' } });
        expect(transcript).toContain(`${CLEAR}perf: 读入并检查 1 个文件 (reading and checking)…`);
        expect(transcript).toContain(`${CLEAR}perf: ${referenceExample.slice(0, 20)}`); // the step line, cut to the terminal's width
        expect(transcript).toContain(`${CLEAR}${referenceExample} → ${path.join(out, 'nansha-commerce-bureau.json')}`);
    });
});
