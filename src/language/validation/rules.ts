/**
 * The rule table: every validation rule of perf with its stable code, default severity and Chinese
 * description. It is the single source for the diagnostics' codes, for settings (`perf.rules`), for
 * `perf check --rule CODE=LEVEL`, for `perf rules` and for docs/rules.md.
 */
import type { AstNode, DiagnosticInfo, ValidationAcceptor, ValidationSeverity } from 'langium';

export type RuleSeverity = Exclude<ValidationSeverity, 'hint'>;

export interface RuleDefinition {
    readonly severity: RuleSeverity;
    /** What the rule finds, in Chinese, for budget officers. */
    readonly title: string;
    /** English gloss. */
    readonly gloss: string;
    /** Quick fix offered in the editor, if any. */
    readonly fix?: string;
}

export const RULES = {
    'amount-format': {
        severity: 'error', title: '金额不是有效数字（应写成 1234.56 或 1,234.56）',
        gloss: 'an amount that is not a number'
    },
    'negative-amount': {
        severity: 'error', title: '金额为负数', gloss: 'a negative amount'
    },
    'placeholder-amount': {
        severity: 'warning', title: '金额为 0 或 0.01，像是占位数', gloss: 'a total of 0 or 0.01 that looks like a placeholder'
    },
    'duplicate-setting': {
        severity: 'error', title: '同一设置或字段写了两次（单位、预算年度、表名、表式、项目信息、同一资金来源、指标的指标值、分值、计量单位等）',
        gloss: 'a setting, fund source or indicator field written twice; the later one would silently win'
    },
    'total-mismatch': {
        severity: 'error', title: '写明的合计/总计与分项之和不符，差额超出四舍五入可解释的范围',
        gloss: 'a stated total differs from the computed sum by more than rounding explains',
        fix: '把写明的数改为计算出的和'
    },
    'rounding-difference': {
        severity: 'warning', title: '写明的合计/总计与分项之和略有差异，可由两位小数的四舍五入解释',
        gloss: 'a stated total differs from the computed sum by no more than rounding explains',
        fix: '把写明的数改为计算出的和'
    },
    'missing-fund-source': {
        severity: 'warning', title: '项目写了总计，却没有任何资金来源（财政拨款、财政专户拨款、其他资金）',
        gloss: 'a project states a total but no fund source',
        fix: '补一行“财政拨款 <总计>”'
    },
    'fund-part-exceeds': {
        severity: 'error', title: '计入某资金来源的各项资金（如计入财政拨款的一般公共预算拨款、本级财力）之和超过该来源',
        gloss: 'the named parts of a fund source add up to more than the source'
    },
    'cost-mismatch': {
        severity: 'error', title: '成本构成各项之和与项目总计不符，差额超出四舍五入可解释的范围',
        gloss: 'a cost breakdown that does not add up to the project total'
    },
    'unknown-code': {
        severity: 'error', title: '指标代码不在所选指标体系中', gloss: 'an indicator code the catalog does not define'
    },
    'unknown-catalog': {
        severity: 'error', title: '指标体系不存在', gloss: 'a catalog that does not exist'
    },
    'level1-mismatch': {
        severity: 'error', title: '写明的一级指标与二级指标所属的一级指标不符（如 2/11）',
        gloss: 'a level-1 code that does not fit the level-2 code',
        fix: '改为二级指标所属的一级指标'
    },
    'no-indicators': {
        severity: 'warning', title: '项目没有任何绩效指标', gloss: 'a project without indicators'
    },
    'missing-indicator-group': {
        severity: 'warning', title: '项目（或部门整体指标）缺少某类一级指标（产出、效益、满意度；2021 体系还有成本）',
        gloss: 'a project without any indicator of a level-1 group of its catalog'
    },
    'duplicate-indicator-name': {
        severity: 'warning', title: '同一项目（或部门整体指标）中指标名称重复', gloss: 'the same indicator name twice in one project'
    },
    'missing-target': {
        severity: 'error', title: '指标没有指标值（指标值，或实施周期与年度，或年度）', gloss: 'an indicator without a target'
    },
    'conflicting-targets': {
        severity: 'error', title: '同一指标既写了共用的指标值，又写了实施周期或年度指标值',
        gloss: '指标值 (both targets) together with a period or annual target'
    },
    'level-name-mapped': {
        severity: 'info', title: '一级/二级指标名称是旧称或地方写法（如预期产出指标、时效指标（工期指标）），已对应到指标体系的代码',
        gloss: 'an older or local level name, mapped to its catalog code (printed as published)'
    },
    'unknown-level-name': {
        severity: 'warning', title: '一级/二级指标名称不在指标体系中，也不是已知的旧称，无法对应到代码',
        gloss: 'a level name outside the catalog that cannot be mapped'
    },
    'level-name-mismatch': {
        severity: 'warning', title: '一级/二级指标名称对应的代码与写明的指标代码不符',
        gloss: 'a level name that means another code than the one written'
    },
    'weights-total': {
        severity: 'warning', title: '指标分值（权重）合计不是 100（或 90 加预算执行率的 10 分）',
        gloss: 'indicator weights that do not add up to 100 (or 90 plus the 10 of 预算执行率)'
    },
    'missing-weight': {
        severity: 'warning', title: '其他指标写了分值（权重），这个指标却没有', gloss: 'an indicator without a weight where the others have one'
    },
    'score-range': {
        severity: 'warning', title: '一级指标下各指标分值之和不在写明的分值范围内（如 产出指标(40-50)分）',
        gloss: 'the weights of a level-1 group outside its stated score range'
    },
    'qualitative-with-unit': {
        severity: 'warning', title: '定性指标写了计量单位或数字指标值', gloss: 'a qualitative (定性) indicator with a unit or a number'
    },
    'unit-mismatch': {
        severity: 'warning', title: '指标值中的单位与计量单位栏不符（如金额写在 % 下）',
        gloss: 'a unit in the value that contradicts the unit column (e.g. money under %)'
    },
    'direction-mismatch': {
        severity: 'warning', title: '比较符与写明的指标方向相反（正向用 ≤、反向用 ≥）',
        gloss: 'a comparator that contradicts the stated direction (正向 with ≤, 反向 with ≥)'
    },
    'placeholder-value': {
        severity: 'warning', title: '指标值为空或像是模板占位（""、**、两个孤立的数字如 88 100）',
        gloss: 'an empty or placeholder target ("", **, two bare numbers)'
    },
    'copied-value': {
        severity: 'warning', title: '一个项目全部指标（3 个以上、不止一类二级指标）的同一列指标值完全相同，像是整列复制',
        gloss: 'the same target copied down a whole column of three or more indicators'
    },
    'period-format': {
        severity: 'warning', title: '起止时间不是可读的年月（应写成 2023.07、2023.7 或 202307）',
        gloss: 'a project period that is not a readable month'
    },
    'period-reversed': {
        severity: 'error', title: '项目起始时间晚于结束时间', gloss: 'a project period that starts after it ends'
    },
    'year-outside-period': {
        severity: 'warning', title: '预算年度不在项目起止时间之内', gloss: 'a budget year outside the project period'
    },
    'inconsistent-targets': {
        severity: 'warning', title: '实施周期指标值与年度指标值的量纲或单位不同',
        gloss: 'period and annual targets of different dimensions or units'
    },
    'satisfaction-not-percent': {
        severity: 'warning', title: '满意度指标的指标值不是百分比', gloss: 'a satisfaction indicator whose target is not a percentage'
    },
    'rate-above-100': {
        severity: 'error', title: '不可能超过 100% 的比率（满意度、合格率、完成率、及时率等）超过了 100%',
        gloss: 'a rate that cannot exceed 100% above 100%'
    },
    'lower-bound-on-time': {
        severity: 'warning', title: '响应时间、速度等时间指标写成了下限（不低于、≥），多半应为 ≤',
        gloss: 'a time or duration with a lower bound: probably meant ≤'
    },
    'annual-above-period': {
        severity: 'warning', title: '累计数量的年度指标值高于实施周期指标值',
        gloss: 'an annual target above the period target for a cumulative count'
    },
    'mixed-comparators': {
        severity: 'info', title: '同一比较符在本文件中有多种写法（如 ≥ 与 ≧、大于等于）',
        gloss: 'one comparator spelled several ways in one document',
        fix: '全文统一为最常用的写法'
    },
    'reversed-comparator': {
        severity: 'warning', title: '比较符与指标方向相反（比率、满意度用 ≤，成本、投诉用 ≥），会反转评分方向',
        gloss: 'a comparator that flips the scoring direction'
    },
    'unbalanced-brackets': {
        severity: 'warning', title: '名称或绩效目标中的引号、书名号或括号不成对', gloss: 'unbalanced quotes or brackets in a name or goal'
    },
    'trailing-punctuation': {
        severity: 'warning', title: '指标值末尾有多余的标点（如 。）', gloss: 'a target ending in stray punctuation',
        fix: '删除末尾标点'
    },
    // Summaries (汇总) across department files: src/language/validation/summary-rules.ts.
    'summary-total': {
        severity: 'error', title: '汇总写明的合计或资金来源金额与所列部门之和不符（跨文件核对，slow 类检查）',
        gloss: 'a summary amount differs from the sum of its departments (checked across files)'
    },
    'summary-duplicate-department': {
        severity: 'error', title: '同一部门在汇总中列了两次', gloss: 'a department listed twice in a summary'
    },
    'unknown-department': {
        severity: 'error', title: '汇总所列的部门在工作区的任何文件中都找不到', gloss: 'a summary lists a department no file declares'
    },
    'summary-member-file': {
        severity: 'error', title: '汇总中“文件”所写的文件里没有这个部门', gloss: 'the file named for a summary member does not declare it'
    }
} as const satisfies Record<string, RuleDefinition>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(code: unknown): code is RuleCode {
    return typeof code === 'string' && Object.hasOwn(RULES, code);
}

/**
 * Reports a diagnostic of a rule at its default severity, with the rule code as the diagnostic's code and
 * in its data (for quick fixes). Settings re-level or drop it afterwards (see PerfDocumentValidator).
 */
export function report<N extends AstNode>(
    accept: ValidationAcceptor, code: RuleCode, message: string,
    info: Omit<DiagnosticInfo<N>, 'code'>, data: Record<string, unknown> = {}
): void {
    accept(RULES[code].severity, message, { ...info, code, data: { ...data, code } } as DiagnosticInfo<N>);
}
