/**
 * The layouts beyond the Guangdong list (issue 14), from the small made-up examples in examples/: the
 * published model (JSON contract), the XLSX read back by exceljs cell for cell, the HTML's cells, and the
 * converter (`buildOfficialTable(file, layout)`) on the reference table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { publishingLayout } from '../../src/compile/document-layout.js';
import { renderHtml } from '../../src/compile/html.js';
import { LAYOUT_MISSING_FIELD, LAYOUT_UNPRINTED_FIELD } from '../../src/compile/layout-problems.js';
import { INDICATOR_ROWS, layoutNamed, PROJECT_FORM } from '../../src/compile/layouts.js';
import type { OfficialTable, PublishedCell, PublishedRow } from '../../src/compile/official-table.js';
import { renderXlsx } from '../../src/compile/xlsx.js';
import type { PerfFile } from '../../src/language/generated/ast.js';
import { TWO_FORMS } from '../fixtures/layout-forms.js';
import { diagnosticsOf, parseDocument, readReferenceExample, repoRoot } from '../helpers.js';

async function exampleFile(name: string): Promise<PerfFile> {
    const document = await parseDocument(fs.readFileSync(path.join(repoRoot, 'examples', name), 'utf8'));
    expect(diagnosticsOf(document)).toEqual([]);
    return document.parseResult.value;
}

const allRows = (table: OfficialTable): PublishedRow[] => table.sheet!.blocks.flatMap(block => [...block.header, ...block.rows]);
const texts = (row: PublishedRow | undefined) => row?.cells.map(cell => cell.text);
const rowWith = (table: OfficialTable, text: string) => allRows(table).find(row => row.cells.some(cell => cell.text === text));

async function readXlsx(table: OfficialTable): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await renderXlsx(table) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets).toHaveLength(1);
    return workbook.worksheets[0];
}

/** Every non-empty cell the worksheet holds, as text, that is not the slave of a merge. */
function xlsxTexts(sheet: ExcelJS.Worksheet): string[] {
    const found: string[] = [];
    sheet.eachRow(row => row.eachCell(cell => {
        if (cell.isMerged && cell.master.address !== cell.address) {
            return;
        }
        if (cell.value !== null && cell.value !== '') {
            found.push(typeof cell.value === 'number' ? `#${cell.value}` : String(cell.value));
        }
    }));
    return found.sort();
}

/** What the sheet must show: the title, the line under it and every cell with text; amounts as numbers. */
function sheetTexts(table: OfficialTable): string[] {
    const sheet = table.sheet!;
    const cell = (c: PublishedCell) => c.role === 'amount' && /^[\d,]+\.\d{2}$/.test(c.text) ? `#${Number(c.text.replaceAll(',', ''))}` : c.text;
    return [sheet.title, ...sheet.meta.map(meta => meta.text), ...allRows(table).flatMap(row => row.cells.map(cell))]
        .filter(text => text !== '').sort();
}

