import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { renderCsv } from '../../src/compile/csv.js';
import type { OfficialTable } from '../../src/compile/official-table.js';
import { renderOutput } from '../../src/compile/write-outputs.js';
import { renderXlsx } from '../../src/compile/xlsx.js';
import { workspaceCatalogs, type CatalogInfo } from '../../src/import/catalog-info.js';
import { importCsv } from '../../src/import/csv.js';
import { importBytes } from '../../src/import/import-file.js';
import type { ImportedIndicator, ImportedProject, ImportedTable } from '../../src/import/import-model.js';
import { writePerf } from '../../src/import/write-perf.js';
import { importXlsx } from '../../src/import/xlsx.js';
import { formatAmount, Decimal } from '../../src/model/money.js';
import { createServices, diagnosticsOf, parseDocument, readReferenceExample, repoRoot } from '../helpers.js';
import { perfOf, withoutComments, type Services } from './import-helpers.js';

/** import(compile(doc)) gives back doc: through the XLSX writer and through the CSV writer. */
describe('import(compile(doc)) round trip', () => {
    let services: Services;
    let catalogs: CatalogInfo[];

    beforeAll(async () => {
        services = await createServices();
        catalogs = workspaceCatalogs(services.shared);
    });

    async function compiled(text: string) {
        const document = await parseDocument(text, services);
        expect(diagnosticsOf(document, 1)).toEqual([]);
        return { file: document.parseResult.value, table: buildOfficialTable(document.parseResult.value) };
    }

    test('the reference example through XLSX gives back the same official table, cell for cell', async () => {
        const { table } = await compiled(readReferenceExample());
        const imported = await importXlsx(await renderXlsx(table), 'reference.xlsx');
        const again = await perfOf(imported, services);
        expect(again.errors).toEqual([]);
        expect(again.official).toEqual(table);
        expect(again.text).toContain('// 未识别的内容：无');
    });

    test('the reference example through CSV gives back every project row (CSV has no department amounts)', async () => {
        const { file, table } = await compiled(readReferenceExample());
        const again = await perfOf(importCsv(renderCsv(file), 'reference.csv'), services);
        expect(again.errors).toEqual([]);
        const projects = (t: typeof table) => t.rows.filter(row => row.level === 2);
        expect(projects(again.official)).toEqual(projects(table));
    });

    test('generated documents come back unchanged through XLSX and through CSV (property)', async () => {
        await fc.assert(fc.asyncProperty(tableArbitrary(), async generated => {
            const original = writePerf(generated, { catalogs }).text;
            const { file, table } = await compiled(original);
            const viaXlsx = writePerf(await importXlsx(await renderXlsx(table), 'generated.xlsx'), { catalogs }).text;
            expect(withoutComments(viaXlsx)).toBe(withoutComments(original));
            const viaCsv = writePerf(importCsv(renderCsv(file), 'generated.csv'), { catalogs }).text;
            // CSV carries neither the unit nor the title: everything else must come back.
            expect(withoutComments(viaCsv)).toBe(withoutComments(original).replace(/\n {4}单位 万元/g, ''));
        }), { seed: 20240501, numRuns: 25 });
    });
});

const CATEGORIES: ReadonlyArray<[string, string, string, string]> = [
    ['1', '产出指标', '11', '数量指标'], ['1', '产出指标', '12', '质量指标'], ['1', '产出指标', '13', '时效指标'],
    ['1', '产出指标', '14', '成本指标'], ['2', '效益指标', '21', '经济效益'], ['2', '效益指标', '22', '社会效益'],
    ['3', '满意度指标', '31', '服务对象满意度']
];

/** Free text with the characters that stress quoting and formula escaping, never blank at its ends. */
const text = (maxLength: number) => fc.string({
    unit: fc.constantFrom(...'项目经费满意度数量率平台运维服务研究“”"\\-=+@ 0123456789%,.（）·'.split('')),
    minLength: 1, maxLength
}).filter(s => s.trim() === s && !/^(?:合计|总计)$/.test(s));

const target = fc.oneof(
    fc.constantFrom('≥3%', '99%', '不低于3', '≦0', '≥1.6s', '大于800万辆次', '15000', '≧90%', '＞1家'),
    text(12).map(s => `新增${s}`)
);

const amount = fc.integer({ min: 0, max: 10_000_000_000 }).map(cents => new Decimal(cents).dividedBy(100));

