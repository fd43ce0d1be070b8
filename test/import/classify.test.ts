/**
 * What a document is, decided before anything is imported (src/import/classify.ts), and named in every
 * message: the non-target documents refused with what they are and what to do, the target layouts read by
 * their layout's reader and named, the Guangdong list read and named in the summary. Fixtures: test/fixtures/import/kinds
 * (shapes of real published tables, README there).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { classifyInput } from '../../src/import/classify.js';
import ExcelJS from 'exceljs';
import { importBytes, readImportedTable } from '../../src/import/import-file.js';
import { ImportError } from '../../src/import/import-model.js';
import { createServices, repoRoot, referenceText } from '../helpers.js';
import { perfOf, type Services } from './import-helpers.js';

const kinds = path.join(repoRoot, 'test', 'fixtures', 'import', 'kinds');

async function refusal(file: string): Promise<string> {
    try {
        await readImportedTable(path.join(kinds, file));
    } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        return (error as Error).message;
    }
    throw new Error(`${file} was imported, not refused`);
}

describe('documents that are not target tables are refused by name, with what to do', () => {
    test.each([
        ['self-evaluation.txt', '绩效自评表', /“全年执行数”.*“得分”/, /请导入同一项目的绩效目标表/],
        ['self-evaluation-sichuan.html', '绩效自评表', /“预算执行数”.*“完成值”.*“得分”.*“未完成原因分析”/, /请导入同一项目的绩效目标表/],
        ['evaluation-scoring.txt', '绩效评价评分表（评价指标体系）', /一级指标“决策”“过程”/, /请导入被评价项目的绩效目标表/],
        ['evaluation-inputs.txt', '绩效评价评分表（评价指标体系）', /一级指标“投入”“过程”.*“评分标准”/, /请导入被评价项目的绩效目标表/],
        ['blank-template.txt', '空白模板', /占位符 \d+ 处（如“\*\*”）/, /请填好指标值后再导入/]
    ])('%s: 这是%s', async (file, name, evidence, advice) => {
        const message = await refusal(file);
        expect(message.startsWith(`${file}: 这是${name}，不是绩效目标表（依据：`)).toBe(true);
        expect(message).toMatch(evidence);
        expect(message).toMatch(advice);
    });
});

test('a self-evaluation saved as XLSX is refused by name like its text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('自评');
    sheet.addRows([
        ['项目支出绩效自评表'],
        ['项目名称', '示例培训经费'],
        ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', 10, 10, 9.5, 10, '95.00%', 9.5]
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(importBytes(bytes, 'self.xlsx', '.xlsx')).rejects.toThrow(/^self\.xlsx: 这是绩效自评表，不是绩效目标表（依据：表名含“绩效自评表”，栏目“全年执行数”“得分”）/);
});

describe('target layouts are recognised by name and read by their layout\'s reader', () => {
    let services: Services;
    beforeAll(async () => { services = await createServices(); });

    test.each([
        ['project-form.txt', '一项目一表（项目绩效目标表）', '项目表', 4],
        ['project-application.html', '一项目一表（财政支出项目绩效目标申报表）', '项目表', 3],
        ['indicator-rows.txt', '一指标一行的绩效目标表', '指标行', 5],
        ['department-whole.txt', '部门整体绩效目标表', '部门整体', 4]
    ])('%s: 识别为%s', async (file, name, layout, indicators) => {
        const table = await readImportedTable(path.join(kinds, file));
        expect(table.kind).toBe(`${name}，表式“${layout}”`);
        expect(table.layout).toBe(layout);
        const { text, errors } = await perfOf(table, services);
        expect(errors).toEqual([]);
        expect(text).toContain(`表式 "${layout}"`);
        // Every indicator of the fixture is an indicator line of the document (a form's 长期 and 年度 grids joined by name).
        expect(text.split('\n').filter(line => /^\s+(?:\d+\/)?\d+ "/.test(line))).toHaveLength(indicators);
    });
});

test.each([
    ['self-evaluation.txt', 'self-evaluation'], ['evaluation-scoring.txt', 'evaluation-scoring'], ['blank-template.txt', 'blank-template'],
    ['project-form.txt', 'project-form'], ['indicator-rows.txt', 'indicator-rows'], ['department-whole.txt', 'department-whole']
])('%s is recognised as the same kind when its text arrives on one line, or run together without any space', (file, kind) => {
    const text = fs.readFileSync(path.join(kinds, file), 'utf8');
    expect(classifyInput({ form: 'text', text }).kind).toBe(kind);
    expect(classifyInput({ form: 'text', text: text.replace(/\n/g, ' ') }).kind).toBe(kind);
    expect(classifyInput({ form: 'text', text: text.replace(/\s+/g, '') }).kind).toBe(kind);
});

describe('the Guangdong list', () => {
    test('is recognised in the reference text and named in the summary of the import', async () => {
        const text = fs.readFileSync(referenceText, 'utf8');
        expect(classifyInput({ form: 'text', text }).kind).toBe('project-list');
        const table = await readImportedTable(referenceText);
        expect(table.kind).toBe('广东式多项目列表（一行一个项目，指标写在一格内），表式“项目列表”');
    });

    test('is recognised from its column titles alone, and run together on one line', () => {
        expect(classifyInput({ form: 'text', text: '项目名称 总计 财政拨款 绩效目标 绩效指标\n  某项目 1.00 1.00' }).kind).toBe('project-list');
        const oneLine = fs.readFileSync(referenceText, 'utf8').replace(/\s+/g, ' ');
        expect(classifyInput({ form: 'text', text: oneLine }).kind).toBe('project-list');
    });

    test('a goal that mentions 自评报告 or 得分 does not make a target table a self-evaluation', () => {
        const text = '项目名称 总计 绩效目标 绩效指标\n  某项目 1.00 按时完成绩效自评报告，考核得分达到优秀。 1、1-产出指标；11-数量指标；报告数；实施周期指标值:1份；年度指标值:1份。';
        expect(classifyInput({ form: 'text', text }).kind).toBe('project-list');
        const goalLine = '项目名称 总计 绩效目标 绩效指标\n  某项目 1.00\n按时填报绩效自评表。\n1、1-产出指标；11-数量指标；自评表；实施周期指标值:1份；年度指标值:1份。';
        expect(classifyInput({ form: 'text', text: goalLine }).kind).toBe('project-list');
    });
});

test('a document of no known kind says so when it cannot be read', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-classify-'));
    const file = path.join(folder, 'minutes.txt');
    fs.writeFileSync(file, '会议纪要\n今天讨论了明年的工作安排。\n');
    try {
        await expect(readImportedTable(file)).rejects.toThrow(/未能识别表式：不像广东式多项目列表、一项目一表、一指标一行或部门整体绩效目标表/);
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
});