describe('项目表: one form per project (财预〔2021〕101号)', () => {
    let table: OfficialTable;
    let sheet: ExcelJS.Worksheet;

    beforeAll(async () => {
        table = buildOfficialTable(await exampleFile('project-form.perf'));
        sheet = await readXlsx(table);
    });

    it('is published in the layout its 表式 names, with the 预算年度 in the title', () => {
        expect(table.layout).toBe('项目表');
        expect(table.title).toBe('项目支出绩效目标表（2024年度）');
        expect(table.sheet?.title).toBe('项目支出绩效目标表（2024年度）');
        expect([table.columns, table.rows]).toEqual([[], []]);
        expect(table.sheet?.meta.map(meta => meta.text)).toEqual(['部门名称：示例县教育局', '单位：万元']);
    });

    it('has the metadata rows, funds (其中 for a fund within 财政拨款) and goals', () => {
        expect(texts(rowWith(table, '项目名称'))).toEqual(['项目名称', '示例校舍维修']);
        expect(texts(rowWith(table, '主管部门及代码'))).toEqual(['主管部门及代码', '示例县教育局[015001]', '实施单位', '示例县第一小学']);
        expect(texts(rowWith(table, '项目起止时间'))).toEqual(['项目起止时间', '2024.03-2024.12', '项目负责人', '张某']);
        expect(texts(rowWith(table, '年度资金总额'))).toEqual(['项目资金（万元）', '年度资金总额', '120.00']);
        expect(rowWith(table, '年度资金总额')?.cells[0].rowSpan).toBe(5);
        expect(texts(rowWith(table, '其中：本级财力'))).toEqual(['其中：本级财力', '100.00']);
        expect(texts(rowWith(table, '其他资金'))).toEqual(['其他资金', '20.00']);
        expect(texts(rowWith(table, '实施期目标'))).toEqual(['总体目标', '实施期目标', '年度目标']);
        expect(texts(rowWith(table, '完成教学楼屋面防水和外墙修缮，消除漏水隐患。')))
            .toEqual(['完成教学楼屋面防水和外墙修缮，消除漏水隐患。', '2024年完成屋面防水1200平方米、外墙修缮800平方米。']);
    });

    it('has the indicator grid: level-1 names with their score range, merged; values side by side; 分值; 预算执行率', () => {
        expect(texts(rowWith(table, '一级指标'))).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '实施期指标值', '年度指标值', '指标解释/绩效标准', '分值']);
        const area = rowWith(table, '屋面防水面积')!;
        expect(texts(area)).toEqual(['产出指标(40-50)分', '数量指标', '屋面防水面积', '≥1200平方米', '≥1200平方米', '按竣工验收单计算\n计划标准', '25']);
        expect(area.cells[0].rowSpan).toBe(3);
        expect(area.cells[5].lines).toEqual(['按竣工验收单计算', '计划标准']);
        // The level-1 cell of the next two rows is the merged one above.
        expect(texts(rowWith(table, '工程验收合格率'))).toEqual(['质量指标', '工程验收合格率', '100%', '100%', '行业标准', '15']);
        expect(texts(rowWith(table, '漏水报修次数'))).toEqual(['效益指标(20-30)分', '社会效益', '漏水报修次数', '明显减少', '≤2次', '历史标准', '30']);
        expect(texts(rowWith(table, '师生满意度'))?.[0]).toBe('满意度指标(10)分');
        expect(texts(rowWith(table, '预算执行率'))).toEqual(['预算执行率', '', '10']);
    });

    it('has the cost breakdown', () => {
        expect(texts(rowWith(table, '成本项目'))).toEqual(['成本构成', '成本项目', '金额（万元）', '测算依据', '上年实际（万元）']);
        expect(texts(rowWith(table, '材料费'))).toEqual(['材料费', '70.00', '按2023年市场价', '65.00']);
        expect(texts(rowWith(table, '人工费'))).toEqual(['人工费', '50.00', '按定额工日', '']);
    });

    it('XLSX: every cell of the form, merged as published, amounts as numbers', () => {
        expect(xlsxTexts(sheet)).toEqual(sheetTexts(table));
        expect(sheet.getCell('A1').value).toBe('项目支出绩效目标表（2024年度）');
        expect([sheet.getCell('A3').value, sheet.getCell('B3').value]).toEqual(['项目名称', '示例校舍维修']);
        expect(sheet.model.merges).toContain('B3:H3');
        expect([sheet.getCell('A4').value, sheet.getCell('B4').value, sheet.getCell('E4').value, sheet.getCell('F4').value])
            .toEqual(['主管部门及代码', '示例县教育局[015001]', '实施单位', '示例县第一小学']);
        const total = sheet.getCell('E7');
        expect([sheet.getCell('A7').value, sheet.getCell('B7').value, total.value, total.numFmt]).toEqual(['项目资金（万元）', '年度资金总额', 120, '#,##0.00']);
        expect(sheet.model.merges).toContain('A7:A11');
        const area = sheet.getRow(15);
        expect([1, 2, 3, 4, 5, 6, 7, 8].map(c => area.getCell(c).value))
            .toEqual(['绩效指标', '产出指标(40-50)分', '数量指标', '屋面防水面积', '≥1200平方米', '≥1200平方米', '按竣工验收单计算\n计划标准', '25']);
        expect(area.getCell(7).alignment).toMatchObject({ wrapText: true });
        expect(sheet.model.merges).toEqual(expect.arrayContaining(['A14:A20', 'B15:B17']));
        // One form, no header to repeat: no frozen pane.
        expect(sheet.views[0]?.state).not.toBe('frozen');
    });

    it('HTML: the cells with their spans, the year in the visible title', () => {
        const html = renderHtml(table);
        expect(html).toContain('<h1>项目支出绩效目标表（2024年度）</h1>');
        expect(html).toContain('<div class="perf-official" data-year="2024" data-layout="项目表">');
        expect(html).toContain('<tr class="row-field"><td class="label">项目名称</td><td class="text" colspan="7">示例校舍维修</td></tr>');
        expect(html).toContain('<td class="text" rowspan="3">产出指标(40-50)分</td>');
        expect(html).toContain('<td class="text"><span class="line">按竣工验收单计算</span><span class="line">计划标准</span></td>');
        expect(html).not.toMatch(/<script/i);
    });
});

