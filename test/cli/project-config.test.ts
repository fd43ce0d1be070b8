import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPerf } from '../helpers.js';

/** A 0.01 total (placeholder-amount) and a 2021 cost code (41): what the configuration changes is visible. */
const TABLE = [
    '部门 "测试局" {',
    '    单位 万元',
    '    项目 "测试项目" {',
    '        总计 0.01',
    '        财政拨款 0.01',
    '        绩效目标 "完成测试。"',
    '        11 "培训场次" 指标值 ≥3场',
    '        22 "社会效益" 指标值 "提升"',
    '        31 "满意度" 指标值 ≥90%',
    '        41 "经济成本" 指标值 ≤1万元',
    '    }',
    '}',
    ''
].join('\n');

/** A project folder with perf.config.json at its root and the table one folder down. */
function project(config: unknown): { root: string; file: string } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-project-'));
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'tables'));
    fs.writeFileSync(path.join(root, 'perf.config.json'), JSON.stringify(config));
    const file = path.join(root, 'tables', 'table.perf');
    fs.writeFileSync(file, TABLE);
    return { root, file };
}

const codes = (stdout: string) => [...stdout.matchAll(/\[([\w-]+)\]$/gm)].map(match => match[1]).sort();

describe('perf.config.json for perf check and perf compile', () => {
    test('check reads the catalog and rules of the nearest perf.config.json above the file', () => {
        const { file } = project({ catalog: '2021', rules: { 'placeholder-amount': 'off' } });
        const result = runPerf(['check', file]);
        expect(codes(result.stdout)).toEqual([]);
        expect(result.code).toBe(0);
    });

    test('a change to perf.config.json is a new check, not a cached answer', () => {
        const { root, file } = project({ catalog: '2021', rules: { 'placeholder-amount': 'off' } });
        expect(codes(runPerf(['check', file]).stdout)).toEqual([]);
        expect(codes(runPerf(['check', file]).stdout)).toEqual([]); // from the cache
        fs.writeFileSync(path.join(root, 'perf.config.json'), JSON.stringify({ catalog: '2021' }));
        expect(codes(runPerf(['check', file]).stdout)).toEqual(['placeholder-amount']);
    });

    test('command-line options override it', () => {
        const { file } = project({ catalog: '2021', rules: { 'placeholder-amount': 'off' } });
        const result = runPerf(['--catalog', '2015', 'check', file, '--rule', 'placeholder-amount=error']);
        expect(codes(result.stdout)).toEqual(['placeholder-amount', 'unknown-code']); // 41 is no 2015 code
        expect(result.code).toBe(1);
    });

    test('compile without -o writes into its outDir and says so', () => {
        const { root, file } = project({ catalog: '2021', outDir: 'out-tables' });
        const result = runPerf(['compile', file, '--format', 'json']);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain(`→ ${path.join(root, 'out-tables', 'table.json')}`);
        expect(fs.readFileSync(path.join(root, 'out-tables', 'table.json'), 'utf8')).toContain('"测试项目"');
    });

    test('a broken perf.config.json stops the command with the file and what is wrong', () => {
        const { root, file } = project({ catalog: '2021', rulez: {} });
        const result = runPerf(['check', file]);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`perf: ${path.join(root, 'perf.config.json')}: 不认识的设置 rulez；可写 catalog、rules、roundingTolerance、outDir (unknown keys)\n`);
    });
});
