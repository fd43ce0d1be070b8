import { AstUtils, GrammarAST } from 'langium';

/** What a keyword means in the published table, for hover and completion: one entry per field. */
export interface KeywordDoc {
    /** The Chinese keyword(s) first, then the English aliases. */
    readonly keywords: readonly string[];
    /** The parser rules the entry applies to, when the same word means something else elsewhere (编码, unit, 年度目标). */
    readonly rules?: readonly string[];
    /** The field as the published table names it. */
    readonly title: string;
    readonly meaning: string;
    readonly example: string;
    /** The other half of a pair (正向/反向, 定量/定性): offered next to each other. */
    readonly pair?: string;
}

/** The layouts a table is published in (SPEC-14), what 表式 offers; the default first. */
export const LAYOUT_NAMES: ReadonlyArray<{ name: string; meaning: string }> = [
    { name: '项目列表', meaning: '多项目列表，指标合并在一格（广东，默认）' },
    { name: '项目表', meaning: '一项目一表（财预〔2021〕101号申报表、审批表、批复表）' },
    { name: '指标行', meaning: '一行一个指标（四川申报表等）' },
    { name: '部门整体', meaning: '部门整体绩效目标表' }
];

const DEPARTMENT = ['Department'];
const PROJECT = ['Project'];
const INDICATOR = ['Indicator'];

/**
 * Every word keyword of the grammar (comparators aside: their meaning comes from the threshold model), in the
 * order a table reads. Short on purpose: a hover is read at a glance.
 */
