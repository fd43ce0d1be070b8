import { describe, expect, test } from 'vitest';
import { isQuotedTarget, isSimpleTarget } from '../../src/language/generated/ast.js';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { Column } from '../../src/compile/official-table.js';
import { annualTarget, periodTarget, targetText } from '../../src/model/indicators.js';
import { diagnosticsOf, parseDocument } from '../helpers.js';

const errorsOf = (document: Awaited<ReturnType<typeof parseDocument>>) => diagnosticsOf(document, 1);

describe('the .perf language', () => {
    test('parses the sketch of a department with Chinese keywords', async () => {
        const document = await parseDocument(`
            部门 "广州南沙经济技术开发区商务局" {
                单位 万元
                预算年度 2024
                合计 24.00
                项目 "工作经费" {
                    财政拨款 24.00
                    绩效目标 "满足《南沙方案》政策推进落实，航运枢纽建设、临港经济区发展、商业外贸等业务拓展需要"
                    11 "南沙港区集装箱吞吐量增长率" 实施周期 ≥3% 年度 ≥3%
                    11 "接洽国际知名企业项目线索" 指标值 ≥10条
                    1/13 "南沙区外贸进出口额增长率" 指标值 ≥2%
                }
            }`);
        expect(errorsOf(document)).toEqual([]);
        const department = document.parseResult.value.departments[0];
        expect(department.unit).toBe('万元');
        expect(department.year).toBe('2024');
        const [a, b, c] = department.projects[0].indicators;
        expect(a.category?.ref?.label).toBe('数量指标');
        expect(b.both && targetText(b.both)).toBe('≥10条');
        expect(c.group?.ref?.label).toBe('产出指标');
        expect(c.category?.ref?.$container.name).toBe('1');
    });

    test('accepts English aliases and comments', async () => {
        const document = await parseDocument(`
            /* a block comment */
            department "Commerce" {   // a line comment
                unit 元
                project "Office" {
                    fiscal 1,000.00
                    special-account 10
                    other 2.5
                    total 1,012.50
                    user "某中心"
                    goal "first sentence. " "second sentence."
                    31 "满意度" value ≥90%
                    12 "合格率" period ≥95% annual ≥96%
                }
            }`);
        expect(errorsOf(document)).toEqual([]);
        const project = document.parseResult.value.departments[0].projects[0];
        expect(project.goal.join('')).toBe('first sentence. second sentence.');
        expect(project.user).toBe('某中心');
        const table = buildOfficialTable(document.parseResult.value);
        expect(table.unit).toBe('元');
        expect(table.rows[2].cells.slice(0, 5)).toEqual(['Office（某中心）', '1,012.50', '1,000.00', '10', '2.5']);
    });

    test('keeps every target spelled as written', async () => {
        const targets = [
            '≥3%', '≧2%', '＞95%', '≦0', '≥95％', '100%', '15000', '≤1.6s', '≥200ms', '大于等于5家', '不低于3',
            '大于800万辆次', '小于1秒', '１０条', '≥ 3%', '67,522.75万元'
        ];
        const quoted = ['新增10万标准箱及以上', '每月出现用户投诉次数小于3次', '读取时间≤12毫秒、读取率≥99.9%。', '无', '不低于IP65', '带 \\"引号\\" 的值'];
        const lines = [
            ...targets.map((target, i) => `11 "简单${i}" 指标值 ${target}`),
            ...quoted.map((target, i) => `11 "引号${i}" 实施周期 "${target}" 年度 1份`)
        ];
        const document = await parseDocument(`部门 "d" { 项目 "p" { 财政拨款 1\n${lines.join('\n')}\n} }`);
        expect(errorsOf(document)).toEqual([]);
        const indicators = document.parseResult.value.departments[0].projects[0].indicators;
        const simple = indicators.slice(0, targets.length);
        expect(simple.every(indicator => isSimpleTarget(indicator.both))).toBe(true);
        expect(simple.map(indicator => targetText(periodTarget(indicator)))).toEqual(targets);
        const withText = indicators.slice(targets.length);
        expect(withText.every(indicator => isQuotedTarget(indicator.period))).toBe(true);
        expect(withText.map(indicator => targetText(periodTarget(indicator))))
            .toEqual(quoted.map(text => text.replace(/\\"/g, '"')));
        expect(withText.map(indicator => targetText(annualTarget(indicator)))).toEqual(quoted.map(() => '1份'));
    });

    test('an omitted source is 0 and a zero source is an empty cell; an unstated total is computed', async () => {
        const document = await parseDocument(`部门 "d" {
            项目 "a" { 财政拨款 1,000.10  其他资金 0.00  11 "x" 指标值 1 }
            项目 "b" { 财政专户拨款 ２．５  11 "x" 指标值 1 } }`);
        expect(errorsOf(document)).toEqual([]);
        const rows = buildOfficialTable(document.parseResult.value).rows;
        expect(rows.map(row => row.cells.slice(Column.name, Column.goal))).toEqual([
            ['合计', '1,002.60', '1,000.10', '2.50', ''],
            ['d', '1,002.60', '1,000.10', '2.50', ''],
            ['a', '1,000.10', '1,000.10', '', ''],
            ['b', '2.50', '', '２．５', '']
        ]);
    });

    test('a broken line gives a diagnostic at that line and the rest of the file still parses', async () => {
        const document = await parseDocument([
            '部门 "d" {',
            '    项目 "甲" {',
            '        财政拨款 1.00',
            '        11 未加引号的名称 指标值 ≥3%',
            '        12 "合格率" 指标值 100%',
            '    }',
            '    项目 "乙" {',
            '        财政拨款 2.00',
            '        13 "及时率" 指标值 ≥95%',
            '    }',
            '}'
        ].join('\n'));
        const errors = errorsOf(document);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.every(error => error.startsWith('4:'))).toBe(true);
        expect(errors[0]).toContain('“未加引号的名称”没有加引号');
        const projects = document.parseResult.value.departments[0].projects;
        expect(projects.map(project => project.name)).toEqual(['甲', '乙']);
        expect(projects[0].indicators.map(indicator => indicator.name)).toContain('合格率');
        expect(projects[1].indicators.map(indicator => indicator.category?.ref?.label)).toEqual(['时效指标']);
    });

    test('an unclosed quote breaks only its own line', async () => {
        const document = await parseDocument([
            '部门 "d" {',
            '    项目 "甲" {',
            '        财政拨款 1.00',
            '        11 "没有结束引号 指标值 ≥3%',
            '        12 "合格率" 指标值 100%',
            '    }',
            '}'
        ].join('\n'));
        const errors = errorsOf(document);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.every(error => error.startsWith('4:'))).toBe(true);
        expect(errors[0]).toContain('引号没有结束');
        expect(document.parseResult.value.departments[0].projects[0].indicators.map(i => i.name)).toContain('合格率');
    });

    test('an unknown code does not link', async () => {
        const document = await parseDocument('部门 "d" { 项目 "p" { 财政拨款 1  99 "x" 指标值 1 } }');
        expect(errorsOf(document).join('\n')).toMatch(/^1:\d+ .*99/);
    });

    test('a malformed amount is an error at its line', async () => {
        const document = await parseDocument('部门 "d" {\n 项目 "p" {\n 财政拨款 1,2,3\n 11 "x" 指标值 1 } }');
        expect(errorsOf(document)).toEqual([expect.stringMatching(/^3:\d+ .*1,2,3/)]);
    });
});
