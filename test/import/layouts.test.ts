import * as fs from 'node:fs';
import fc from 'fast-check';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { importBytes } from '../../src/import/import-file.js';
import { ImportError, type ImportedIndicator, type ImportedTable } from '../../src/import/import-model.js';
import { readLayoutText } from '../../src/import/layouts/read-layout.js';
import { allNotes } from '../../src/import/summary.js';
import { createServices, repoRoot } from '../helpers.js';
import { perfOf, workbook, type Services } from './import-helpers.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'import', 'layouts');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

function indicatorsOf(table: ImportedTable): ImportedIndicator[] {
    return table.departments.flatMap(department => [...(department.indicators ?? []), ...department.projects.flatMap(project => project.indicators)]);
}

/** mapped + kept = input, nothing unmarked, and every kept character is in a note. */
function expectBalanced(table: ImportedTable): void {
    const balance = table.account!.balance();
    expect(balance.unmarked).toBe(0);
    expect(balance.mapped + balance.kept).toBe(balance.input);
    const noted = allNotes(table).map(note => (note.text ?? '').replace(/\s+/g, '')).join('');
    expect(noted.length).toBeGreaterThanOrEqual(balance.kept);
}

let services: Services;
beforeAll(async () => {
    services = await createServices();
});

describe('layout readers: one form per project, one indicator per row, whole department (issue 15 §3)', () => {
    test('two 申报表 forms in one text, one cell per line', async () => {
        const table = readLayoutText(read('project-forms.txt'), 'forms.txt')!;
        const { text, errors } = await perfOf(table, services);
        expect(errors).toEqual([]);
        expectBalanced(table);
        expect(table.layout).toBe('项目表');
        const [repair, training] = table.departments[0].projects;
        expect(table.departments.map(department => department.name)).toEqual(['示例县教育局']);
        expect([repair.name, repair.supervisor, repair.supervisorCode, repair.implementer, repair.attribute, repair.kind, repair.start, repair.end, repair.manager])
            .toEqual(['示例校舍维修项目', '示例县教育局', '015001', '示例县第一小学', '延续', '基础建设、修缮类', '2025.03', '2025.12', '张某']);
        expect(repair.info).toEqual([{ key: '联系电话', value: '0000-0000000' }]);
        expect(repair.amounts).toEqual({ total: '120.5000', fiscal: '100.0000', other: '20.5000' });
        expect(repair.funds).toEqual([{ name: '本级财力', value: '100.0000', within: 'fiscal' }]);
        expect([repair.periodGoal, repair.annualGoal]).toEqual([['完成教学楼屋面防水和外墙修缮。'], ['完成屋面防水，年内竣工验收。']]);
        expect(repair.scoreRanges).toEqual([
            { groupLabel: '产出指标', min: '40', max: '50' }, { groupLabel: '成本指标', min: '0', max: '20' },
            { groupLabel: '效益指标', min: '20', max: '30' }, { groupLabel: '满意度指标', min: '10' }]);
        expect(repair.executionScore).toBe('10');
        expect(repair.indicators.map(indicator => [indicator.categoryLabel, indicator.name, indicator.annual, indicator.weight])).toEqual([
            ['数量指标', '维修面积', '≥1200平方米', '15'], ['质量指标', '验收合格率', '100%', '15'], ['时效指标', '按期完工率', '≥95%', '10'],
            ['经济成本指标', '每平方米维修成本', '≤800元', '10'], ['社会效益指标', '保障师生安全', '有效保障', '10'],
            ['服务对象满意度指标', '师生满意度', '≥90%', '10']]);
        expect(repair.notes.map(note => note.message).join('\n')).toMatch(/二级指标“经济效益指标”下没有三级指标/);
        expect([training.name, training.attribute, training.amounts, training.funds]).toEqual(['示例教师培训项目', '新增', { total: '30.00', fiscal: '30.00' },
            [{ name: '上级财政资金', value: '10.00', within: 'fiscal' }, { name: '本级财政', value: '20.00', within: 'fiscal' }]]);
        expect(training.indicators.map(indicator => [indicator.groupLabel, indicator.categoryLabel, indicator.periodLabel, indicator.period, indicator.annual])).toEqual([
            ['预期产出指标', '数量指标（或建筑规模指标）', '长期', '≥900人次', '≥300人次'],
            ['预期产出指标', '时效指标(工期指标)', '长期', '2027年12月前', '2025年12月前'],
            ['效果指标', '社会效益指标', '长期', '逐年提高', '有所提高'],
            ['效果指标', '社会公众或服务对象满意度指标', '长期', '≥90%', '≥90%']]);
        expect(text).toContain('表式 "项目表"');
        expect(text).toContain('一级 "预期产出指标" 二级 "数量指标（或建筑规模指标）"');
        expect(text).toMatch(/导入说明.*一级指标“预期产出指标”（预期产出指标是产出指标的旧称）/);
        expect(table.unit).toBe('万元');
    });

    test('a real whole-department table (Yueyang), cells separated by |', async () => {
        const table = readLayoutText(read('department-yueyang.txt'), 'yueyang.txt')!;
        const { text, errors } = await perfOf(table, services);
        expect(errors).toEqual([]);
        expectBalanced(table);
        const [department] = table.departments;
        expect([table.layout, department.name, department.duties, department.annualGoal])
            .toEqual(['部门整体', '岳阳楼区价格认证鉴定中心', ['负责价格认定工作'], ['做好涉案、价格认定工作。']]);
        expect(department.indicators!.map(indicator => [indicator.categoryLabel, indicator.name, indicator.valueType, indicator.annual, indicator.unit, indicator.scoring])).toEqual([
            ['数量指标', '业务工作支出安排金额', '定量', '28.8万元', '%', '未达指标值酌情扣分'],
            ['质量指标', '业务工作支出到位率', '定量', '100', '%', '未达指标值酌情扣分'],
            ['时效指标', '工作安排时间', '定量', '按月安排', undefined, '未达指标值酌情扣分'],
            ['成本指标', '社会成本指标', '定量', '100', '%', '未达指标值酌情扣分'],
            ['社会效益指标', '保证单位正常运转', '定性', '应保尽保', '%', '未达指标值酌情扣分']]);
        expect(text).toContain('表式 "部门整体"');
    });

    test('one indicator per row, pdftotext -layout columns: comparator, number and unit joined back', async () => {
        const table = readLayoutText(read('indicator-rows-layout.txt'), 'rows.txt')!;
        const { text, errors } = await perfOf(table, services);
        expect(errors).toEqual([]);
        expectBalanced(table);
        expect([table.layout, table.unit]).toEqual(['指标行', '元']);
        const [department] = table.departments;
        expect(department.name).toBe('示例区文化馆');
        const [events, heritage] = department.projects;
        expect([events.name, events.amounts, events.annualGoal]).toEqual(['示例群众文化活动经费', { total: '150000.00' }, ['全年举办群众文化活动不少于50场。']]);
        expect(events.indicators.map(indicator => [indicator.categoryLabel, indicator.name, indicator.annual, indicator.unit, indicator.weight, indicator.direction])).toEqual([
            ['数量指标', '举办活动场次', '≥50', '场', '20', '正向'], ['质量指标', '活动安全事故', '≤0', '起', '20', '反向'],
            ['时效指标', '活动按期举办率', '≥95', '%', '10', '正向'], ['经济成本指标', '场均活动成本', '≤3000', '元', '10', '反向'],
            ['社会效益指标', '群众参与人次', '≥10000', '人次', '20', '正向'], ['服务对象满意度指标', '群众满意度', '≥90', '%', '10', '正向']]);
        expect(heritage.indicators.map(indicator => [indicator.name, indicator.annual, indicator.valueType, indicator.unit])).toEqual([
            ['记录整理非遗项目', '≥5', undefined, '个'], ['非遗传承影响', '逐步扩大', '定性', undefined], ['传承人满意度', '≥85', undefined, '%']]);
        expect(text).toContain('"举办活动场次" 指标值 ≥50 计量单位 "场" 权重 20 正向');
    });

    test('a 申报表 as an XLSX grid: label cells beside their values, merged level cells, a two-row value header', async () => {
        const bytes = await workbook([
            ['项目支出绩效目标批复表'],
            ['项目名称', '示例道路养护项目', '主管部门及代码', '示例县交通运输局（018002）'],
            ['实施单位', '示例县公路养护中心', '项目期', '202501-202512'],
            ['资金总额（万元）', 58.3, '其中：财政拨款', 58.3],
            ['实施期目标', '完成县道养护。', '年度目标', '全年养护县道120公里。'],
            ['一级指标', '二级指标', '三级指标', '指标值', null, '绩效标准', '分值'],
            [null, null, null, '实施期指标值', '年度指标值'],
            ['产出指标', '数量指标', '养护里程', '≥360公里', '≥120公里', '计划标准', 20],
            [null, null, '桥梁检查次数', '≥12次', '≥4次', '行业标准', 10],
            [null, '质量指标', '路况优良率', '≥85%', '≥85%', '行业标准', 20],
            ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '≥90%', '其他标准', 10]
        ], sheet => {
            sheet.mergeCells('A8:A10');
            sheet.mergeCells('B8:B9');
            sheet.mergeCells('D6:E6');
        });
        const table = await importBytes(bytes, 'form.xlsx', '.xlsx');
        const { text, errors } = await perfOf(table, services);
        expect(errors).toEqual([]);
        expectBalanced(table);
        const [project] = table.departments[0].projects;
        expect([table.layout, project.name, project.supervisor, project.supervisorCode, project.start, project.end, project.amounts])
            .toEqual(['项目表', '示例道路养护项目', '示例县交通运输局', '018002', '202501', '202512', { total: '58.3', fiscal: '58.3' }]);
        expect(project.indicators.map(indicator => [indicator.categoryLabel, indicator.name, indicator.periodLabel, indicator.period, indicator.annual, indicator.standard, indicator.weight]))
            .toEqual([
                ['数量指标', '养护里程', '实施期', '≥360公里', '≥120公里', '计划标准', '20'],
                ['数量指标', '桥梁检查次数', '实施期', '≥12次', '≥4次', '行业标准', '10'],
                ['质量指标', '路况优良率', '实施期', '≥85%', '≥85%', '行业标准', '20'],
                ['服务对象满意度指标', '群众满意度', '实施期', '≥90%', '≥90%', '其他标准', '10']]);
        expect(text).toContain('11 "养护里程" 实施期 ≥360公里 年度 ≥120公里 分值 20 绩效标准 "计划标准"');
    });

    test('one indicator per row as an XLSX grid: names only on the first row of a project, 定性 in the comparator column', async () => {
        const bytes = await workbook([
            ['2025年项目支出绩效目标表'],
            ['单位名称', '项目名称', '预算数（元）', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'],
            ['示例乡人民政府', '示例村道保洁经费', 36000, '保持村道整洁。', '产出指标', '数量指标', '保洁里程', '≥', 12, '公里', 30, '正向'],
            [null, null, null, null, null, '质量指标', '保洁达标率', '≥', 95, '%', 30, '正向'],
            [null, null, null, null, '效益指标', '社会效益指标', '村容村貌', '定性', '明显改善', null, 20, '正向'],
            [null, null, null, null, '满意度指标', '服务对象满意度指标', '村民满意度', '≥', 90, '%', 20, '正向']
        ]);
        const table = await importBytes(bytes, 'rows.xlsx', '.xlsx');
        const { text, errors } = await perfOf(table, services);
        expect(errors).toEqual([]);
        expectBalanced(table);
        const [project] = table.departments[0].projects;
        expect([table.layout, table.unit, table.departments[0].name, project.name, project.amounts.total]).toEqual(['指标行', '元', '示例乡人民政府', '示例村道保洁经费', '36000']);
        expect(project.indicators.map(indicator => [indicator.name, indicator.annual, indicator.unit, indicator.valueType])).toEqual([
            ['保洁里程', '≥12', '公里', undefined], ['保洁达标率', '≥95', '%', undefined], ['村容村貌', '明显改善', undefined, '定性'], ['村民满意度', '≥90', '%', undefined]]);
        expect(text).toContain('"村容村貌" 指标值 "明显改善" 权重 20 正向 定性');
    });

    test('a form run together on one line (a web page or DOCX copy) is read like the same form one cell per line', async () => {
        const lines = read('project-forms.txt').split('\n').filter(line => line.trim() !== '');
        const oneLine = readLayoutText(lines.join(' '), 'one-line.txt')!;
        const perLine = readLayoutText(lines.join('\n'), 'lines.txt')!;
        expectBalanced(oneLine);
        expect(indicatorsOf(oneLine).map(indicator => [indicator.name, indicator.period, indicator.annual]))
            .toEqual(indicatorsOf(perLine).map(indicator => [indicator.name, indicator.period, indicator.annual]));
        expect((await perfOf(oneLine, services)).errors).toEqual([]);
    });

    test('arbitrary cells under a grid header: refused, or every character mapped or kept (property)', () => {
        const cell = fc.constantFrom('产出指标', '数量指标', '质量指标(工期指标)', '效果指标', '培训人次', '≥', '定性', '90', '%', '≥95%10', '正向', '10',
            '项目名称', '示例项目', '资金总额', '12.50万元', '年度目标', '目标。', '|', '', '一级指标', '（2025年度）', '填报人：某');
        const head = ['项目支出绩效目标申报表', '一级指标 | 二级指标 | 三级指标 | 指标值 | 分值'];
        fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 20 }), rows => {
            const text = [...head, ...rows.map(row => row.join(' | '))].join('\n');
            let table: ImportedTable | undefined;
            try {
                table = readLayoutText(text, 'arbitrary.txt');
            } catch (error) {
                expect(error).toBeInstanceOf(ImportError);
                return;
            }
            expectBalanced(table!);
        }), { seed: 15, numRuns: 200 });
    });

    test('a 审批表 as pdftotext -layout prints it: label and value pairs side by side, level cells only on the first row', async () => {
        const table = readLayoutText(read('project-form-layout.txt'), 'layout.txt')!;
        const { errors } = await perfOf(table, services);
        expect(errors).toEqual([]);
        expectBalanced(table);
        const [project] = table.departments[0].projects;
        expect([table.departments[0].name, project.name, project.supervisorCode, project.implementer, project.attribute, project.manager, project.start, project.amounts, project.annualGoal])
            .toEqual(['示例县水利局', '示例农村饮水安全维护项目', '021001', '示例县农村供水站', '延续', '王某', '2025.01', { total: '45.0000', fiscal: '45.0000' }, ['维护农村供水工程，保障饮水安全。']]);
        expect(project.indicators.map(indicator => [indicator.groupLabel, indicator.categoryLabel, indicator.name, indicator.annual, indicator.weight])).toEqual([
            ['产出指标', '数量指标', '维护供水工程数量', '≥30处', '20'], ['产出指标', '数量指标', '水质检测次数', '≥12次', '10'],
            ['产出指标', '质量指标', '水质达标率', '≥95%', '20'], ['产出指标', '时效指标', '故障修复时限', '≤3天', '10'],
            ['效益指标', '社会效益指标', '受益人口', '≥2万人', '20'], ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '10']]);
        expect(project.executionScore).toBe('10');
    });
});