export const KEYWORD_DOCS: readonly KeywordDoc[] = [
    // ---- the catalog
    { keywords: ['指标体系', 'catalog'], rules: ['Catalog'], title: '指标体系', meaning: '定义一套指标体系：一级指标和其下的二级指标代码。', example: '指标体系 "本地" { 1 "产出指标" { 11 "数量指标" } }' },
    { keywords: ['说明', 'description'], title: '说明', meaning: '指标体系或二级指标的说明文字。', example: '11 "数量指标" 说明 "计划完成的产品或服务的数量"' },
    { keywords: ['常用单位', 'units'], title: '常用单位', meaning: '二级指标常用的计量单位，补全时提供。', example: '11 "数量指标" 常用单位 "个" "项"' },
    // ---- the department
    { keywords: ['部门', 'department'], rules: DEPARTMENT, title: '部门（预算单位）', meaning: '一个部门的绩效目标表：表名、年度、单位、金额与项目。', example: '部门 "某县教育局" { 单位 万元 }' },
    { keywords: ['表名', 'title'], title: '表名', meaning: '表的标题，按发布原样。', example: '表名 "2024年项目支出绩效目标表"' },
    { keywords: ['预算年度', 'year'], title: '预算年度', meaning: '表所属的预算年度。', example: '预算年度 2024' },
    { keywords: ['单位', 'unit'], rules: ['Department', 'Summary'], title: '金额单位', meaning: '表中金额的单位：万元或元。', example: '单位 万元' },
    { keywords: ['万元', '元'], title: '金额单位', meaning: '表中金额的单位。', example: '单位 万元' },
    { keywords: ['指标体系', 'catalog'], rules: DEPARTMENT, title: '指标体系', meaning: '本表的一级、二级指标代码取自哪套指标体系。', example: '指标体系 "2021"' },
    { keywords: ['表式', 'layout'], title: '表式', meaning: `发布的表式：${LAYOUT_NAMES.map(layout => `${layout.name}（${layout.meaning}）`).join('；')}。`, example: '表式 "项目表"' },
    { keywords: ['部门职责', 'duties'], title: '部门职责', meaning: '部门整体绩效目标表的“部门职责”栏，可分多段。', example: '部门职责 "开展群众文化活动。" "保护非物质文化遗产。"' },
    { keywords: ['年度目标', 'annual-goal'], rules: DEPARTMENT, title: '年度总体绩效目标', meaning: '部门整体绩效目标表的“年度总体绩效目标”，可分多段。', example: '年度目标 "全年举办活动不少于50场。"' },
    // ---- amounts
    { keywords: ['总计', '合计', 'total'], title: '资金总额（合计）', meaning: '本行的资金总额；应等于各资金来源之和。', example: '总计 100.00' },
    { keywords: ['财政拨款', 'fiscal'], rules: ['Amount'], title: '财政拨款', meaning: '资金来源：财政拨款（含上级、本级）。', example: '财政拨款 80.00' },
    { keywords: ['财政专户拨款', 'special-account'], rules: ['Amount'], title: '财政专户拨款', meaning: '资金来源：财政专户管理资金。', example: '财政专户拨款 10.00' },
    { keywords: ['其他资金', 'other'], rules: ['Amount'], title: '其他资金', meaning: '资金来源：其他资金（自有资金等）。', example: '其他资金 10.00' },
    { keywords: ['资金', 'fund'], title: '具名资金来源', meaning: '三项资金来源之外按表中名称列出的资金（一般公共预算拨款、政府性基金、上年结转…），金额最多 4 位小数。', example: '资金 "一般公共预算拨款" 10606.7522' },
    { keywords: ['计入', 'within'], title: '计入', meaning: '这笔具名资金是某项资金来源的一部分（如财政拨款中的上级、本级），不另加入总计。', example: '资金 "本级财力" 60.50 计入 财政拨款' },
    { keywords: ['财政拨款', 'fiscal', '财政专户拨款', 'special-account', '其他资金', 'other'], rules: ['NamedAmount'], title: '计入的资金来源', meaning: '具名资金所属的资金来源。', example: '资金 "上级补助" 20.00 计入 财政拨款' },
    // ---- the project
    { keywords: ['项目', 'project'], title: '项目', meaning: '一个项目：金额、绩效目标与指标；项目表式还有表头、总体目标、成本构成。', example: '项目 "示例校舍维修" { 总计 100.00 }' },
    { keywords: ['资金使用单位', 'user'], title: '资金使用单位', meaning: '使用本项目资金的单位。', example: '资金使用单位 "某县第一小学"' },
    { keywords: ['绩效目标', 'goal'], title: '绩效目标', meaning: '项目的绩效目标（项目列表表式的“绩效目标”栏），可分多段。', example: '绩效目标 "完成校舍维修。"' },
    { keywords: ['主管部门', 'supervisor'], title: '主管部门', meaning: '项目表表头的“主管部门”，可带其编码。', example: '主管部门 "某县教育局" 编码 "015001"' },
    { keywords: ['编码', 'code'], rules: PROJECT, title: '主管部门编码', meaning: '主管部门的编码，表中印作 [015001]。', example: '主管部门 "某县教育局" 编码 "015001"' },
    { keywords: ['实施单位', 'implementer'], title: '实施单位', meaning: '项目表表头的“实施单位”。', example: '实施单位 "某县第一小学"' },
    { keywords: ['项目属性', 'attribute'], title: '项目属性', meaning: '新增或延续项目。', example: '项目属性 "延续"' },
    { keywords: ['项目类别', 'kind'], title: '项目类别', meaning: '项目的类别，按表中写法。', example: '项目类别 "基础建设、修缮类"' },
    { keywords: ['项目性质', 'nature'], title: '项目性质', meaning: '持续性或一次性项目等。', example: '项目性质 "持续性"' },
    { keywords: ['起止时间', 'dates'], title: '项目起止时间（实施期、建设周期）', meaning: '项目的起止年月，按写法原样保留。', example: '起止时间 2023.07-2024.01' },
    { keywords: ['项目负责人', 'manager'], title: '项目负责人', meaning: '项目表表头的“项目负责人”。', example: '项目负责人 "张某"' },
    { keywords: ['信息', 'info'], title: '其他表头信息', meaning: '表头的其他一栏：栏名与内容，原样保留并输出。', example: '信息 "项目联系电话" "0000-0000000"' },
    { keywords: ['实施期目标', 'period-goal'], title: '总体目标：实施期目标', meaning: '项目整个实施期的总体目标，可分多段。', example: '实施期目标 "完成校舍维修。"' },
    { keywords: ['年度目标', 'annual-goal'], rules: PROJECT, title: '总体目标：年度目标', meaning: '项目本年度的总体目标，可分多段。', example: '年度目标 "完成屋面防水。"' },
    { keywords: ['长期目标', 'long-term-goal'], title: '总体目标：长期目标', meaning: '与年度目标并列的长期目标，可分多段。', example: '长期目标 "校舍安全达标。"' },
    { keywords: ['中期目标', 'mid-term-goal'], title: '总体目标：中期目标', meaning: '与年度目标并列的中期（三年）目标，可分多段。', example: '中期目标 "三年内完成全部校舍维修。"' },
    { keywords: ['中期预算', 'mid-term-budget'], title: '中期预算', meaning: '与年度预算并列的中期（三年）资金总额。', example: '中期预算 300.00' },
    { keywords: ['成本', 'cost'], title: '成本构成', meaning: '成本测算的一项：金额、测算依据、上年实际；各项之和应等于项目总额。', example: '成本 "设备购置费" 20.00 测算依据 "按市场询价" 上年 18.00' },
    { keywords: ['测算依据', 'basis'], title: '测算依据', meaning: '这项成本是怎样测算的。', example: '成本 "设备购置费" 20.00 测算依据 "按市场询价"' },
    { keywords: ['上年', 'prior'], title: '上年实际', meaning: '这项成本上年的实际金额。', example: '成本 "设备购置费" 20.00 上年 18.00' },
    { keywords: ['分值范围', 'score-range'], title: '一级指标分值范围', meaning: '一级指标的分值范围，表中印作“产出指标(40-50)分”；只有一个数时是固定分值。', example: '分值范围 1 40-50' },
    { keywords: ['预算执行率', 'execution-score'], title: '预算执行率分值', meaning: '101号表式固定的“预算执行率”指标的分值（通常 10 分）。', example: '预算执行率 10' },
    // ---- an indicator line
    { keywords: ['指标值', 'value'], title: '指标值', meaning: '指标的目标值，实施周期与年度相同。', example: '11 "培训人次" 指标值 ≥200人次' },
    { keywords: ['实施周期', 'period'], title: '实施周期指标值', meaning: '整个实施周期的目标值，与“年度”并列。', example: '11 "培训人次" 实施周期 ≥600人次 年度 ≥200人次' },
    { keywords: ['实施期'], title: '实施期指标值', meaning: '实施期的目标值（项目表式的写法），与“年度”并列。', example: '11 "维修面积" 实施期 ≥1000平方米 年度 ≥600平方米' },
    { keywords: ['长期', 'long-term'], title: '长期指标值', meaning: '长期目标值，与“年度”并列。', example: '11 "维修面积" 长期 ≥3000平方米 年度 ≥600平方米' },
    { keywords: ['中期', 'mid-term'], title: '中期指标值', meaning: '中期（三年）目标值，与“年度”并列。', example: '11 "维修面积" 中期 ≥1800平方米 年度 ≥600平方米' },
    { keywords: ['年度', 'annual'], title: '年度指标值', meaning: '本年度的目标值；可与实施周期（实施期、长期、中期）并列，也可单独写。', example: '13 "完工及时率" 年度 ≥95%' },
    { keywords: ['编码', 'code'], rules: INDICATOR, title: '三级指标编码', meaning: '三级指标的编码：二级指标代码下的六位数。', example: '11 "维修面积" 编码 119901' },
    { keywords: ['分值', '权重', 'weight'], title: '分值（权重）', meaning: '指标的分值或权重；一个项目的分值合计通常为 100（或 90 加预算执行率 10）。', example: '11 "维修面积" 指标值 ≥1000平方米 分值 10' },
    { keywords: ['正向', 'positive'], pair: '反向', title: '指标方向性：正向', meaning: '越大越好（目标值通常写 ≥）。与“反向”成对。', example: '13 "完工及时率" 年度 ≥95% 正向' },
    { keywords: ['反向', 'negative'], pair: '正向', title: '指标方向性：反向', meaning: '越小越好（目标值通常写 ≤）。与“正向”成对。', example: '14 "单位面积成本" 指标值 ≤300元 反向' },
    { keywords: ['定量', 'quantitative'], pair: '定性', title: '指标值类型：定量', meaning: '指标值是数值（带比较符和单位）。与“定性”成对。', example: '11 "举办活动" 指标值 ≥50场 定量' },
    { keywords: ['定性', 'qualitative'], pair: '定量', title: '指标值类型：定性', meaning: '指标值是文字描述，不带计量单位。与“定量”成对。', example: '31 "群众满意度" 指标值 "满意" 定性' },
    { keywords: ['计量单位', '度量单位', 'unit'], rules: INDICATOR, title: '计量单位（度量单位）', meaning: '单列的计量单位（指标行、部门整体表式）；指标值原样保留。', example: '31 "满意度" 指标值 ≥90 计量单位 "%"' },
    { keywords: ['指标解释', 'explanation'], title: '指标解释', meaning: '指标的含义和取数口径。', example: '11 "维修面积" 指标值 ≥1000平方米 指标解释 "按验收单计"' },
    { keywords: ['绩效标准', 'standard'], title: '绩效标准', meaning: '目标值依据的标准（计划标准、行业标准、历史标准…）。', example: '11 "维修面积" 指标值 ≥1000平方米 绩效标准 "计划标准"' },
    { keywords: ['评分标准', 'scoring'], title: '评（扣）分标准', meaning: '怎样给这项指标打分或扣分。', example: '31 "满意度" 指标值 ≥90% 评分标准 "每低1个百分点扣1分"' },
    { keywords: ['一级', 'level1'], title: '一级指标名称（按发布原样）', meaning: '表中印的一级指标名称（如旧名“预期产出指标”），输出原样，代码照常对应指标体系。', example: '22 "非遗传承" 一级 "效果指标"' },
    { keywords: ['二级', 'level2'], title: '二级指标名称（按发布原样）', meaning: '表中印的二级指标名称（如“数量指标（或建筑规模指标）”），输出原样。', example: '11 "建筑面积" 二级 "数量指标（或建筑规模指标）"' },
    // ---- a summary across departments
    { keywords: ['汇总', 'summary'], title: '汇总表', meaning: '跨部门的汇总表：所汇总的部门和合计金额，保存时核对。', example: '汇总 "某区汇总" { 部门 "商务局" 文件 "commerce.perf" }' },
    { keywords: ['部门', 'department'], rules: ['SummaryMember'], title: '汇总的部门', meaning: '汇总表所含的一个部门，在工作区的另一 .perf 文件中定义。', example: '部门 "商务局" 文件 "commerce.perf"' },
    { keywords: ['文件', 'file'], title: '部门所在文件', meaning: '该部门定义所在的文件（可省）。', example: '部门 "商务局" 文件 "commerce.perf"' }
];

/** The entry for `keyword` written in the parser rule `rule` (the most specific entry wins). */
export function keywordDoc(keyword: string, rule: string | undefined): KeywordDoc | undefined {
    const candidates = KEYWORD_DOCS.filter(doc => doc.keywords.includes(keyword));
    return candidates.find(doc => rule !== undefined && doc.rules?.includes(rule)) ?? candidates.find(doc => doc.rules === undefined);
}

/** The entry for a keyword of the grammar, by the rule it is written in. */
export function grammarKeywordDoc(keyword: GrammarAST.Keyword): KeywordDoc | undefined {
    return keywordDoc(keyword.value, AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name);
}

/** Markdown for a hover or a completion item: the field, its aliases, what it means, an example. */
export function keywordMarkdown(doc: KeywordDoc): string {
    return [`**${doc.title}** · ${doc.keywords.join(' / ')}`, doc.meaning, `例：\`${doc.example}\``].join('\n\n');
}
