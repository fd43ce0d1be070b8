import { describe, expect, test } from 'vitest';
import { applyItem, completionAt, completionOnTrigger } from './lsp-helpers.js';

/** A department with one project; `body` goes on the project's last lines. */
const inProject = (body: string) => `部门 "某局" {\n    单位 万元\n\n    项目 "甲" {\n        总计 1.00\n${body}\n    }\n}\n`;
const OTHER_FILE = inProject([
    '        11 "南沙港区集装箱吞吐量增长率" 指标值 ≥3%',
    '        31 "政策拨付对象满意度" 指标值 ≥90%'
].join('\n'));

const labels = (items: Array<{ label: string }>) => items.map(item => item.label);

describe('completion', () => {
    test('offers the catalog codes of both levels with their names at the start of an indicator line', async () => {
        const items = await completionAt(inProject('        |'));
        expect(labels(items)).toEqual(expect.arrayContaining([
            '11 数量指标（产出指标）', '13 时效指标（产出指标）', '31 服务对象满意度（满意度指标）', '1 产出指标（一级指标）'
        ]));
        const quantity = items.find(item => item.label === '11 数量指标（产出指标）')!;
        expect(quantity.detail).toBe('数量指标');
        expect(JSON.stringify(quantity.documentation)).toContain('常用单位');
        expect(JSON.stringify(quantity.documentation)).toContain('计划完成的产品或服务的数量');
        expect(applyItem(inProject('        |'), quantity)).toContain('\n        11\n');
        const bySortText = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map(item => item.label);
        expect(bySortText.indexOf('31 服务对象满意度（满意度指标）')).toBeLessThan(bySortText.indexOf('1 产出指标（一级指标）'));
    });

    test('finds a code by a partly typed Chinese name or by its digits, replacing what was typed', async () => {
        for (const typed of ['数量', '11']) {
            const text = inProject(`        ${typed}|`);
            const item = (await completionAt(text)).find(i => i.label === '11 数量指标（产出指标）')!;
            expect(item, typed).toBeDefined();
            expect(item.filterText).toContain(typed);
            expect(applyItem(text, item)).toContain('\n        11\n');
        }
    });

    test('offers a snippet for a new indicator under each level-2 code, with its typical units', async () => {
        const items = await completionAt(inProject('        |'));
        const snippet = items.find(item => item.label === '12 质量指标 — 新指标')!;
        expect(snippet.insertTextFormat).toBe(2);
        expect((snippet.textEdit as { newText: string }).newText).toBe('12 "${1:指标名称}" 指标值 ${2|≥,≤,=|}${3:1}${4|%,秒,毫秒,ms,s|}');
        expect(labels(items).filter(label => label.endsWith('— 新指标'))).toHaveLength(9);
    });

    test('completes a partly typed indicator name with names used elsewhere in the workspace', async () => {
        const text = inProject('        11 "南沙|');
        const items = await completionAt(text, OTHER_FILE);
        expect(labels(items)).toEqual(['南沙港区集装箱吞吐量增长率']);
        expect(applyItem(text, items[0])).toContain('        11 "南沙港区集装箱吞吐量增长率"\n');
    });

    test('after an opening quote offers every name used, those under the same code first', async () => {
        const satisfaction = labels(await completionAt(inProject('        31 "|'), OTHER_FILE));
        expect(satisfaction).toEqual(['政策拨付对象满意度', '南沙港区集装箱吞吐量增长率']);
        const quantity = labels(await completionAt(inProject('        11 "|'), OTHER_FILE));
        expect(quantity).toEqual(['南沙港区集装箱吞吐量增长率', '政策拨付对象满意度']);
    });

    test('offers the units of the indicator\'s level-2 code after a number', async () => {
        const text = inProject('        31 "满意度" 指标值 ≥90|');
        const items = await completionAt(text);
        expect(labels(items)).toEqual(['%']);
        expect(applyItem(text, items[0])).toContain('指标值 ≥90%\n');
        const counts = labels(await completionAt(inProject('        11 "数量" 指标值 ≥3|')));
        expect(counts).toEqual(expect.arrayContaining(['个', '家', '条', '人次']));
    });

    test('offers comparators, symbols included, the canonical symbols first', async () => {
        const items = await completionAt(inProject('        11 "数量" 指标值 |'));
        expect(labels(items)).toEqual(expect.arrayContaining(['≥', '≤', '=', '不低于', '≧', '＞']));
        const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
        expect(labels(sorted).slice(0, 6).sort()).toEqual(['<', '=', '>', '≠', '≤', '≥'].sort());
        expect(items.find(item => item.label === '≥')!.detail).toContain('下限');
    });

    test('offers keywords with the English aliases sorted after the Chinese ones', async () => {
        const items = await completionAt(inProject('        |'));
        const goal = items.find(item => item.label === '绩效目标')!;
        const alias = items.find(item => item.label === 'goal')!;
        expect(goal.sortText! < alias.sortText!).toBe(true);
    });

    test('offers a snippet for a new project inside a department', async () => {
        const items = await completionAt('部门 "某局" {\n    |\n}\n');
        const snippet = items.find(item => item.label === '项目 "…" { … }')!;
        expect(snippet.insertTextFormat).toBe(2);
        const body = (snippet.textEdit as { newText: string }).newText;
        expect(body).toContain('财政拨款 ${3:0.00}');
        expect(body).toContain('绩效目标 "${4:绩效目标}"\n    ${5:11} "${6:指标名称}" 指标值 ${7:≥1}\n}');
    });
});

