import { describe, expect, it } from 'vitest';
import { TextDocument, URI, type LangiumDocument } from 'langium';
import { isIndicatorCategory, type PerfFile } from '../../src/language/generated/ast.js';
import { PerfDocumentUpdateHandler } from '../../src/language/lsp/slow-checks-on-save.js';
import { SummaryRule } from '../../src/language/validation/summary-rules.js';
import { summaryFigures } from '../../src/model/summary-figures.js';
import { formatAmount } from '../../src/model/money.js';
import { createServices } from '../helpers.js';

/** A custom catalog in its own file, used by the commerce department. */
const CATALOG = `
指标体系 "my-catalog" {
    1 "产出指标" {
        11 "数量指标"
        19 "特色产出指标"
    }
    3 "满意度指标" { 31 "服务对象满意度" }
}`;

const COMMERCE = `
部门 "商务局" {
    指标体系 "my-catalog"
    合计 1,500.00
    财政拨款 1,500.00
    项目 "工作经费" {
        总计 1,000.00
        财政拨款 1,000.00
        19 "特色指标" 指标值 ≥3%
        31 "企业满意度" 指标值 ≥90%
    }
    项目 "会展经费" { 总计 500.00 财政拨款 500.00 11 "展会场次" 指标值 ≥2场 }
}`;

const TRANSPORT = `
部门 "交通局" {
    合计 300.00
    财政拨款 200.00
    其他资金 100.00
    项目 "道路养护" { 总计 300.00 财政拨款 200.00 其他资金 100.00 11 "养护里程" 指标值 ≥10公里 }
}`;

/** In 元: the summary in 万元 must convert exactly. */
const HEALTH = `
部门 "卫健局" {
    单位 元
    合计 2,000,000.00
    财政拨款 2,000,000.00
    项目 "义诊" { 总计 2,000,000.00 财政拨款 2,000,000.00 11 "义诊场次" 指标值 ≥5场 }
}`;

function summaryText(total: string, fiscal = '1,900.00'): string {
    return `
汇总 "南沙区" {
    单位 万元
    合计 ${total}
    财政拨款 ${fiscal}
    其他资金 100.00
    部门 "商务局" 文件 "commerce.perf"
    部门 "交通局" 文件 "transport.perf"
    部门 "卫健局"
}`;
}

type Services = Awaited<ReturnType<typeof createServices>>;

async function buildWorkspace(files: Record<string, string>, services?: Services) {
    const { shared } = services ?? await createServices();
    const documents = Object.entries(files).map(([name, text]) =>
        shared.workspace.LangiumDocuments.createDocument(URI.parse(`file:///ws/${name}`), text) as LangiumDocument<PerfFile>);
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return Object.fromEntries(documents.map(document => [document.uri.path.slice('/ws/'.length), document]));
}

const departmentFiles = {
    'catalog.perf': CATALOG, 'commerce.perf': COMMERCE, 'transport.perf': TRANSPORT, 'health.perf': HEALTH
};

/** Errors only: other rules' warnings on these small fixtures (e.g. a project without 满意度) are not the point. */
function errors(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message);
}

function codes(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => String(d.code ?? (d.data as { code?: string } | undefined)?.code));
}