describe('项目表 with two projects', () => {
    let table: OfficialTable;
    let sheet: ExcelJS.Worksheet;

    beforeAll(async () => {
        const document = await parseDocument(TWO_FORMS);
        expect(diagnosticsOf(document, 1)).toEqual([]);
        table = buildOfficialTable(document.parseResult.value);
        sheet = await readXlsx(table);
    });

    it('one block per project; the published level name, the English keywords, the annual goal', () => {
        expect(table.sheet?.blocks).toHaveLength(2);
        const second = table.sheet!.blocks[1];
        expect(texts(second.rows.find(row => row.cells.some(cell => cell.text === '监测次数'))))
            .toEqual(['预期产出指标', '数量指标', '监测次数', '≥12次', '≥12次', '', '']);
        expect(texts(second.rows.find(row => row.cells.some(cell => cell.text === '实施周期指标值')))?.[4]).toBe('实施周期指标值');
        expect(texts(second.rows.find(row => row.cells.some(cell => cell.text === '全年监测水质。')))).toEqual(['全年监测水质。']);
        expect(texts(second.rows.find(row => row.cells.some(cell => cell.text === '一般公共预算拨款')))).toEqual(['一般公共预算拨款', '10606.7522']);
    });

    it('XLSX: the forms one under another with a blank row between; four decimals kept as written', () => {
        expect(xlsxTexts(sheet)).toEqual(sheetTexts(table));
        const firstRows = [...table.sheet!.blocks[0].header, ...table.sheet!.blocks[0].rows].length;
        const blank = sheet.getRow(2 + firstRows + 1);
        expect(blank.cellCount).toBe(0);
        expect(sheet.getRow(2 + firstRows + 2).getCell(2).value).toBe('示例水质监测');
        const fund = sheet.getColumn(5).values.find(value => value === '10606.7522');
        expect(fund).toBe('10606.7522');
    });

    it('HTML: one table per form, each printed on its own page', () => {
        const html = renderHtml(table);
        expect(html.match(/<table>/g)).toHaveLength(2);
        expect(html).toContain('.perf-official[data-layout="项目表"] table ~ table { break-before: page; }');
    });
});

describe('指标行: one indicator per row', () => {
    let table: OfficialTable;
    let sheet: ExcelJS.Worksheet;

    beforeAll(async () => {
        table = buildOfficialTable(await exampleFile('indicator-rows.perf'));
        sheet = await readXlsx(table);
    });

    it('has the headings of its columns, the unit of the budget in its heading, the year in the title', () => {
        expect(table.layout).toBe('指标行');
        expect(table.sheet?.title).toBe('2024年度项目支出绩效目标申报表');
        expect(texts(table.sheet?.blocks[0].header[0])).toEqual(['单位名称', '项目名称', '预算数（元）', '年度目标', '一级指标', '二级指标',
            '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性']);
    });

    it('cuts each annual target into 指标性质 | 指标值 | 度量单位 from its typed meaning and the unit column', () => {
        const indicatorColumns = (name: string) => texts(rowWith(table, name))!.slice(-6);
        expect(indicatorColumns('举办阅读推广活动场次')).toEqual(['举办阅读推广活动场次', '≥', '24', '场', '30', '正向']);
        expect(indicatorColumns('覆盖读者人次')).toEqual(['覆盖读者人次', '≥', '5000', '人次', '20', '正向']);
        expect(indicatorColumns('活动方案按时报送率')).toEqual(['活动方案按时报送率', '=', '100', '%', '10', '正向']);
        expect(indicatorColumns('单场活动平均成本')).toEqual(['单场活动平均成本', '≤', '3000', '元', '10', '反向']);
        expect(indicatorColumns('全民阅读氛围')).toEqual(['全民阅读氛围', '定性', '明显提升', '', '10', '正向']);
        expect(indicatorColumns('读者满意度')).toEqual(['读者满意度', '≥', '90', '%', '20', '正向']);
    });

    it('spans the project columns over the project\'s rows and merges repeated level names', () => {
        const first = table.sheet!.blocks[0].rows[0];
        expect(texts(first)?.slice(0, 4)).toEqual(['示例市图书馆', '示例阅读推广活动', '80,000.00', '全年举办阅读推广活动不少于24场，覆盖读者5000人次。']);
        expect(first.cells.slice(0, 4).map(cell => cell.rowSpan)).toEqual([6, 6, 6, 6]);
        expect(first.cells[4]).toMatchObject({ text: '产出指标', rowSpan: 4 });
        expect(first.cells[5]).toMatchObject({ text: '数量指标', rowSpan: 2 });
        expect(table.sheet!.blocks[0].rows).toHaveLength(6);
    });

    it('XLSX: every cell, the header frozen and repeated on each printed page', async () => {
        expect(xlsxTexts(sheet)).toEqual(sheetTexts(table));
        const headings = sheet.getRow(3);
        expect(Array.from({ length: 12 }, (_, i) => headings.getCell(i + 1).value)).toEqual(texts(table.sheet?.blocks[0].header[0]));
        expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4', 'G4', 'H4', 'I4', 'J4', 'K4', 'L4'].map(address => sheet.getCell(address).value)).toEqual([
            '示例市图书馆', '示例阅读推广活动', 80000, '全年举办阅读推广活动不少于24场，覆盖读者5000人次。', '产出指标', '数量指标',
            '举办阅读推广活动场次', '≥', '24', '场', '30', '正向']);
        expect(sheet.getCell('C4').numFmt).toBe('#,##0.00');
        expect(['H9', 'I9', 'J9'].map(address => sheet.getCell(address).value)).toEqual(['≥', '90', '%']);
        expect(sheet.model.merges).toEqual(expect.arrayContaining(['A4:A9', 'D4:D9', 'E4:E7', 'F4:F5']));
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    });
});

