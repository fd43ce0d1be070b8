/**
 * The semantic diff of two versions of a .perf file: the JSON contract of `perf diff --format json`
 * (documented in docs/diff.md). Amounts are exact decimal strings in the published #,##0.00 form, never floats.
 */

/** Bumped when the shape changes incompatibly. */
export const DIFF_FORMAT_VERSION = 1;

export interface PerfDiff {
    version: typeof DIFF_FORMAT_VERSION;
    /** How each side was named on the command line: a path, or `REV:path`. */
    old: string;
    new: string;
    departments: DepartmentDiff[];
    /** Parse problems of either side, as `label:line:col: message`; the diff covers what could be read. */
    problems: string[];
}

/**
 * - added / removed: only on one side;
 * - renamed: matched by name similarity and content, with another name;
 * - changed: same name, something differs;
 * - unchanged: listed so that counts are complete (renderers skip it).
 */
export type ChangeStatus = 'added' | 'removed' | 'renamed' | 'changed' | 'unchanged';

export interface DepartmentDiff {
    status: ChangeStatus;
    oldName?: string;
    newName?: string;
    /** 万元 or 元, of the new side (else the old one). */
    unit: string;
    /** 预算年度 of the new side (else the old one), when written. */
    year?: string;
    /** The department's own settings that changed: 预算年度, 表名, 单位, 指标体系, 表式. */
    settings: SettingChange[];
    amounts: AmountChange[];
    projects: ProjectDiff[];
}

export type DepartmentSetting = 'year' | 'title' | 'unit' | 'catalog' | 'layout';

export interface SettingChange {
    setting: DepartmentSetting;
    /** 预算年度, 表名, 单位, 指标体系, 表式 */
    label: string;
    /** As written; "" when a side does not write it (单位: the 万元 it then means). */
    old: string;
    new: string;
}

export interface ProjectDiff {
    status: ChangeStatus;
    oldName?: string;
    newName?: string;
    /** 0..1: how alike the two matched projects are (names and content); 1 for an exact name match. */
    similarity?: number;
    /** Column changes of the row as the table shows it (stated, else computed), with the new total. */
    amounts: AmountChange[];
    /** 资金使用单位 */
    user?: TextChange;
    /** 绩效目标 */
    goal?: TextChange;
    indicators: IndicatorDiff[];
}

export type FundColumn = 'total' | 'fiscal' | 'specialAccount' | 'other';

export interface AmountChange {
    column: FundColumn;
    /** 总计, 财政拨款, 财政专户拨款, 其他资金 */
    label: string;
    /** #,##0.00; "0.00" for an empty column or a missing side. */
    old: string;
    new: string;
    /** new − old, signed: "+5.00", "-1,200.50". */
    delta: string;
}

/** A text change with its character-level diff (Chinese has no spaces: characters are the right unit). */
export interface TextChange {
    old: string;
    new: string;
    parts: TextPart[];
}

export interface TextPart {
    /** 'same' text, 'added' in the new version, 'removed' from the old one. */
    kind: 'same' | 'added' | 'removed';
    text: string;
}

export interface IndicatorSnapshot {
    /** "1-产出指标": the level-1 code and label, or the written code when it does not resolve. */
    group: string;
    /** "11-数量指标" */
    category: string;
    name: string;
    /** 实施周期指标值 and 年度指标值, exactly as written (equal when the document gives one 指标值). */
    period: string;
    annual: string;
}

export interface IndicatorDiff {
    status: Exclude<ChangeStatus, 'unchanged'>;
    old?: IndicatorSnapshot;
    new?: IndicatorSnapshot;
    /** For a changed or renamed indicator: what differs. */
    changes?: IndicatorChanges;
}

export interface IndicatorChanges {
    /** The level-2 code moved ("11-数量指标" → "12-质量指标"). */
    category?: { old: string; new: string };
    name?: TextChange;
    period?: TargetChange;
    annual?: TargetChange;
}

/**
 * Direction of a target change:
 * - tightened (收紧): a lower bound raised (≥90% → ≥95%), an upper bound lowered (≤5天 → ≤3天), > instead of ≥;
 * - loosened (放宽): the opposite;
 * - raised / lowered (目标值提高 / 降低): a plain target value (99% → 100%), whose good direction the table
 *   does not say;
 * - equivalent (写法改变，含义相同): ≧2% → ≥2%, 0.5亿元 → 5000万元;
 * - changed (改变): anything else (the comparator's kind, the unit's dimension, or qualitative text changed).
 */
export type TargetDirection = 'tightened' | 'loosened' | 'raised' | 'lowered' | 'equivalent' | 'changed';

export interface TargetChange {
    old: string;
    new: string;
    direction: TargetDirection;
}

export const DIRECTION_LABEL: Readonly<Record<TargetDirection, string>> = {
    tightened: '收紧',
    loosened: '放宽',
    raised: '目标值提高',
    lowered: '目标值降低',
    equivalent: '写法改变，含义相同',
    changed: '改变'
};

export const STATUS_LABEL: Readonly<Record<ChangeStatus, string>> = {
    added: '新增',
    removed: '删除',
    renamed: '改名',
    changed: '修改',
    unchanged: '未变'
};
