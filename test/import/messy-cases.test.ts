import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { Column } from '../../src/compile/official-table.js';
import { importCsv } from '../../src/import/csv.js';
import { formatPerf, importBytes } from '../../src/import/import-file.js';
import { ImportError } from '../../src/import/import-model.js';
import { importText } from '../../src/import/pdf-text.js';
import { importXlsx } from '../../src/import/xlsx.js';
import { checkZipLimits } from '../../src/import/zip-limits.js';
import { createServices, repoRoot } from '../helpers.js';
import { perfOf, workbook, type Services } from './import-helpers.js';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'import', name);
const ITEM = (n: number, name: string, value: string) => `${n}、1-产出指标；11-数量指标；${name}；实施周期指标值:${value}；年度指标值:${value}。`;

describe('messy published tables', () => {
    let services: Services;
    beforeAll(async () => { services = await createServices(); });

    test('XLSX made by hand: header in row 4, blank rows and columns, merged title, text amounts, indented names, line breaks', async () => {
        const bytes = await workbook([
            [],
            ['2025年度项目支出绩效目标表'],
            ['部门名称：测试局', null, null, null, null, null, null, '单位：万元'],
            ['项目名称', null, '总计（万元）', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'],
            ['测试局', null, '1,234.50', 1234.5],
            [],
            ['  甲项目', null, '1,000.00', '1,000.00', null, null, '第一行目标\n第二行目标', `${ITEM(1, '数量', '≥3个')}\n${ITEM(2, '质量', '新增10万标准箱及以上')}`],
            ['\u3000乙项目（南沙区财政局）', null, 234.5, 234.5, null, null, '目标', ITEM(1, '数量', '≥1个') + '备注：无'],
            [null, null, null, null, null, null, null, '2、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值:≥90%；年度指标值:≥80%。', '多余的单元格']
        ], sheet => sheet.mergeCells('A2:H2'));
        const table = await importXlsx(bytes, 'hand.xlsx');
        expect(table.title).toBe('2025年度项目支出绩效目标表');
        const { text, errors, official } = await perfOf(table, services);
        expect(errors).toEqual([]);
        expect(text).toContain('表名 "2025年度项目支出绩效目标表"');
        expect(text).toContain('绩效目标 "第一行目标"\n            "第二行目标"');
        expect(text).toContain('11 "质量" 指标值 "新增10万标准箱及以上"');
        expect(text).toContain('资金使用单位 "南沙区财政局"');
        expect(text).toContain('31 "满意度" 实施周期 ≥90% 年度 ≥80%');
        // Not understood, with position, kept as comments and listed in the summary.
        expect(text).toContain('// 导入未识别（表1!H8）：绩效指标中无法识别的文字');
        expect(text).toContain('// 原文：备注：无');
        expect(text).toContain('// 导入未识别（表1!I9）：该单元格不在任何已知列中');
        expect(text).toContain('// 未识别的内容 2 处');
        const projects = official.rows.filter(row => row.level === 2);
        expect(projects.map(row => row.cells.slice(0, 3))).toEqual([['甲项目', '1,000.00', '1,000.00'], ['乙项目（南沙区财政局）', '234.50', '234.50']]);
        expect(official.rows[1].cells.slice(0, 2)).toEqual(['测试局', '1,234.50']);
    });

    test('XLSX in another column order, 其他资金 non-zero, two departments, two-row header', async () => {
        const bytes = await workbook([
            ['绩效指标', '绩效目标', '项目名称（资金使用单位）', '总计', '资金来源'],
            [null, null, null, null, '其他资金', '财政拨款'],
            [null, null, '甲局', 30, 10, 20],
            [ITEM(1, '数量', '≥1个'), '目标一', '  项目一', 30, 10, 20],
            [null, null, '乙局', 5, null, 5],
            [ITEM(1, '数量', '≥2个'), '目标二', '  项目二', 5, null, 5]
        ]);
        const { text, errors, official } = await perfOf(await importXlsx(bytes, 'other.xlsx'), services);
        expect(errors).toEqual([]);
        expect(official.department).toBe('甲局、乙局');
        expect(official.rows.map(row => row.cells.slice(0, 5))).toEqual([
            ['合计', '35.00', '25.00', '', '10.00'],
            ['甲局', '30.00', '20.00', '', '10.00'],
            ['项目一', '30.00', '20.00', '', '10.00'],
            ['乙局', '5.00', '5.00', '', ''],
            ['项目二', '5.00', '5.00', '', '']
        ]);
        expect(text).toContain('其他资金 10.00');
    });

    test('a table with one indicator per row in separate columns is refused with a clear message', async () => {
        const bytes = await workbook([['项目名称', '一级指标', '二级指标', '指标名称', '指标值'], ['甲', '产出指标', '数量指标', '数量', '≥1']]);
        await expect(importXlsx(bytes, 'rows.xlsx')).rejects.toThrow(/每行一个指标.*perf import 只读官方版式/);
    });

    test('a sheet with no header row is refused, and a non-zip file too', async () => {
        await expect(importXlsx(await workbook([['随便什么'], [1, 2, 3]]), 'none.xlsx')).rejects.toThrow(/没有找到表头行/);
        await expect(importXlsx(Buffer.from('not a zip at all, just text'), 'fake.xlsx')).rejects.toThrow(/不是有效的 .xlsx 文件/);
    });

    test('zip bombs are refused from the central directory, before exceljs inflates anything', async () => {
        const bytes = await workbook([['项目名称', '绩效指标']]);
        expect(() => checkZipLimits(bytes, 'ok.xlsx')).not.toThrow();
        expect(() => checkZipLimits(bytes, 'bomb.xlsx', { totalUncompressedBytes: 100, entries: 10_000, ratio: 200, ratioCheckedAboveBytes: 1 }))
            .toThrow(/压缩炸弹|超过上限/);
        // A forged directory entry that claims 3 GB for a few compressed bytes.
        const forged = Buffer.from(bytes);
        const entry = forged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        forged.writeUInt32LE(3_000_000_000, entry + 24);
        expect(() => checkZipLimits(forged, 'forged.xlsx')).toThrow(/zip bomb/);
    });

    test('sheets with absurd dimensions are refused', async () => {
        const bytes = await workbook([['项目名称', '绩效指标']], sheet => { sheet.getCell(1, 250).value = 'x'; });
        await expect(importXlsx(bytes, 'wide.xlsx')).rejects.toThrow(/超过上限/);
    });

    test('PDF text: page numbers, a name over two lines, an item split mid-value, a goal after its indicators, 4 amounts, leftovers', async () => {
        const table = importText(fs.readFileSync(fixture('messy.txt'), 'utf8'), 'messy.txt');
        const { text, errors, official } = await perfOf(table, services);
        expect(errors).toEqual([]);
        const projects = official.rows.filter(row => row.level === 2);
        expect(projects.map(row => row.cells.slice(0, 6))).toEqual([
            ['很长很长的项目名称第一行第二行', '10.00', '10.00', '', '', '提高培训质量。'],
            ['第二个项目', '20.00', '10.00', '5.00', '5.00', '完成目标。']
        ]);
        expect(projects[0].cells[Column.indicators]).toBe(
            '1、1-产出指标；11-数量指标；培训场次；实施周期指标值:≥3场；年度指标值:≥1场。2、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值:≥90%；年度指标值:≥90%。');
        expect(text).toContain('11 "培训场次" 实施周期 ≥3场 年度 ≥1场');
        expect(text).toContain('// 导入未识别（第1行）：页码，已略过');
        expect(text).toContain('// 原文：这是一段看不懂的文字');
        // The year in the title is the 预算年度: compiling prints "2025年项目支出绩效目标表" again.
        expect(text).toContain('表名 "项目支出绩效目标表"\n    预算年度 2025\n');
    });

    test('GBK text is detected; --encoding forces; undecidable bytes are refused', async () => {
        const bytes = fs.readFileSync(fixture('gbk.txt'));
        const table = await importBytes(bytes, 'gbk.txt', '.txt');
        expect(table.departments[0].projects[0].name).toBe('项目甲');
        expect((await importBytes(bytes, 'gbk.txt', '.txt', { encoding: 'gbk' })).departments[0].name).toBe('测试局');
        await expect(importBytes(Buffer.from([0x81, 0x30, 0xff, 0xfe, 0x00, 0x01]), 'junk.txt', '.txt')).rejects.toThrow();
    });

    test('CSV: UTF-8 BOM, columns by header, an unknown column reported; a CSV without 项目名称 is refused', async () => {
        const csv = '\uFEFF部门名称,项目名称,总计,财政拨款,绩效目标,一级指标代码,一级指标名称,二级指标代码,二级指标名称,指标名称,实施周期指标值,年度指标值,备注\r\n'
            + '测试局,甲,"1,000.00","1,000.00",目标,1,产出指标,11,数量指标,数量,≥1个,≥1个,看这里\r\n';
        const { text, errors } = await perfOf(importCsv(csv, 'a.csv'), services);
        expect(errors).toEqual([]);
        expect(text).toContain('11 "数量" 指标值 ≥1个');
        expect(text).toContain('// 原文：看这里');
        expect(() => importCsv('部门名称,金额\r\n甲,1\r\n', 'b.csv')).toThrow(ImportError);
        expect(() => importCsv('部门名称,金额\r\n甲,1\r\n', 'b.csv')).toThrow(/没有“项目名称”列/);
    });

    test('the writer output is already canonical: the formatter leaves it unchanged', async () => {
        const { text } = await perfOf(importText(fs.readFileSync(fixture('messy.txt'), 'utf8'), 'messy.txt'), services);
        expect(await formatPerf(text, services.perf)).toBe(text);
    });
});
