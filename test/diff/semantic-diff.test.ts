import { describe, expect, it } from 'vitest';
import type { PerfDiff, ProjectDiff } from '../../src/diff/diff-model.js';
import { diffVersions } from '../../src/diff/diff-versions.js';
import { summaryLine } from '../../src/diff/diff-summary.js';
import { parseVersion } from '../../src/diff/parse-version.js';
import { renderMarkdown } from '../../src/diff/render-markdown.js';
import { renderOutline } from '../../src/diff/render-outline.js';
import { renderText } from '../../src/diff/render-text.js';
import { readReferenceExample } from '../helpers.js';

const reference = readReferenceExample();

/** The reference table with a few edits a budget officer would make in a revision. */
function revised(): string {
    const edits: Array<[string, string]> = [
        ['11 "南沙港区集装箱吞吐量增长率" 指标值 ≥3%', '11 "南沙港区集装箱吞吐量增长率" 指标值 ≥5%'],
        ['12 "验收合格率" 指标值 ≥95%', '12 "验收合格率" 指标值 ≥90%'],
        ['项目 "购置经费" {\n        总计 5.00\n        财政拨款 5.00', '项目 "办公设备购置经费" {\n        总计 6.50\n        财政拨款 6.50'],
        ['满足商务局日常办公需要', '满足商务局日常办公和会议需要'],
        ['        14 "项目预算超支率" 指标值 ≦0\n', ''],
        ['        11 "培训活动举办数量" 指标值 ≥12场\n', '        11 "培训活动举办数量" 指标值 ≥12场\n        11 "培训人次" 指标值 ≥500人次\n'],
        ['    合计 67,522.75\n    财政拨款 67,522.75', '    合计 67,524.25\n    财政拨款 67,524.25']
    ];
    return edits.reduce((text, [from, to]) => {
        expect(text).toContain(from);
        return text.replace(from, to);
    }, reference);
}

function project(diff: PerfDiff, name: string): ProjectDiff {
    return diff.departments.flatMap(d => d.projects).find(p => p.newName === name || p.oldName === name)!;
}

describe('semantic diff of the reference table', () => {
    it('finds no difference between a table and itself', async () => {
        const diff = await diffVersions({ label: 'a', text: reference }, { label: 'b', text: reference });
        expect(diff.problems).toEqual([]);
        expect(diff.departments.map(d => d.status)).toEqual(['unchanged']);
        expect(diff.departments[0].projects).toHaveLength(28);
        expect(diff.departments[0].projects.every(p => p.status === 'unchanged')).toBe(true);
        expect(summaryLine(diff)).toBe('两个版本在内容上没有差异。(no semantic differences)');
    });

    it('ignores layout: reformatting and moving a comment change nothing', async () => {
        const relaid = reference.replace(/\n {8}/g, '\n  ').replace(/\n\n/g, '\n').replace(/^\/\/.*$/gm, '// 另一条注释');
        const diff = await diffVersions({ label: 'a', text: reference }, { label: 'b', text: relaid });
        expect(diff.departments[0].status).toBe('unchanged');
    });

    it('reports a revision: rename, amounts with deltas and totals, goal, indicators and target directions', async () => {
        const diff = await diffVersions({ label: 'old.perf', text: reference }, { label: 'new.perf', text: revised() });
        const [department] = diff.departments;
        expect(department.status).toBe('changed');
        expect(department.amounts).toEqual([
            { column: 'total', label: '总计', old: '67,522.75', new: '67,524.25', delta: '+1.50' },
            { column: 'fiscal', label: '财政拨款', old: '67,522.75', new: '67,524.25', delta: '+1.50' }
        ]);
        expect(department.projects.filter(p => p.status !== 'unchanged').map(p => [p.status, p.oldName, p.newName])).toEqual([
            ['changed', '工作经费', '工作经费'],
            ['renamed', '购置经费', '办公设备购置经费'],
            ['changed', '商务综合服务经费', '商务综合服务经费']
        ]);

        const work = project(diff, '工作经费');
        expect(work.amounts).toEqual([]);
        expect(work.indicators).toEqual([{
            status: 'changed',
            old: { group: '1-产出指标', category: '11-数量指标', name: '南沙港区集装箱吞吐量增长率', period: '≥3%', annual: '≥3%' },
            new: { group: '1-产出指标', category: '11-数量指标', name: '南沙港区集装箱吞吐量增长率', period: '≥5%', annual: '≥5%' },
            changes: {
                period: { old: '≥3%', new: '≥5%', direction: 'tightened' },
                annual: { old: '≥3%', new: '≥5%', direction: 'tightened' }
            }
        }]);

        const purchase = project(diff, '办公设备购置经费');
        expect(purchase.similarity).toBeGreaterThan(0.5);
        expect(purchase.amounts.map(a => `${a.label} ${a.old}→${a.new} ${a.delta}`)).toEqual([
            '总计 5.00→6.50 +1.50', '财政拨款 5.00→6.50 +1.50'
        ]);
        expect(purchase.goal?.parts).toEqual([
            { kind: 'same', text: '满足商务局日常办公' },
            { kind: 'added', text: '和会议' },
            { kind: 'same', text: '需要，完善整体办公环境配置，提高人员办公效率。' }
        ]);
        expect(purchase.indicators.map(i => [i.status, i.new?.name, i.changes?.period?.direction])).toEqual([
            ['changed', '验收合格率', 'loosened']
        ]);

        const service = project(diff, '商务综合服务经费');
        expect(service.indicators.map(i => [i.status, (i.new ?? i.old)!.category, (i.new ?? i.old)!.name])).toEqual([
            ['added', '11-数量指标', '培训人次'],
            ['removed', '14-成本指标', '项目预算超支率']
        ]);
        expect(summaryLine(diff)).toBe('部门：修改 1；项目：改名 1、修改 2；指标：新增 1、删除 1、修改 2；指标值：收紧 1、放宽 1');
    });
});

