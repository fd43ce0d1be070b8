/** `perf compile --layout` and the 表式 of a document, through the command line as a user runs it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, LAYOUT_CSV_COLUMNS, UTF8_BOM } from '../../src/compile/csv-columns.js';
import { referenceExample, repoRoot, runPerf } from '../helpers.js';

const workspace = () => fs.mkdtempSync(path.join(os.tmpdir(), 'perf-compile-layout-'));
const files = (dir: string) => fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];

describe('perf compile in the other layouts', () => {
    it.each([
        ['project-form', '项目表', '项目支出绩效目标表（2024年度）'],
        ['indicator-rows', '指标行', '2024年度项目支出绩效目标申报表'],
        ['department', '部门整体', '部门整体绩效目标表（2024年度）']
    ])('examples/%s.perf compiles to HTML, XLSX, CSV and JSON in its own layout (%s)', async (name, layout, title) => {
        const cwd = workspace();
        const result = runPerf(['compile', path.join(repoRoot, 'examples', `${name}.perf`), '-f', 'html,xlsx,csv,json', '-o', 'out'], { cwd });
        expect(result.stderr).not.toMatch(/: (error|warning): /);
        expect(result.code).toBe(0);
        expect(files(path.join(cwd, 'out'))).toEqual(['csv', 'html', 'json', 'xlsx'].map(format => `${name}.${format}`));
        const table = JSON.parse(fs.readFileSync(path.join(cwd, 'out', `${name}.json`), 'utf8'));
        expect([table.layout, table.title, table.sheet.title]).toEqual([layout, title, title]);
        expect(fs.readFileSync(path.join(cwd, 'out', `${name}.html`), 'utf8')).toContain(`<h1>${title}</h1>`);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(cwd, 'out', `${name}.xlsx`));
        expect(workbook.worksheets[0].getCell('A1').value).toBe(title);
        const csv = fs.readFileSync(path.join(cwd, 'out', `${name}.csv`), 'utf8');
        expect((parse(csv.slice(UTF8_BOM.length)) as string[][])[0]).toEqual([...CSV_HEADERS, ...LAYOUT_CSV_COLUMNS.map(column => column.header)]);
    });

    it('the CSV of a layout other than 项目列表 has the layout fields of every indicator, the department\'s own ones too', () => {
        const cwd = workspace();
        const csvOf = (name: string) => {
            expect(runPerf(['compile', path.join(repoRoot, 'examples', `${name}.perf`), '-f', 'csv', '-o', 'out'], { cwd }).code).toBe(0);
            const [headers, ...rows] = parse(fs.readFileSync(path.join(cwd, 'out', `${name}.csv`), 'utf8').slice(UTF8_BOM.length)) as string[][];
            return rows.map(row => Object.fromEntries(headers.map((header, i) => [header, row[i]])));
        };
        const library = csvOf('indicator-rows');
        expect(library).toHaveLength(6);
        expect(library[5]).toMatchObject({ 项目名称: '示例阅读推广活动', 指标名称: '读者满意度', 年度指标值: '≥90%', 指标性质: '≥', '指标值（分列）': '90',
            计量单位: '%', 分值: '20', 指标方向性: '正向' });
        const department = csvOf('department');
        expect(department.map(row => [row.项目名称, row.指标名称, row.指标值类型, row['评(扣)分标准']])[0])
            .toEqual(['', '举办群众文化活动', '定量', '每少1场扣1分']);
        expect(department).toHaveLength(5);
    });

    it('--layout 指标行 converts the reference table: one row per indicator', () => {
        const cwd = workspace();
        const result = runPerf(['compile', referenceExample, '--layout', '指标行', '-f', 'json', '-o', 'out'], { cwd });
        expect(result.code).toBe(0);
        expect(result.stderr).not.toMatch(/: error: /);
        const table = JSON.parse(fs.readFileSync(path.join(cwd, 'out', 'nansha-commerce-bureau.json'), 'utf8'));
        expect(table.layout).toBe('指标行');
        expect(table.sheet.blocks[0].rows).toHaveLength(183);
        expect(table.sheet.blocks[0].header[0].cells[2].text).toBe('预算数（万元）');
    });

    it('--layout 项目表 on a document lacking the form\'s fields: an error naming each, at its place, and nothing written', () => {
        const cwd = workspace();
        const result = runPerf(['compile', referenceExample, '--layout', 'project-form', '-f', 'json', '-o', 'out'], { cwd });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`${referenceExample}:11:8: error: 表式“项目表”需要主管部门，项目“工作经费”没有：请写 主管部门 "…" 编码 "…"，或用 --layout 选另一表式 (layout project-form needs 主管部门) [layout-missing-field]`);
        expect(result.stderr).toContain('需要实施单位，项目“工作经费”没有');
        expect(files(path.join(cwd, 'out'))).toEqual([]);
    });

    it('--layout 项目列表 of a form: the fields the list has no place for are named in warnings, the compile goes on', () => {
        const cwd = workspace();
        const result = runPerf(['compile', path.join(repoRoot, 'examples', 'project-form.perf'), '--layout', '项目列表', '-f', 'json', '-o', 'out'], { cwd });
        expect(result.code).toBe(0);
        expect(result.stderr).toMatch(/project-form\.perf:9:8: warning: 表式“项目列表”没有主管部门的位置，此处主管部门不会印出 .*\[layout-unprinted-field\]/);
        expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out', 'project-form.json'), 'utf8')).rows).toHaveLength(3);
    });

    it('an unknown --layout is a bad command line listing the layouts', () => {
        const result = runPerf(['compile', referenceExample, '--layout', '横表'], { cwd: workspace() });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('未知的表式 unknown layout "横表": use 项目列表 (project-list)、项目表 (project-form)、指标行 (indicator-rows)、部门整体 (department)');
    });
});
