/**
 * The labelled rows above a form's indicator grid: a label cell (项目名称, 主管部门及代码, 项目起止时间 …)
 * followed by its value in the same cell after a colon or in the next cell; amounts with their sources,
 * several in one cell as forms print them (财政拨款:6923.3552万元(其中:上级财政资金:6923.3552万元;…));
 * goals under 实施期目标 / 年度目标 / 长期目标 / 中期目标.
 */
import type { FundKey } from '../../model/figures.js';
import { normalizeLabel } from './layout-cells.js';

export type FormField =
    | 'department' | 'name' | 'supervisor' | 'supervisorCode' | 'implementer' | 'attribute' | 'kind' | 'nature'
    | 'dates' | 'manager' | 'info' | 'goalHeading' | 'periodGoal' | 'annualGoal' | 'longTermGoal' | 'midTermGoal'
    | 'duties' | 'departmentGoal' | 'section';

const LABELS: ReadonlyArray<[FormField, string]> = [
    ['department', String.raw`(?:填报单位|申报单位|部门[（(]单位[)）]名称|部门名称|预算部门|单位名称)(?:[（(]盖章[)）])?`],
    ['name', '项目名称'],
    ['supervisorCode', String.raw`(?:主管部门)?(?:编码|代码)`],
    ['supervisor', String.raw`主管部门(?:及代码|[（(]代码[)）])?`],
    ['implementer', String.raw`(?:项目)?实施单位|项目单位|实施主体`],
    ['attribute', '项目属性'],
    ['kind', String.raw`项目类[别型]`],
    ['nature', '项目性质'],
    ['dates', String.raw`(?:项目)?(?:起止时间|实施期限|实施期|实施时间|实施周期|建设周期|执行期限)|项目期限?`],
    ['manager', String.raw`项目负责人(?:及电话)?`],
    ['info', String.raw`联系电话|联系人|项目联系人|单位负责人|财务负责人|项目概况|项目立项情况|项目立项的依据|立项依据|项目申报的可行性|项目申报的必要性|单位职能概述|项目实施进度计划|项目主要内容|主要内容`],
    ['periodGoal', String.raw`实施期(?:总体)?(?:绩效)?目标`],
    ['longTermGoal', String.raw`长期(?:绩效)?目标`],
    ['midTermGoal', String.raw`中期(?:绩效)?目标`],
    ['departmentGoal', String.raw`年度总体(?:绩效)?目标|年度总体目标`],
    ['annualGoal', String.raw`年度(?:绩效)?目标`],
    ['duties', String.raw`部门(?:[（(]单位[)）])?(?:主要)?职[责能]|职能职责概述|部门职能概述`],
    ['goalHeading', String.raw`(?:项目)?(?:总体)?绩效目标|总体目标|项目绩效目标`],
    ['section', String.raw`(?:长期|年度|中期|实施期)?绩效指标`]
];

const LABEL = LABELS.map(([field, source]) => [field, new RegExp(String.raw`^(?:${source})(?:[（(](?:万元|元)[)）])?\s*(?:[:：]\s*|$)`)] as const);

export interface FormLabel {
    field: FormField;
    /** The value after the label in the same cell (after a colon), if any. */
    rest: string;
}

export function labelOf(text: string): FormLabel | undefined {
    const normalized = text.replace(/^[\s*＊★]+/, '');
    for (const [field, pattern] of LABEL) {
        const match = pattern.exec(normalized);
        if (match) {
            return { field, rest: normalized.slice(match[0].length).trim() };
        }
    }
    return undefined;
}

/** A checked box in a printed choice: 新增项目□延续项目√ → 延续. */
export function checkedChoice(text: string): string | undefined {
    const match = /([^\s□☐√☑■✓✔]+?)(?:项目)?\s*[√☑■✓✔]|[√☑■✓✔]\s*([^\s□☐√☑■✓✔]+?)(?:项目)?(?=[□☐]|$)/.exec(text);
    return match ? (match[1] ?? match[2]) : undefined;
}