describe('semantic diff details', () => {
    const table = (body: string) => `部门 "区商务局" {\n${body}\n}`;

    it('computes amounts exactly (no float drift) and always shows the new total', async () => {
        const old = table('项目 "p" { 财政拨款 0.10 其他资金 0.20 }');
        const updated = table('项目 "p" { 财政拨款 0.20 其他资金 0.10 }');
        const diff = await diffVersions({ label: 'a', text: old }, { label: 'b', text: updated });
        expect(diff.departments[0].projects[0].amounts).toEqual([
            { column: 'total', label: '总计', old: '0.30', new: '0.30', delta: '+0.00' },
            { column: 'fiscal', label: '财政拨款', old: '0.10', new: '0.20', delta: '+0.10' },
            { column: 'other', label: '其他资金', old: '0.20', new: '0.10', delta: '-0.10' }
        ]);
    });

    it('compares a table kept in 元 with its earlier version in 万元 in the new unit', async () => {
        const old = table('项目 "p" { 财政拨款 1.5 }');
        const updated = table('单位 元\n项目 "p" { 财政拨款 16,000.00 }');
        const diff = await diffVersions({ label: 'a', text: old }, { label: 'b', text: updated });
        expect(diff.departments[0].unit).toBe('元');
        expect(diff.departments[0].projects[0].amounts[0]).toMatchObject({ old: '15,000.00', new: '16,000.00', delta: '+1,000.00' });
    });

    it('lists added and removed projects with their amounts, and an added file as all new', async () => {
        const old = table('项目 "旧项目" { 财政拨款 3.00 11 "办公设备数量" 指标值 ≥1台 }');
        const updated = table('项目 "会展补贴" { 其他资金 8.00 31 "参展企业满意度" 指标值 ≥90% }');
        const diff = await diffVersions({ label: 'a', text: old }, { label: 'b', text: updated });
        expect(diff.departments[0].projects.map(p => [p.status, p.newName ?? p.oldName, p.amounts.map(a => a.delta)])).toEqual([
            ['added', '会展补贴', ['+8.00', '+8.00']],
            ['removed', '旧项目', ['-3.00', '-3.00']]
        ]);
        const created = await diffVersions({ label: 'a', text: undefined }, { label: 'b', text: updated });
        expect(created.departments.map(d => [d.status, d.newName])).toEqual([['added', '区商务局']]);
    });

    it('pairs a reworded indicator and a moved code, and reports the 资金使用单位 change', async () => {
        const old = table('项目 "p" { 资金使用单位 "甲单位" 12 "验收合格率" 指标值 ≥95%  13 "拨付及时率" 指标值 ≥90% }');
        const updated = table('项目 "p" { 资金使用单位 "乙单位" 12 "项目验收合格率" 指标值 ≥95%  12 "拨付及时率" 指标值 ≥90% }');
        const diff = await diffVersions({ label: 'a', text: old }, { label: 'b', text: updated });
        const [p] = diff.departments[0].projects;
        expect(p.user).toMatchObject({ old: '甲单位', new: '乙单位' });
        expect(p.indicators.map(i => [i.status, i.changes])).toEqual([
            ['renamed', { name: { old: '验收合格率', new: '项目验收合格率', parts: [
                { kind: 'added', text: '项目' }, { kind: 'same', text: '验收合格率' }] } }],
            ['changed', { category: { old: '13-时效指标', new: '12-质量指标' } }]
        ]);
    });

    it('keeps period and annual targets apart', async () => {
        const old = table('项目 "p" { 11 "培训场次" 实施周期 ≥10场 年度 ≥5场 }');
        const updated = table('项目 "p" { 11 "培训场次" 实施周期 ≥10场 年度 ≥4场 }');
        const diff = await diffVersions({ label: 'a', text: old }, { label: 'b', text: updated });
        expect(diff.departments[0].projects[0].indicators[0].changes).toEqual({
            annual: { old: '≥5场', new: '≥4场', direction: 'loosened' }
        });
    });

    it('still diffs a version with a syntax error, and says where the error is', async () => {
        const old = table('项目 "p" { 财政拨款 3.00 }');
        const broken = '部门 "区商务局" {\n项目 "p" { 财政拨款 4.00 }\n  项目 "q" { 11 "x" 指标值 }\n}';
        const diff = await diffVersions({ label: 'old.perf', text: old }, { label: 'new.perf', text: broken });
        expect(diff.problems.length).toBeGreaterThan(0);
        expect(diff.problems[0]).toMatch(/^new\.perf:3:\d+: 语法错误 \(syntax error\): /);
        expect(diff.departments[0].projects.find(p => p.newName === 'p')?.amounts[0]).toMatchObject({ new: '4.00' });
    });
});