describe('a summary across department files (汇总)', () => {
    it('reconciles with three departments in three files (one in 元) and reports nothing when the totals add up', async () => {
        const documents = await buildWorkspace({ ...departmentFiles, 'district.perf': summaryText('2,000.00') });
        const summary = documents['district.perf'].parseResult.value.summaries[0];
        expect(summary.members.map(member => member.department.ref?.name)).toEqual(['商务局', '交通局', '卫健局']);
        const figures = summaryFigures(summary);
        expect(formatAmount(figures.computed.total)).toBe('2,000.00');
        expect(formatAmount(figures.computed.fiscal)).toBe('1,900.00');
        expect(formatAmount(figures.computed.other)).toBe('100.00');
        for (const document of Object.values(documents)) {
            expect(errors(document), document.uri.toString()).toEqual([]);
        }
        expect(codes(documents['district.perf']).filter(code => code.startsWith('summary-'))).toEqual([]);
    });

    it('reports the one wrong total with both figures and the difference, on the 合计 line', async () => {
        const documents = await buildWorkspace({ ...departmentFiles, 'district.perf': summaryText('2,010.00') });
        const diagnostics = documents['district.perf'].diagnostics ?? [];
        expect(diagnostics).toHaveLength(1);
        const [wrong] = diagnostics;
        expect(wrong.data).toMatchObject({ code: SummaryRule.total });
        expect(wrong.code).toBe(SummaryRule.total);
        expect(wrong.severity).toBe(1);
        expect(wrong.range.start.line).toBe(3); // `合计 2,010.00`, 0-based
        expect(wrong.message).toContain('合计 2,010.00 万元');
        expect(wrong.message).toContain('3 个部门的合计之和 2,000.00 万元');
        expect(wrong.message).toContain('相差 10.00');
        for (const name of Object.keys(departmentFiles)) {
            expect(errors(documents[name]), name).toEqual([]);
        }
    });

    it('checks every stated source column, not only 合计', async () => {
        const documents = await buildWorkspace({ ...departmentFiles, 'district.perf': summaryText('2,000.00', '1,800.00') });
        const messages = (documents['district.perf'].diagnostics ?? []).map(d => d.message);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toContain('财政拨款 1,800.00 万元');
        expect(messages[0]).toContain('财政拨款之和 1,900.00 万元');
        expect(messages[0]).toContain('相差 -100.00');
    });

    it('re-checks the summary when a department file changes', async () => {
        const services = await createServices();
        const documents = await buildWorkspace({ ...departmentFiles, 'district.perf': summaryText('2,000.00') }, services);
        expect(documents['district.perf'].diagnostics).toEqual([]);
        const transport = documents['transport.perf'];
        const edited = TRANSPORT.replace(/300\.00/g, '350.00').replace('其他资金 100.00\n    项目', '其他资金 150.00\n    项目')
            .replace('其他资金 100.00 11', '其他资金 150.00 11');
        // As the editor does: the open text document changes, then the builder updates the workspace.
        services.shared.workspace.TextDocuments.set(TextDocument.create(transport.uri.toString(), 'perf', 2, edited));
        await services.shared.workspace.DocumentBuilder.update([transport.uri], []);
        const district = services.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///ws/district.perf'))!;
        // An edit runs the fast checks only; the slow (cross-file) ones run when asked for, as on save or in the CLI.
        expect(codes(district)).toEqual([]);
        await services.shared.workspace.DocumentBuilder.build([district], { validation: true });
        expect(codes(district)).toEqual([SummaryRule.total, SummaryRule.total]); // 合计 and 其他资金
    });

    it('runs the slow checks on save, for the saved file and the summary that refers to it (the editor\'s path)', async () => {
        const services = await createServices();
        const documents = await buildWorkspace({ ...departmentFiles, 'district.perf': summaryText('2,000.00') }, services);
        const transport = documents['transport.perf'];
        const edited = TRANSPORT.replace(/300\.00/g, '310.00').replace(/200\.00/g, '210.00');
        const textDocument = TextDocument.create(transport.uri.toString(), 'perf', 2, edited);
        services.shared.workspace.TextDocuments.set(textDocument);
        await services.shared.workspace.DocumentBuilder.update([transport.uri], []); // the edit: fast checks only
        const district = services.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///ws/district.perf'))!;
        expect(codes(district)).toEqual([]);
        const handler = services.shared.lsp.DocumentUpdateHandler as PerfDocumentUpdateHandler;
        expect(handler).toBeInstanceOf(PerfDocumentUpdateHandler);
        await handler.runSlowChecks(transport.uri); // what didSaveDocument starts
        expect(codes(district)).toEqual([SummaryRule.total, SummaryRule.total]); // 合计 and 财政拨款
        expect(errors(services.shared.workspace.LangiumDocuments.getDocument(transport.uri)!)).toEqual([]);
    });

    it('runs the cross-file reconciliation only in the slow category', async () => {
        const { shared } = await createServices();
        const documents = Object.entries({ ...departmentFiles, 'district.perf': summaryText('9.00') }).map(([name, text]) =>
            shared.workspace.LangiumDocuments.createDocument(URI.parse(`file:///ws/${name}`), text));
        await shared.workspace.DocumentBuilder.build(documents, { validation: { categories: ['built-in', 'fast'] } });
        expect(codes(documents[4])).toEqual([]);
    });

    it('reports a department listed twice, a wrong 文件, and an unknown department', async () => {
        const text = `
汇总 "南沙区" {
    部门 "商务局" 文件 "transport.perf"
    部门 "交通局"
    部门 "交通局"
    部门 "不存在的局"
}`;
        const documents = await buildWorkspace({ ...departmentFiles, 'district.perf': text });
        const diagnostics = documents['district.perf'].diagnostics ?? [];
        const byCode = (code: string) => diagnostics.filter(d => (d.code ?? (d.data as { code?: string })?.code) === code);
        expect(byCode(SummaryRule.memberFile)).toHaveLength(1);
        expect(byCode(SummaryRule.memberFile)[0].message).toContain('而在“commerce.perf”中');
        expect(byCode(SummaryRule.duplicateDepartment).map(d => d.range.start.line)).toEqual([4]);
        expect(byCode('unknown-department').map(d => d.message)).toEqual([expect.stringContaining('找不到部门“不存在的局”')]);
        expect(byCode(SummaryRule.total)).toEqual([]);
    });
});

describe('a custom catalog in its own file', () => {
    it('links the indicator codes of the documents that name it', async () => {
        const documents = await buildWorkspace({ 'catalog.perf': CATALOG, 'commerce.perf': COMMERCE, 'district.perf': summaryText('1,500.00', '1,500.00').replace('    其他资金 100.00\n', '').replace(/    部门 "(交通局|卫健局)".*\n/g, '') });
        const department = documents['commerce.perf'].parseResult.value.departments[0];
        expect(department.catalog?.ref?.name).toBe('my-catalog');
        const categories = department.projects.flatMap(project => project.indicators.map(indicator => indicator.category.ref));
        expect(categories.every(isIndicatorCategory)).toBe(true);
        expect(categories.map(category => `${category!.name}-${category!.label}`))
            .toEqual(['19-特色产出指标', '31-服务对象满意度', '11-数量指标']);
        // 19 exists only in my-catalog: the built-in 2015 catalog would not resolve it.
        for (const document of Object.values(documents)) {
            expect(errors(document), document.uri.toString()).toEqual([]);
        }
    });
});