const indicator: fc.Arbitrary<ImportedIndicator> = fc.record({
    category: fc.constantFrom(...CATEGORIES), name: text(20), period: target, annual: target, same: fc.boolean()
}).map(({ category: [groupCode, groupLabel, categoryCode, categoryLabel], name, period, annual, same }) => ({
    position: 'generated', groupCode, groupLabel, categoryCode, categoryLabel, name, period, annual: same ? period : annual
}));

const project: fc.Arbitrary<ImportedProject> = fc.record({
    name: text(24),
    user: fc.option(fc.constantFrom('广州市南沙区财政局', '南沙开发区管委会办公室'), { nil: undefined }),
    fiscal: amount, other: fc.option(amount.filter(a => !a.isZero()), { nil: undefined }),
    goal: fc.option(text(60), { nil: undefined }),
    indicators: fc.array(indicator, { maxLength: 5 })
}).map(({ name, user, fiscal, other, goal, indicators }) => ({
    position: 'generated', name, ...(user ? { user } : {}),
    amounts: {
        total: formatAmount(fiscal.plus(other ?? 0)),
        ...(fiscal.isZero() ? {} : { fiscal: formatAmount(fiscal) }),
        ...(other ? { other: formatAmount(other) } : {})
    },
    goal: goal ? [goal] : [], indicators, notes: []
}));

function tableArbitrary(): fc.Arbitrary<ImportedTable> {
    return fc.array(fc.record({ name: fc.constantFrom('广州南沙经济技术开发区商务局', '广州市南沙区发展和改革局', '测试部门'), projects: fc.array(project, { minLength: 1, maxLength: 4 }) }),
        { minLength: 1, maxLength: 2 })
        .filter(departments => new Set(departments.map(d => d.name)).size === departments.length)
        .map(departments => ({
            source: 'generated', format: 'grid', unit: '万元', notes: [],
            departments: departments.map(d => ({ position: 'generated', name: d.name, amounts: {}, projects: d.projects, notes: [] }))
        }));
}

/** compile(import(compile(example))) prints the same indicator rows, in each layout's own 表式, from XLSX and from HTML. */
describe('the other layouts come back through their own published table', () => {
    let services: Services;
    beforeAll(async () => { services = await createServices(); });

    const indicatorRows = (table: OfficialTable) => table.sheet!.blocks.flatMap(block => block.rows)
        .filter(row => row.role === 'indicator').map(row => row.cells.map(cell => cell.text));

    test.each([
        ['project-form.perf', '项目表'], ['indicator-rows.perf', '指标行'], ['department.perf', '部门整体']
    ])('%s (表式 %s) through XLSX and HTML', async (example, layout) => {
        const document = await parseDocument(fs.readFileSync(path.join(repoRoot, 'examples', example), 'utf8'), services);
        expect(diagnosticsOf(document, 1)).toEqual([]);
        const published = buildOfficialTable(document.parseResult.value);
        expect(published.layout).toBe(layout);
        for (const [format, extension] of [['xlsx', '.xlsx'], ['html', '.html']] as const) {
            const bytes = await renderOutput(format, document.parseResult.value, published);
            const imported = await importBytes(bytes, `${example}${extension}`, extension);
            expect(imported.layout, format).toBe(layout);
            const again = await perfOf(imported, services);
            expect(again.errors, format).toEqual([]);
            expect(indicatorRows(again.official), format).toEqual(indicatorRows(published));
        }
    });
});

test('预算年度 is in the visible title of the XLSX and comes back from it', async () => {
    const services = await createServices();
    const text = '部门 "示例局" {\n    预算年度 2024\n    单位 万元\n    项目 "甲" {\n        总计 1.00\n        财政拨款 1.00\n'
        + '        绩效目标 "目标。"\n        11 "场次" 指标值 ≥1场\n        22 "效益" 指标值 "提升"\n        31 "满意度" 指标值 ≥90%\n    }\n}\n';
    const document = await parseDocument(text, services);
    const bytes = await renderOutput('xlsx', document.parseResult.value);
    const imported = await importBytes(bytes, 'year.xlsx', '.xlsx');
    expect(imported.title).toBe('2024年项目支出绩效目标表（含转移支付项目）');
    const again = await perfOf(imported, services);
    expect(again.errors).toEqual([]);
    // The rest of the title is the layout's own, so no 表名 line: the document is the one compiled.
    expect(again.text).toContain('部门 "示例局" {\n    预算年度 2024\n');
});