describe('the department\'s settings: 预算年度, 表名, 单位, 指标体系', () => {
    const table = (settings: string[]) => `部门 "区商务局" {\n${settings.map(line => `    ${line}\n`).join('')}    合计 5.00\n`
        + '    项目 "甲" { 总计 5.00 财政拨款 5.00 11 "场次" 指标值 ≥1场 }\n}\n';

    it('are reported when they change, each with what it was and is; the budget year goes in the title', async () => {
        const diff = await diffVersions(
            { label: 'a', text: table(['预算年度 2025', '单位 万元']) },
            { label: 'b', text: table(['预算年度 2026', '表名 "2026年项目支出绩效目标表"', '单位 万元', '指标体系 "2021"', '表式 "指标行"']) });
        const [department] = diff.departments;
        expect(department.status).toBe('changed');
        expect(department.year).toBe('2026');
        expect(department.settings).toEqual([
            { setting: 'year', label: '预算年度', old: '2025', new: '2026' },
            { setting: 'title', label: '表名', old: '', new: '2026年项目支出绩效目标表' },
            { setting: 'catalog', label: '指标体系', old: '', new: '2021' },
            { setting: 'layout', label: '表式', old: '', new: '指标行' }
        ]);
        expect(department.amounts).toEqual([]); // an unchanged figure is no change
        const text = renderText(diff).split('\n');
        expect(text).toContain('部门“区商务局” 2026 年度（修改，单位：万元）');
        expect(text).toContain('  设置：预算年度 2025 → 2026；表名 （未写） → 2026年项目支出绩效目标表；指标体系 （未写） → 2021；表式 （未写） → 指标行');
        const markdown = renderMarkdown(diff);
        expect(markdown).toContain('#### 部门：区商务局 2026 年度（修改，单位：万元）');
        expect(markdown).toContain('| 预算年度 | 2025 | 2026 |\n| 表名 | （未写） | 2026年项目支出绩效目标表 |\n| 指标体系 | （未写） | 2021 |\n| 表式 | （未写） | 指标行 |');
    });

    it('a change of unit is one (and the amounts are compared converted); writing out the default 万元 is none', async () => {
        const unit = await diffVersions({ label: 'a', text: table(['单位 万元']) }, { label: 'b', text: table(['单位 元']) });
        expect(unit.departments[0].settings).toEqual([{ setting: 'unit', label: '单位', old: '万元', new: '元' }]);
        const spelledOut = await diffVersions({ label: 'a', text: table([]) }, { label: 'b', text: table(['单位 万元']) });
        expect(spelledOut.departments[0]).toMatchObject({ status: 'unchanged', settings: [] });
        expect(spelledOut.departments[0].year).toBeUndefined();
    });

    it('appear in the textconv outline, so git diff shows them too', async () => {
        const { file } = await parseVersion(table(['预算年度 2026', '表名 "某表"', '指标体系 "2021"']), 'b');
        expect(renderOutline(file).split('\n').slice(0, 4)).toEqual([
            '部门 区商务局 | 单位 万元 | 总计 5.00 | 财政拨款 5.00',
            '部门 区商务局 | 预算年度 2026', '部门 区商务局 | 表名 某表', '部门 区商务局 | 指标体系 2021'
        ]);
    });
});