describe('部门整体: whole-department targets', () => {
    let table: OfficialTable;
    let sheet: ExcelJS.Worksheet;

    beforeAll(async () => {
        table = buildOfficialTable(await exampleFile('department.perf'));
        sheet = await readXlsx(table);
    });

    it('has funds, duties, the annual goal and the department\'s own indicators', () => {
        expect(table.layout).toBe('部门整体');
        expect(table.sheet?.title).toBe('部门整体绩效目标表（2024年度）');
        expect(texts(rowWith(table, '部门名称'))).toEqual(['部门名称', '示例区文化馆']);
        expect(texts(rowWith(table, '基本支出'))).toEqual(['年度预算（万元）', '基本支出', '320.00']);
        expect(texts(rowWith(table, '部门职责'))).toEqual(['部门职责', '组织开展群众文化活动，指导基层文化建设，保护非物质文化遗产。']);
        expect(texts(rowWith(table, '年度总体绩效目标'))?.[1]).toBe('全年举办群众文化活动不少于50场，培训基层文艺骨干200人次，群众满意度不低于90%。');
        expect(texts(rowWith(table, '指标值类型'))).toEqual(['一级指标', '二级指标', '三级指标', '指标值类型', '指标值', '计量单位', '指标解释', '评(扣)分标准']);
        expect(texts(rowWith(table, '举办群众文化活动'))).toEqual(['产出指标', '数量指标', '举办群众文化活动', '定量', '≥50', '场', '', '每少1场扣1分']);
        expect(texts(rowWith(table, '活动安全事故'))).toEqual(['质量指标', '活动安全事故', '定性', '无', '', '', '发生1起扣5分']);
        expect(texts(rowWith(table, '群众满意度'))).toEqual(['满意度指标', '服务对象满意度', '群众满意度', '定量', '≥90', '%', '', '每低1个百分点扣1分']);
    });

    it('XLSX: every cell', () => {
        expect(xlsxTexts(sheet)).toEqual(sheetTexts(table));
        expect(sheet.getCell('A1').value).toBe('部门整体绩效目标表（2024年度）');
        expect([sheet.getCell('A4').value, sheet.getCell('B4').value, sheet.getCell('E4').value]).toEqual(['年度预算（万元）', '基本支出', 320]);
    });
});