/** A month range the grammar holds as written: 2023.07-2024.01, 202001-202012. */
export function monthRange(text: string): { start: string; end: string } | undefined {
    const match = /^(\d{4}(?:\.\d{1,2})?|\d{6})\s*[-—–~～至]\s*(\d{4}(?:\.\d{1,2})?|\d{6})$/.exec(text.trim());
    return match ? { start: match[1], end: match[2] } : undefined;
}

/** A 主管部门 value with its code: 某县教育局[015001], 某县教育局（015001）, 某县教育局 015001. */
export function splitSupervisor(text: string): { name: string; code?: string } {
    const match = /^(.*?)\s*[[［【（(]?\s*(\d{3,12})\s*[\]］】）)]?$/.exec(text.trim());
    return match && match[1] !== '' ? { name: match[1], code: match[2] } : { name: text.trim() };
}

/** Where an amount goes: one of the keyword sources, or a named fund (within 财政拨款 for 上级/本级). */
export type FundTarget = { key: FundKey } | { name: string; within?: 'fiscal' | 'specialAccount' };

const FUND_LABELS: ReadonlyArray<[RegExp, (label: string) => FundTarget]> = [
    [/^(?:年度|项目|实施期)?资金总额(?:及构成)?(?:[:：]?总额)?$|^(?:年度)?总额$|^项目资金(?:申请)?$|^资金情况$|^合计$|^预算总额$/, () => ({ key: 'total' })],
    [/^(?:当年)?财政拨款(?:资金)?$/, () => ({ key: 'fiscal' })],
    [/^财政专户(?:管理)?(?:资金|拨款)?$/, () => ({ key: 'specialAccount' })],
    [/^其他(?:资金)?$/, () => ({ key: 'other' })],
    // Parts of 财政拨款: by level (上级/本级) or by budget (一般公共预算 …).
    [/^(?:上级财政资金|上级补助(?:资金)?|上级资金|中央资金|省级资金|本级财政(?:资金)?|本级财力|本级资金|一般公共预算(?:拨款|资金)?|政府性基金(?:预算)?(?:拨款|资金)?|国有资本经营(?:预算)?(?:拨款|资金)?)$/,
        label => ({ name: label, within: 'fiscal' })],
    [/^纳入财政专户管理的收入$/, label => ({ name: label, within: 'specialAccount' })],
    [/^(?:自有资金|事业收入|经营性?收入|上年结[转余](?:结[转余])?(?:资金)?|未纳入财政专户管理的收入|单位资金|社会资金|银行贷款|基本支出|项目支出)$/,
        label => ({ name: label })]
];

export function fundTargetOf(label: string): FundTarget | undefined {
    const normalized = normalizeLabel(label).replace(/^(?:[一二三四五六七八九十]+、|\d+[.、]|其中[:：]?)/, '').replace(/[（(](?:万元|元)[)）]$/, '');
    return FUND_LABELS.find(([pattern]) => pattern.test(normalized))?.[1](normalized);
}

export const AMOUNT = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** "label: amount unit" anywhere in a cell. */
const FUND_ITEM = new RegExp(String.raw`([^\d:：;；,，()（）\s]{2,20})\s*[:：]?\s*(${AMOUNT})\s*(万元|元)?`, 'g');

export interface FundItem {
    target: FundTarget;
    label: string;
    value: string;
    unit?: string;
    /** String offsets of the matched item in the cell. */
    start: number;
    end: number;
}

/** The amounts a cell states with their labels (those whose label is a fund source). */
export function fundItems(text: string): FundItem[] {
    const items: FundItem[] = [];
    for (const match of text.matchAll(FUND_ITEM)) {
        const target = fundTargetOf(match[1]);
        if (target) {
            items.push({ target, label: match[1], value: match[2], ...(match[3] ? { unit: match[3] } : {}), start: match.index, end: match.index + match[0].length });
        }
    }
    return items;
}

/** A cell that is only an amount (the value of the fund label before it). */
export const AMOUNT_CELL = new RegExp(String.raw`^(${AMOUNT})\s*(万元|元)?$`);

/** Connecting text between the items of a funds cell (二、 其中 ; ( )), part of the form, not content. */
export const FUND_FURNITURE = /^[\s、，,；;:：（）()其中一二三四五六七八九十.]*$/;
