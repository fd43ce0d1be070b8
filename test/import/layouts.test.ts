import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ImportedIndicator, ImportedTable } from '../../src/import/import-model.js';
import { readLayoutText } from '../../src/import/layouts/read-layout.js';
import { allNotes } from '../../src/import/summary.js';
import { createServices, repoRoot } from '../helpers.js';
import { perfOf, type Services } from './import-helpers.js';

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
        expect(text).toMatch(/导入说明.*一级指标“预期产出指标”按“产出指标”/);
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
});