describe('converting between layouts (perf compile --layout)', () => {
    let reference: PerfFile;

    beforeAll(async () => {
        reference = (await parseDocument(readReferenceExample())).parseResult.value;
    });

    it('the reference table as 指标行: one row per indicator; its 3 period targets that differ from the annual ones are said to be left out', () => {
        const { layout, problems } = publishingLayout(reference, INDICATOR_ROWS);
        expect(problems.map(problem => [problem.code, problem.message.split(' (')[0]])).toEqual([
            [LAYOUT_UNPRINTED_FIELD, '表式“指标行”没有实施周期（长期、中期）指标值的位置，3处实施周期（长期、中期）指标值不会印出']]);
        const table = buildOfficialTable(reference, layout);
        const rows = table.sheet!.blocks[0].rows;
        expect(rows).toHaveLength(183);
        const support = rows.find(row => row.cells.some(cell => cell.text === '产业扶持—企业扶持和奖励经费'))!;
        expect(texts(support)).toEqual(['广州南沙经济技术开发区商务局', '产业扶持—企业扶持和奖励经费', '50,000.00', expect.stringMatching(/^依据相关政策/),
            '产出指标', '数量指标', '扶持项目个数', '≥', '50', '家次', '', '']);
        // A value with wording around the number stays whole: nothing is dropped.
        expect(texts(rows.find(row => row.cells.some(cell => cell.text === '新增箱量数量')))?.slice(-5, -2)).toEqual(['≥', '新增10万标准箱及以上', '']);
        // ≧ prints as written; 不低于 (a word) as its symbol.
        expect(texts(rows.find(row => row.cells.some(cell => cell.text === '南沙口岸外贸进出口额增长率')))?.slice(-5, -2)).toEqual(['≧', '2', '%']);
        expect(texts(rows.find(row => row.cells.some(cell => cell.text === '响应时间（秒）')))?.slice(-5, -2)).toEqual(['≥', '不低于3', '']);
    });

    it('the reference table as 项目表: a clear error per project for each field the form needs, at the project', () => {
        const { problems } = publishingLayout(reference, PROJECT_FORM);
        const errors = problems.filter(problem => problem.code === LAYOUT_MISSING_FIELD);
        expect(errors).toHaveLength(2 * 28);
        expect(errors[0].range.start).toEqual({ line: 10, character: 7 });
        expect(errors[0].message).toMatch(/^表式“项目表”需要主管部门，项目“工作经费”没有：请写 主管部门 "…"/);
        expect(errors[1].message).toMatch(/需要实施单位/);
    });

    it('a field a layout does not print is a warning, never left out silently', async () => {
        const { problems } = publishingLayout(await exampleFile('project-form.perf'), layoutNamed('项目列表')!);
        const unprinted = problems.filter(problem => problem.code === LAYOUT_UNPRINTED_FIELD).map(problem => problem.message);
        expect(problems.every(problem => problem.code === LAYOUT_UNPRINTED_FIELD)).toBe(true);
        expect(unprinted).toEqual(expect.arrayContaining([expect.stringMatching(/没有主管部门的位置/), expect.stringMatching(/没有成本构成的位置/),
            expect.stringMatching(/没有分值\/权重的位置，5处/)]));
    });

    it('a period target beside the annual one, in a layout with one value column, is a warning, not dropped silently', async () => {
        const document = await parseDocument('部门 "示例局" {\n    表式 "部门整体"\n    部门职责 "职责"\n    年度目标 "目标"\n'
            + '    11 "服务人次" 实施周期 ≥3000人次 年度 ≥1000人次\n    11 "服务场次" 年度 ≥10场\n}');
        const unprinted = publishingLayout(document.parseResult.value, layoutNamed('部门整体')!).problems
            .filter(problem => problem.code === LAYOUT_UNPRINTED_FIELD);
        expect(unprinted.map(problem => [problem.range.start.line, problem.message])).toEqual([
            [4, expect.stringMatching(/没有实施周期（长期、中期）指标值的位置，此处/)]]);
        const asForm = publishingLayout(document.parseResult.value, PROJECT_FORM).problems;
        expect(asForm.some(problem => /实施周期（长期、中期）指标值/.test(problem.message))).toBe(false);
    });

    it('an unknown 表式 is an error at the name', async () => {
        const document = await parseDocument('部门 "示例局" {\n    表式 "横表"\n}');
        const { layout, problems } = publishingLayout(document.parseResult.value);
        expect(layout.name).toBe('项目列表');
        expect(problems.map(problem => [problem.code, problem.range.start.line, problem.range.start.character])).toEqual([['unknown-layout', 1, 7]]);
        expect(problems[0].message).toContain('项目表 (project-form)');
    });

    it('the English alias names the same layout', () => {
        expect(layoutNamed('indicator-rows')).toBe(INDICATOR_ROWS);
        expect(layoutNamed(' 项目表 ')).toBe(PROJECT_FORM);
        expect(layoutNamed('横表')).toBeUndefined();
    });
});
