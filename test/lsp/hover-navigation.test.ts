import { beforeAll, describe, expect, test } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import { positionOf, referenceDocument } from './lsp-helpers.js';

let reference: Awaited<ReturnType<typeof referenceDocument>>;
beforeAll(async () => { reference = await referenceDocument(); });

async function hoverAt(needle: string, options: { after?: string; index?: number } = {}): Promise<string> {
    const { services, document, text } = reference;
    const hover = await services.perf.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: positionOf(text, needle, options)
    }) as Hover | undefined;
    return hover ? (hover.contents as { value: string }).value : '';
}

describe('hover', () => {
    test('on a code: level, meaning, typical units and the catalog it comes from', async () => {
        const text = await hoverAt('11 "南沙港区集装箱吞吐量增长率"');
        expect(text).toContain('**11 数量指标** · 二级指标，属于一级指标 1 产出指标');
        expect(text).toContain('计划完成的产品或服务的数量。');
        expect(text).toContain('常用单位 (typical units)：个、项、家');
        expect(text).toContain('指标体系 (catalog)：2015（builtin:/catalogs/2015.perf）');
    });

    test('on the 合计: the stated figure, the sum of the projects and the difference', async () => {
        const text = await hoverAt('67,522.75', { after: '    合计 ' });
        expect(text).toContain('**合计** 67,522.75 万元（填报 stated）');
        expect(text).toContain('28 个项目的总计之和 = 67,522.74');
        expect(text).toContain('差额 difference：+0.01（填报 − 计算）');
    });

    test('on a project total: the sum of its funding sources', async () => {
        const text = await hoverAt('24.00', { after: '项目 "工作经费"' });
        expect(text).toContain('财政拨款 24.00 + 财政专户拨款 0.00 + 其他资金 0.00 = 24.00');
        expect(text).toContain('一致 (matches)');
    });

    test('on a target: its typed meaning in words', async () => {
        expect(await hoverAt('≥3%')).toContain('**指标值（实施周期与年度）** ≥3%\n\n不少于 3 %');
        const annual = await hoverAt('1份', { after: '取得建设用地批复' });
        expect(annual).toContain('**年度指标值** 1份');
        expect(annual).toContain('等于 1 份');
        expect(await hoverAt('"无"', { after: '取得建设用地批复', index: 1 })).toContain('**实施周期指标值** 无\n\n无指标值');
    });

    test('on a keyword: what the field means in the table, with an example (issue 14: every field explained)', async () => {
        expect(await hoverAt('项目 "工作经费"')).toBe(
            '**项目** · 项目 / project\n\n一个项目：金额、绩效目标与指标；项目表式还有表头、总体目标、成本构成。\n\n例：`项目 "示例校舍维修" { 总计 100.00 }`');
    });
});

describe('navigation', () => {
    test('go to definition of a code lands on the catalog entry in catalogs/2015.perf', async () => {
        const { services, document, text } = reference;
        const links = await services.perf.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(text, '11 "南沙港区集装箱吞吐量增长率"')
        });
        expect(links).toHaveLength(1);
        const target = links![0];
        expect(target.targetUri).toBe('builtin:/catalogs/2015.perf');
        const catalog = services.shared.workspace.LangiumDocuments.getDocument(services.shared.workspace.LangiumDocuments.all
            .find(d => d.uri.toString() === target.targetUri)!.uri)!;
        const line = catalog.textDocument.getText().split('\n')[target.targetSelectionRange.start.line];
        expect(line.trim().startsWith('11 "数量指标"')).toBe(true);
        expect(catalog.textDocument.getText(target.targetSelectionRange)).toBe('11');
    });

    test('find references of a catalog code lists its uses in the example', async () => {
        const { services, document, text } = reference;
        const locations = await services.perf.lsp.ReferencesProvider!.findReferences(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(text, '31 "-使用人员满意度"'),
            context: { includeDeclaration: false }
        });
        const uses = (text.match(/^\s+31 "/gm) ?? []).length;
        expect(uses).toBeGreaterThan(10);
        expect(locations.filter(location => location.uri === document.uri.toString())).toHaveLength(uses);
    });
});
