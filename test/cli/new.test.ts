import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPerf } from '../helpers.js';

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'perf-new-'));
}

describe('perf new', () => {
    test.each(['2015', '2021'])('writes a starter table of catalog %s that checks clean and is already formatted', catalog => {
        const dir = tempDir();
        const written = runPerf(['--catalog', catalog, 'new', '-d', '某县教育局', '-y', '2026'], { cwd: dir });
        expect(written.code).toBe(0);
        expect(written.stderr).toContain('已写入 某县教育局.perf');
        const text = fs.readFileSync(path.join(dir, '某县教育局.perf'), 'utf8');
        expect(text).toContain('部门 "某县教育局" {\n    预算年度 2026\n    单位 万元\n    指标体系 "' + catalog + '"\n');
        const check = runPerf(['check', '某县教育局.perf'], { cwd: dir });
        expect(check.stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 infos\n');
        expect(check.code).toBe(0);
        expect(runPerf(['format', '--check', '某县教育局.perf'], { cwd: dir }).code).toBe(0);
    });

    test('a name with a quote is escaped; 元 scales the example amount; the table compiles', () => {
        const dir = tempDir();
        const file = path.join(dir, 'sub', 'table.perf');
        expect(runPerf(['new', file, '-d', '某"局\n二行', '-y', '2027', '-u', '元']).code).toBe(0);
        const text = fs.readFileSync(file, 'utf8');
        expect(text).toContain('部门 "某\\"局\\n二行" {');
        expect(text.split('\n')[0]).toBe('// 2027 年项目支出绩效目标表：某"局 二行。由 perf new 生成的起步文件：');
        expect(text).toContain('总计 100,000.00');
        expect(runPerf(['check', file]).stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 infos\n');
        expect(runPerf(['compile', file, '--format', 'json', '-o', dir]).code).toBe(0);
    });

    test.each([
        ['项目表', ['主管部门 "某县教育局"', '实施单位 "某县教育局"', '预算执行率 10', '分值 20']],
        ['指标行', ['年度目标 "', '权重 20 正向']],
        ['部门整体', ['部门职责 "', '年度目标 "', '定量 评分标准']]
    ])('--layout %s: the starter names its 表式, has the fields it needs, checks clean and compiles in it', (layout, fields) => {
        for (const catalog of ['2015', '2021']) {
            const dir = tempDir();
            expect(runPerf(['--catalog', catalog, 'new', 't.perf', '-d', '某县教育局', '-y', '2026', '--layout', layout], { cwd: dir }).code).toBe(0);
            const text = fs.readFileSync(path.join(dir, 't.perf'), 'utf8');
            expect(text).toContain(`    表式 "${layout}"\n`);
            for (const field of fields) {
                expect(text).toContain(field);
            }
            expect(runPerf(['check', 't.perf'], { cwd: dir }).stdout, `${layout} ${catalog}`).toBe('1 file checked: 0 errors, 0 warnings, 0 infos\n');
            expect(runPerf(['format', '--check', 't.perf'], { cwd: dir }).code).toBe(0);
            const compiled = runPerf(['compile', 't.perf', '--format', 'json', '-o', 'out/'], { cwd: dir });
            expect([compiled.code, compiled.stderr]).toEqual([0, expect.not.stringContaining('warning')]);
            expect(JSON.parse(fs.readFileSync(path.join(dir, 'out', 't.json'), 'utf8')).layout).toBe(layout);
        }
    });

    test('never overwrites a file; a bad year or catalog is a one-line error', () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'mine.perf'), 'keep');
        const refused = runPerf(['new', 'mine.perf', '-d', '某局'], { cwd: dir });
        expect([refused.code, refused.stderr]).toEqual([2, 'perf: mine.perf: 文件已存在，未改动；请换一个文件名 (exists: not overwritten)\n']);
        expect(fs.readFileSync(path.join(dir, 'mine.perf'), 'utf8')).toBe('keep');
        expect(runPerf(['new', '-d', '某局', '-y', '26'], { cwd: dir }).stderr).toBe('perf: new: 预算年度“26”应为四位年份，如 2026 (a four-digit year)\n');
        expect(runPerf(['--catalog', '本省', 'new', '-d', '某局'], { cwd: dir }).stderr).toContain('起步文件只用内置指标体系 2015、2021');
    });
});
