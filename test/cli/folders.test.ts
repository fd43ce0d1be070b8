/**
 * A folder on the command line stands for every .perf file below it (`perf check tables/`), for check, compile
 * and format; node_modules and hidden folders are skipped, and a folder without a .perf file is an error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readReferenceExample, runPerf } from '../helpers.js';

describe('a folder as the files it holds', () => {
    let workspace: string;
    const table = (department: string) => `部门 "${department}" {\n    项目 "培训" {\n        财政拨款 1.00\n        绩效目标 "完成培训"\n        11 "培训人次" 指标值 ≥10人次\n    }\n}\n`;

    beforeAll(() => {
        workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-folders-'));
        const write = (file: string, text: string) => {
            fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
            fs.writeFileSync(path.join(workspace, file), text);
        };
        write('tables/b.perf', table('某县乙局'));
        write('tables/a.perf', readReferenceExample());
        write('tables/district/c.perf', table('某县丙局'));
        write('tables/notes.txt', 'not a table');
        write('tables/node_modules/pkg/x.perf', 'not checked {');
        write('tables/.history/old.perf', 'not checked {');
        fs.mkdirSync(path.join(workspace, 'empty'));
    });

    afterAll(() => {
        fs.rmSync(workspace, { recursive: true, force: true });
    });

    test('perf check FOLDER checks every .perf file below it, in path order, as if each were named', () => {
        const byFolder = runPerf(['check', '--no-cache', 'tables'], { cwd: workspace });
        const named = ['tables/a.perf', 'tables/b.perf', 'tables/district/c.perf'];
        const byFiles = runPerf(['check', '--no-cache', ...named], { cwd: workspace });
        expect(byFolder.stderr).toBe('');
        expect(byFolder.stdout).toBe(byFiles.stdout);
        expect(byFolder.code).toBe(byFiles.code);
        expect(byFolder.stdout).toMatch(/^3 files checked: /m);
        expect(byFolder.stdout).not.toMatch(/node_modules|\.history/);
        expect(byFolder.stdout).toMatch(/^tables\/a\.perf:\d+:\d+: warning: .*\[rounding-difference\]/m);
    });

    test('a folder and a file can be given together', () => {
        const result = runPerf(['check', '--no-cache', 'tables/district', 'tables/b.perf'], { cwd: workspace });
        expect(result.stdout).toMatch(/^2 files checked: 0 errors/m);
    });

    test('a folder without a .perf file is one clear error, not "0 files checked"', () => {
        const result = runPerf(['check', 'empty'], { cwd: workspace });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim()).toBe('perf: empty: the folder holds no .perf file: name the .perf files or a folder that has some');
    });

    test('perf compile and perf format take a folder too', () => {
        const compiled = runPerf(['compile', '--format', 'json', '-o', 'out', 'tables/district'], { cwd: workspace });
        expect(compiled.code).toBe(0);
        expect(fs.readFileSync(path.join(workspace, 'out', 'c.json'), 'utf8')).toContain('"某县丙局"');
        const formatted = runPerf(['format', '--check', 'tables/district'], { cwd: workspace });
        expect(formatted.stderr).toBe('');
        expect(formatted.code).toBe(0);
    });
});
