/**
 * Reading the cells of a published table: the 绩效指标 cell into indicators, amount cells into published
 * amount text, the name cell into project name and 资金使用单位.
 *
 * The indicator cell is a run of items, each
 * `N、1-产出指标；11-数量指标；<name>；实施周期指标值:<value>；年度指标值:<value>。`
 * (codes may be missing: `产出指标；数量指标；…`; one shared value may be written `指标值:<value>`).
 * An item ends at the 。 that is followed by the next item number or by the end of the cell, so names and
 * values may themselves hold ； and 。.
 */
import { Decimal, formatAmount, parseAmount } from '../model/money.js';
import type { IndicatorText } from './import-model.js';

export interface ParsedIndicatorItem extends IndicatorText {
    /** Offset of the item in the parsed text (for positions). */
    offset: number;
    number: number;
}

export interface CellLeftover {
    offset: number;
    /** Where the leftover stretch ends in the parsed text (spaces after it included). */
    end: number;
    text: string;
}

export interface ParsedIndicatorCell {
    items: ParsedIndicatorItem[];
    /** Text that is not an item, in order. */
    leftovers: CellLeftover[];
    /** Item numbers that do not count 1, 2, 3 …: "第3项编号为5". */
    numberingProblems: string[];
}

const SEP = '[；;]';
const ITEM = new RegExp(
    String.raw`(\d+)\s*、\s*(?:(\d+)\s*-\s*)?([^；;]*?)\s*${SEP}\s*(?:(\d+)\s*-\s*)?([^；;]*?)\s*${SEP}([\s\S]*?)${SEP}\s*`
    + String.raw`(?:实施周期指标值\s*[:：]([\s\S]*?)${SEP}\s*年度指标值\s*[:：]([\s\S]*?)|指标值\s*[:：]([\s\S]*?))`
    + String.raw`。(?=\s*\d+\s*、|\s*$)`, 'y');
/** The same item followed by anything (text that is not an item, reported as a leftover). */
const ITEM_THEN_ANYTHING = new RegExp(ITEM.source.slice(0, ITEM.source.lastIndexOf('(?=')), 'y');
/** Where an item probably starts: a number, 、, and a level-1 code or label. */
const ITEM_START = /\d+\s*、\s*(?:\d+\s*-|[^；;\s]{2,8}指标\s*[；;])/g;

/** Line breaks inside the cell are wrapping only: they are removed before parsing. */
export function joinCellLines(text: string): string {
    return text.replace(/\r\n|\r|\n/g, '');
}

/** `firstNumber`: the number the first item should have (a continuation row goes on counting). */
export function parseIndicatorCell(text: string, firstNumber = 1): ParsedIndicatorCell {
    const items: ParsedIndicatorItem[] = [];
    const leftovers: CellLeftover[] = [];
    const numberingProblems: string[] = [];
    let position = skipSpaces(text, 0);
    while (position < text.length) {
        ITEM.lastIndex = position;
        ITEM_THEN_ANYTHING.lastIndex = position;
        const match = ITEM.exec(text) ?? ITEM_THEN_ANYTHING.exec(text);
        const matchEnd = match === null ? 0 : match.index + match[0].length;
        if (match) {
            const number = Number(match[1]);
            if (number !== items.length + firstNumber) {
                numberingProblems.push(`第${items.length + firstNumber}项编号为${number}`);
            }
            items.push({
                offset: position,
                number,
                ...optional('groupCode', match[2]),
                ...optional('groupLabel', match[3]),
                ...optional('categoryCode', match[4]),
                ...optional('categoryLabel', match[5]),
                name: match[6],
                period: match[7] ?? match[9],
                annual: match[8] ?? match[9]
            });
            position = skipSpaces(text, matchEnd);
            continue;
        }
        // Not an item here: keep the text up to the next place an item could start.
        ITEM_START.lastIndex = position + 1;
        const next = ITEM_START.exec(text);
        const end = next ? next.index : text.length;
        const leftover = text.slice(position, end).trim();
        if (leftover) {
            leftovers.push({ offset: position, end, text: leftover });
        }
        position = skipSpaces(text, end);
    }
    return { items, leftovers, numberingProblems };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
    const trimmed = value?.trim();
    return trimmed ? { [key]: trimmed } as Record<K, string> : {};
}

function skipSpaces(text: string, index: number): number {
    while (index < text.length && /\s/.test(text[index])) {
        index++;
    }
    return index;
}

/** True when the whole text reads as indicator items, numbered from 1 without gaps. */
export function isCompleteIndicatorCell(parsed: ParsedIndicatorCell): boolean {
    return parsed.items.length > 0 && parsed.leftovers.length === 0 && parsed.numberingProblems.length === 0;
}

export type AmountReading = { ok: true; text: string } | { ok: false; text: string } | undefined;

/**
 * An amount cell as published text: a number (Excel) in #,##0.00 (more decimals kept when written), a
 * text with or without thousands separators (full-width digits too) in the same form; empty is undefined.
 * Text that is not an amount is returned with ok: false, for the caller to report.
 */
export function readAmount(value: number | string | null | undefined): AmountReading {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value === 'number') {
        return Number.isFinite(value) ? { ok: true, text: publishedAmount(new Decimal(String(value))) } : { ok: false, text: String(value) };
    }
    const trimmed = value.trim().replace(/^[¥￥]/, '');
    if (trimmed === '' || trimmed === '-' || trimmed === '—') {
        return undefined;
    }
    const amount = parseAmount(trimmed);
    return amount ? { ok: true, text: publishedAmount(amount, trimmed) } : { ok: false, text: value };
}

/** #,##0.00 unless more decimals are written (then all of them, grouped the same way). */
function publishedAmount(value: Decimal, written?: string): string {
    const places = Math.max(2, value.decimalPlaces(), written ? decimalsIn(written) : 0);
    if (places === 2) {
        return formatAmount(value);
    }
    const [integer, fraction] = value.abs().toFixed(places).split('.');
    return `${value.isNegative() ? '-' : ''}${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

function decimalsIn(text: string): number {
    const fraction = text.replace(/．/g, '.').split('.')[1];
    return fraction ? fraction.replace(/[^0-9０-９]/g, '').length : 0;
}

/** Organisations end in one of these: 局, 委员会, 中心 … (a bracket that names none is part of the name). */
const ORGANISATION = /(?:局|委员会|委|办公室|办|中心|公司|院|所|站|队|厅|处|科|馆|学校|校|街道办事处|街道|镇政府|镇|管委会|集团|银行|协会|研究会)$/;

/**
 * "项目名称（资金使用单位）": the official table adds the user in brackets when it is not the department.
 * Only a bracket that names an organisation is taken as the user: （平行车） stays part of the name.
 */
export function splitProjectName(cell: string): { name: string; user?: string } {
    const match = /^(.+?)[（(]([^（）()]+)[）)]$/.exec(cell);
    if (match && ORGANISATION.test(match[2].trim())) {
        return { name: match[1], user: match[2] };
    }
    return { name: cell };
}
