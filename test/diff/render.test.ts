import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff/diff-versions.js';
import { DIFF_FORMAT_VERSION, type PerfDiff } from '../../src/diff/diff-model.js';
import { parseVersion } from '../../src/diff/parse-version.js';
import { renderJson } from '../../src/diff/render-json.js';
import { renderMarkdown } from '../../src/diff/render-markdown.js';
import { renderOutline } from '../../src/diff/render-outline.js';
import { renderText } from '../../src/diff/render-text.js';

const OLD = `部门 "区商务局" {
    合计 29.00
    财政拨款 29.00
    项目 "工作经费" { 总计 24.00 财政拨款 24.00 绩效目标 "满足业务拓展需要"
        11 "线索|数量" 指标值 ≥10条
        12 "验收合格率" 指标值 ≥95% }
    项目 "购置经费" { 总计 5.00 财政拨款 5.00 13 "及时率" 指标值 ≥90% }
}`;

const NEW = `部门 "区商务局" {
    合计 30.00
    财政拨款 30.00
    项目 "工作经费" { 总计 25.00 财政拨款 25.00 绩效目标 "满足业务拓展和调研需要"
        11 "线索|数量" 指标值 ≥12条
        12 "验收合格率" 实施周期 ≥95% 年度 ≥90% }
    项目 "购置经费" { 总计 5.00 财政拨款 5.00 13 "及时率" 指标值 ≥90% }
}`;

async function sample(): Promise<PerfDiff> {
    return diffVersions({ label: 'HEAD~1:a.perf', text: OLD }, { label: 'HEAD:a.perf', text: NEW });
}

describe('rendering a diff', () => {
    it('as text with Chinese labels, deltas, word-diff marks and directions', async () => {
        const text = renderText(await sample());
        expect(text.split('\n')).toEqual([
            'perf diff: HEAD~1:a.perf → HEAD:a.perf',
            '部门：修改 1；项目：修改 1；指标：修改 2；指标值：收紧 1、放宽 1',
            '',
            '部门“区商务局”（修改，单位：万元）',
            '  金额：总计 29.00 → 30.00（+1.00）；财政拨款 29.00 → 30.00（+1.00）',
            '  项目“工作经费”（修改）',
            '    金额：总计 24.00 → 25.00（+1.00）；财政拨款 24.00 → 25.00（+1.00）',
            '    绩效目标：满足业务拓展{+和调研+}需要',
            '    指标修改：11-数量指标“线索|数量”：指标值 ≥10条 → ≥12条（收紧）',
            '    指标修改：12-质量指标“验收合格率”：年度指标值 ≥95% → ≥90%（放宽）',
            ''
        ]);
    });

    it('as Markdown for a pull request, with table cells escaped', async () => {
        const markdown = renderMarkdown(await sample());
        expect(markdown).toContain('### 绩效目标表变更：`HEAD~1:a.perf` → `HEAD:a.perf`');
        expect(markdown).toContain('| 总计 | 24.00 | 25.00 | +1.00 |');
        expect(markdown).toContain('**绩效目标**：满足业务拓展**和调研**需要');
        expect(markdown).toContain('| 修改 | 11-数量指标 | 线索\\|数量 | ≥10条 | ≥12条 | 收紧 |');
        expect(markdown).toContain('| 修改 | 12-质量指标 | 验收合格率 | 年度指标值 ≥95% | ≥90% | 放宽 |');
        expect(markdown).not.toContain('购置经费'); // unchanged projects are left out
        // Every table row has as many cells as its header (an unescaped | would add one).
        for (const row of markdown.split('\n').filter(line => line.startsWith('| 修改'))) {
            expect(row.split(/(?<!\\)\|/).length).toBe(8);
        }
    });

    it('as JSON of the documented shape, without unchanged projects', async () => {
        const json = JSON.parse(renderJson(await sample()));
        expect(json.version).toBe(DIFF_FORMAT_VERSION);
        expect(Object.keys(json)).toEqual(['version', 'old', 'new', 'departments', 'problems']);
        expect(json.departments[0].projects.map((p: { newName: string }) => p.newName)).toEqual(['工作经费']);
        expect(json.departments[0].projects[0].amounts[0]).toEqual(
            { column: 'total', label: '总计', old: '24.00', new: '25.00', delta: '+1.00' });
        expect(typeof json.departments[0].amounts[0].new).toBe('string'); // exact decimals, never floats
    });

    it('says plainly when nothing changed', async () => {
        const diff = await diffVersions({ label: 'a', text: OLD }, { label: 'b', text: OLD });
        expect(renderText(diff)).toBe('perf diff: a → b\n两个版本在内容上没有差异。(no semantic differences)\n');
        expect(renderMarkdown(diff)).toContain('**摘要**：两个版本在内容上没有差异。');
    });

    it('as an outline for git textconv: one fact per line, layout-free', async () => {
        const { file } = await parseVersion(OLD, 'a.perf');
        expect(renderOutline(file).split('\n')).toEqual([
            '部门 区商务局 | 单位 万元 | 总计 29.00 | 财政拨款 29.00',
            '部门 区商务局 | 项目 工作经费 | 总计 24.00 | 财政拨款 24.00',
            '部门 区商务局 | 项目 工作经费 | 绩效目标 满足业务拓展需要',
            '部门 区商务局 | 项目 工作经费 | 指标 11-数量指标 线索|数量 | 指标值 ≥10条',
            '部门 区商务局 | 项目 工作经费 | 指标 12-质量指标 验收合格率 | 指标值 ≥95%',
            '部门 区商务局 | 项目 购置经费 | 总计 5.00 | 财政拨款 5.00',
            '部门 区商务局 | 项目 购置经费 | 指标 13-时效指标 及时率 | 指标值 ≥90%',
            ''
        ]);
    });
});
