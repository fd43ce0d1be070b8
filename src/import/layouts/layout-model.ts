/**
 * What the readers of the other layout families (one form per project, one indicator per row, whole
 * department) read beyond the Guangdong list: the fields of the issue-14 grammar, as written in the source
 * (every number keeps its spelling), for the writer to print in the layout they came from.
 */

/** The layouts of the grammar's `表式` that the readers here produce. */
export type ImportedLayout = '项目表' | '指标行' | '部门整体';

/** The columns an indicator row of these layouts may give. */
export interface LayoutIndicatorFields {
    /** The long-term value's heading (实施期 / 长期 / 中期 / 实施周期) when the row gives one beside the annual. */
    periodLabel?: string;
    /** Only an annual value (a 年度指标值 column, no long-term one). */
    annualOnly?: boolean;
    /** Only a long-term value (a 长期绩效指标 grid without its annual row). */
    periodOnly?: boolean;
    /** A separate unit column (计量单位 / 度量单位); the target then holds comparator and number. */
    unit?: string;
    weight?: string;
    weightLabel?: '分值' | '权重';
    direction?: '正向' | '反向';
    valueType?: '定量' | '定性';
    explanation?: string;
    standard?: string;
    scoring?: string;
}

export interface NamedFund {
    name: string;
    /** As written (up to 4 decimals), without the unit. */
    value: string;
    /** Part of a keyword source (上级/本级 of 财政拨款, 纳入专户的收入) rather than added to the total. */
    within?: 'fiscal' | 'specialAccount';
}

/** One item of a cost breakdown (成本构成): name, amount, how it was estimated, last year's actual; as written. */
export interface CostItem {
    name: string;
    value: string;
    basis?: string;
    prior?: string;
}

/** A level-1 score range printed in the level-1 name: 产出指标(40-50)分. */
export interface LevelScoreRange {
    groupLabel: string;
    min: string;
    max?: string;
}

/** The header of a one-form-per-project table and its goals. */
export interface LayoutProjectFields {
    supervisor?: string;
    supervisorCode?: string;
    implementer?: string;
    attribute?: string;
    kind?: string;
    nature?: string;
    /** 起止时间 as two month spellings (2023.07, 202001); a period the grammar cannot hold is an info row. */
    start?: string;
    end?: string;
    manager?: string;
    /** Any other metadata row, kept and printed: 信息 "联系电话" "…". */
    info?: Array<{ key: string; value: string }>;
    funds?: NamedFund[];
    periodGoal?: string[];
    annualGoal?: string[];
    longTermGoal?: string[];
    midTermGoal?: string[];
    scoreRanges?: LevelScoreRange[];
    executionScore?: string;
    costs?: CostItem[];
}

/** A whole-department table: duties, the annual goal and amounts heading it (its indicators are the department's). */
export interface LayoutDepartmentFields {
    duties?: string[];
    annualGoal?: string[];
    funds?: NamedFund[];
}