describe('completion without Ctrl+Space (trigger characters)', () => {
    test('a space after a code offers the names used, ready to insert with their quotes', async () => {
        const text = inProject('        31 |');
        const items = await completionOnTrigger(' ', text, OTHER_FILE);
        expect(labels(items)).toEqual(['政策拨付对象满意度', '南沙港区集装箱吞吐量增长率']);
        expect(applyItem(text, items[0])).toContain('        31 "政策拨付对象满意度"\n');
    });

    test('an opening quote offers the names; a digit the codes it starts, or the units after a target number', async () => {
        expect(labels(await completionOnTrigger('"', inProject('        11 "|'), OTHER_FILE)))
            .toEqual(['南沙港区集装箱吞吐量增长率', '政策拨付对象满意度']);
        const codes = labels(await completionOnTrigger('1', inProject('        1|')));
        expect(codes).toEqual(expect.arrayContaining(['11 数量指标（产出指标）', '11 数量指标 — 新指标', '1 产出指标（一级指标）']));
        expect(codes.filter(label => !/^\d/.test(label))).toEqual([]);
        expect(labels(await completionOnTrigger('0', inProject('        31 "满意度" 指标值 ≥90|')))).toEqual(['%']);
    });

    test('a space after 指标值 offers the comparators; spaces of indentation and after a keyword offer nothing unasked', async () => {
        const comparators = labels(await completionOnTrigger(' ', inProject('        11 "数量" 指标值 |')));
        expect(comparators).toEqual(expect.arrayContaining(['≥', '≤', '不低于']));
        expect(await completionOnTrigger(' ', inProject('        |'))).toEqual([]);
        expect(await completionOnTrigger(' ', inProject('        总计 |'))).toEqual([]);
        expect(labels(await completionAt(inProject('        |')))).toContain('绩效目标'); // Ctrl+Space still offers everything
    });

    test('a space after 表式 offers the layouts, quoted', async () => {
        const layouts = labels(await completionOnTrigger(' ', '部门 "某局" {\n    表式 |\n}\n'));
        expect(layouts).toEqual(expect.arrayContaining(['"项目列表"', '"项目表"', '"指标行"', '"部门整体"']));
        expect(layouts.every(label => label.startsWith('"'))).toBe(true);
    });
});
