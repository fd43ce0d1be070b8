import { describe, expect, test } from 'vitest';
import { isQuotedTarget, isSimpleTarget } from '../../src/language/generated/ast.js';
import { annualTarget, periodTarget, targetText } from '../../src/model/indicators.js';
import { diagnosticsOf, parseDocument } from '../helpers.js';

const errorsOf = (document: Awaited<ReturnType<typeof parseDocument>>) => diagnosticsOf(document, 1);

describe('the fields of the other layouts (issue 14): one grammar, Chinese keywords and English aliases', () => {
    test('a one-form-per-project header: metadata, period, named funds, goals, cost breakdown, score ranges', async () => {
        const document = await parseDocument(`
            部门 "示例县教育局" {
                表式 "项目表"
                单位 万元
                项目 "示例校舍维修" {
                    主管部门 "示例县教育局" 编码 "015001"
                    实施单位 "示例县第一小学"
                    项目属性 "延续"
                    项目类别 "基础建设、修缮类"
                    项目性质 "持续性"
                    起止时间 2023.07-2024.01
                    项目负责人 "张某"
                    信息 "联系电话" "0000-0000000"
                    总计 100.0000
                    财政拨款 100.0000
                    资金 "本级财力" 60.5000 计入 财政拨款
                    资金 "一般公共预算拨款" 10606.7522
                    中期预算 300.00
                    实施期目标 "完成校舍维修。"
                    年度目标 "完成屋面防水。" "完成外墙修缮。"
                    长期目标 "校舍安全。"
                    中期目标 "三年内完成。"
                    成本 "材料费" 20.00 测算依据 "按预算定额" 上年 18.00
                    分值范围 1 40-50
                    分值范围 3 10
                    预算执行率 10
                    1/11 "维修面积" 编码 119901 实施期 ≥1000平方米 年度 ≥600平方米 分值 10 指标解释 "按验收单计" 绩效标准 "计划标准"
                    13 "完工及时率" 年度 ≥95% 权重 5 正向 定量
                    31 "师生满意度" 指标值 ≥90 计量单位 "%" 反向 评分标准 "每低1个百分点扣1分"
                }
            }`);
        expect(errorsOf(document)).toEqual([]);
        const department = document.parseResult.value.departments[0];
        expect(department.layout).toBe('项目表');
        const project = department.projects[0];
        expect([project.supervisor, project.supervisorCode, project.implementer]).toEqual(['示例县教育局', '015001', '示例县第一小学']);
        expect([project.attribute, project.kind, project.nature, project.manager]).toEqual(['延续', '基础建设、修缮类', '持续性', '张某']);
        expect([project.start, project.end]).toEqual(['2023.07', '2024.01']);
        expect(project.info.map(info => [info.key, info.value])).toEqual([['联系电话', '0000-0000000']]);
        expect(project.funds.map(fund => [fund.name, fund.value, fund.within])).toEqual([
            ['本级财力', '60.5000', '财政拨款'], ['一般公共预算拨款', '10606.7522', undefined]]);
        expect(project.midTermBudget).toBe('300.00');
        expect(project.annualGoal).toEqual(['完成屋面防水。', '完成外墙修缮。']);
        expect([project.periodGoal, project.longTermGoal, project.midTermGoal]).toEqual([['完成校舍维修。'], ['校舍安全。'], ['三年内完成。']]);
        expect(project.costs.map(cost => [cost.name, cost.value, cost.basis, cost.prior])).toEqual([['材料费', '20.00', '按预算定额', '18.00']]);
        expect(project.scores.map(score => [score.group?.ref?.label, score.min, score.max])).toEqual([
            ['产出指标', '40', '50'], ['满意度指标', '10', undefined]]);
        expect(project.executionScore).toBe('10');
        const [area, timely, satisfaction] = project.indicators;
        expect([area.code, area.periodLabel, targetText(periodTarget(area)), targetText(annualTarget(area))])
            .toEqual(['119901', '实施期', '≥1000平方米', '≥600平方米']);
        expect([area.weightLabel, area.weight, area.explanation, area.standard]).toEqual(['分值', '10', '按验收单计', '计划标准']);
        expect([timely.both, timely.period, targetText(timely.annual)]).toEqual([undefined, undefined, '≥95%']);
        expect([timely.weightLabel, timely.weight, timely.direction, timely.valueType]).toEqual(['权重', '5', '正向', '定量']);
        expect([targetText(satisfaction.both), satisfaction.unit, satisfaction.direction, satisfaction.scoring])
            .toEqual(['≥90', '%', '反向', '每低1个百分点扣1分']);
    });

    test('a whole-department table: duties, annual goal, named amounts and indicators of the department itself', async () => {
        const document = await parseDocument(`
            department "示例区文化馆" {
                layout "部门整体"
                duties "开展群众文化活动。" "保护非物质文化遗产。"
                annual-goal "全年举办活动不少于50场。"
                fund "基本支出" 100.00
                fund "项目支出" 50.00
                11 "举办群众文化活动" value ≥50场 quantitative unit "场" scoring "少1场扣1分"
                31 "群众满意度" value "满意" qualitative explanation "问卷调查"
                22 "非遗传承" level1 "效果指标" level2 "社会效益指标" value "巩固提高" qualitative
            }`);
        expect(errorsOf(document)).toEqual([]);
        const department = document.parseResult.value.departments[0];
        expect([department.layout, department.duties, department.annualGoal])
            .toEqual(['部门整体', ['开展群众文化活动。', '保护非物质文化遗产。'], ['全年举办活动不少于50场。']]);
        expect(department.funds.map(fund => `${fund.name} ${fund.value}`)).toEqual(['基本支出 100.00', '项目支出 50.00']);
        const [events, satisfaction, heritage] = department.indicators;
        expect(events.category?.ref?.label).toBe('数量指标');
        expect([events.valueType, events.unit, events.scoring]).toEqual(['quantitative', '场', '少1场扣1分']);
        expect(isQuotedTarget(satisfaction.both) && satisfaction.valueType).toBe('qualitative');
        expect([heritage.groupLabel, heritage.categoryLabel]).toEqual(['效果指标', '社会效益指标']);
    });

    test('longer keywords win over their prefixes (年度目标/年度, 实施期目标/实施期, 中期预算/中期, 项目属性/项目)', async () => {
        const document = await parseDocument(`
            部门 "示例局" {
                项目 "甲" {
                    年度目标 "目标"
                    实施期目标 "实施期"
                    11 "数量" 中期 ≥3个 年度 ≥1个
                    中期预算 30.00
                    11 "数量二" 长期 ≥3个 年度 ≥1个
                    分值范围 1 40-50
                    项目属性 "新增"
                }
                项目 "乙" { 起止时间 202001 - 202012 }
            }`);
        expect(errorsOf(document)).toEqual([]);
        const [first, second] = document.parseResult.value.departments[0].projects;
        expect([first.annualGoal, first.periodGoal, first.midTermBudget, first.attribute]).toEqual([['目标'], ['实施期'], '30.00', '新增']);
        expect(first.indicators.map(indicator => indicator.periodLabel)).toEqual(['中期', '长期']);
        // 分值范围 after an indicator is the level-1 score range, not the indicator's weight (分值).
        expect([first.indicators[1].weight, first.scores.length]).toEqual([undefined, 1]);
        expect([second.start, second.end]).toEqual(['202001', '202012']);
        expect(isSimpleTarget(first.indicators[0].period)).toBe(true);
    });

    test('a level-1 code of a score range that the catalog lacks is an unknown code', async () => {
        const document = await parseDocument(`部门 "示例局" { 项目 "甲" { 分值范围 9 10 } }`);
        expect(errorsOf(document).join('\n')).toMatch(/一级指标代码“9”不在指标体系“2015”中/);
    });
});
