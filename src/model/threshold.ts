/**
 * The typed meaning of an indicator target value (指标值), e.g. `≥95%`, `新增10万标准箱及以上`,
 * `读取时间≤12毫秒、读取率≥99.9%`, `设备防水等级不低于IP65`, `平台各功能正常使用`, `无`.
 *
 * Decisions (see the tests for examples):
 * - No comparator means 'eq': the value is a target, kept exactly as written (`99%`, `1份`, `15000`).
 * - 达到 ("reaches") is a lower bound: 'ge'. So are 不低于 / 不少于 / 不小于 / 至少.
 * - 以上 / 及以上 / 或以上 include the number ('ge'), 以下 / 及以下 / 以内 / 内 include it too ('le'), as in
 *   Chinese legal usage (民法典 第一千二百五十九条); 超过 / 大于 / 高于 / 多于 exclude it ('gt'), 小于 / 低于 /
 *   少于 / 不足 exclude it ('lt'). A comparator before the number wins over a suffix after it; the suffix then
 *   stays in `after`.
 * - Spellings are matched longest first: 大于等于 before 大于, 不超过 before 超过, 及以上 before 以上,
 *   亿吨公里 before 亿吨, 个工作日 before 个, ms before m.
 * - Numbers are exact decimals (decimal.js), never floats: `67,522.75`, `９５`, `1.6`, full-width ，and ．.
 *   A comma followed by exactly three digits is a thousands separator; any other comma separates parts.
 * - When a text holds several numbers, the quantity is the one with the strongest comparator (symbol, then
 *   word, then suffix, then none), the last one on a tie; the rest is kept in `before` / `after`.
 * - A bare number takes its unit from the indicator's unit column (计量单位 "%", layouts with a separate unit
 *   column), else from the indicator name when the name ends in a known unit in brackets: 响应时间（秒）,
 *   企业满意度（%）, 系统并发数（个）. An unknown bracket (单证数) leaves the number bare; an unknown unit column
 *   (人/次) is still the unit, of no known dimension. A unit written in the value wins over both.
 * - Composite: parts separated by 、 ； ; or a non-thousands comma, when every part has a number or a grade.
 * - Dates (2024年12月31日前, 6月底前) are not quantities: such a value is qualitative and carries `date`.
 *   Nor is a number without comparator or unit that runs into Latin letters (5G, 4K).
 * - Trailing punctuation (`…99.9%。`) is ignored while parsing; {@link trailingPunctuation} reports it.
 */
import { Decimal } from 'decimal.js';
import { DIMENSION_LABELS, lookupUnit, matchUnitAt, toHalfWidth, type Dimension, type UnitInfo } from './units.js';

export type { Dimension } from './units.js';

/** 'eq' is also what a value with no comparator means (a target value). */
export type ComparatorKind = 'ge' | 'le' | 'gt' | 'lt' | 'eq' | 'ne';

/** How the comparator was written: not at all, a symbol (≥ ≧ >=), a word (不低于), or a suffix (及以上). */
export type ComparatorForm = 'none' | 'symbol' | 'word' | 'suffix';

export interface Comparison {
    comparator: ComparatorKind;
    /** The comparator as written: '≥', '≧', '＞', '大于等于', '不低于', '及以上'; absent when there is none. */
    comparatorText?: string;
    comparatorForm: ComparatorForm;
}

export interface Quantity extends Comparison {
    /** Exact value. */
    value: Decimal;
    /** The number as written: '67,522.75', '９５', '1.6'. */
    numberText: string;
    /** Canonical (half-width) unit: '%' for ％; absent for a bare number. */
    unit?: string;
    /** The unit as written (in the value, in the indicator name when `unitFromName`, in the unit column when `unitFromColumn`). */
    unitText?: string;
    /** The unit was taken from the indicator name: 响应时间（秒） for `不低于3`. */
    unitFromName?: boolean;
    /** The unit was taken from the indicator's unit column (计量单位 / 度量单位): `≥ 95` with 计量单位 "%". */
    unitFromColumn?: boolean;
    dimension: Dimension;
    /** Wording before the comparator / number: '新增', '每月出现用户投诉次数', '系统验收合格率'. */
    before?: string;
    /** Wording after the unit / suffix. */
    after?: string;
}

/** A date mentioned by a qualitative value: 2024年12月31日前 → { year: 2024, month: 12, day: 31, le }. */
export interface DateMention extends Comparison {
    year?: number;
    month?: number;
    day?: number;
}

export type QuantityThreshold = { kind: 'quantity'; text: string } & Quantity;
export interface CompositeThreshold { kind: 'composite'; text: string; parts: Threshold[] }
export interface GradeThreshold extends Comparison {
    kind: 'grade';
    text: string;
    /** The grade as written: 'IP65', 'A级', '二级'. */
    grade: string;
    before?: string;
    after?: string;
}
export interface QualitativeThreshold { kind: 'qualitative'; text: string; date?: DateMention }
export interface NoneThreshold { kind: 'none'; text: string }

export type Threshold =
    | QuantityThreshold
    | CompositeThreshold
    | GradeThreshold
    | QualitativeThreshold
    | NoneThreshold;

// ---------------------------------------------------------------------------------------------------------
// Comparators

interface ComparatorSpelling { kind: ComparatorKind; form: ComparatorForm }

/** Prefix comparators, keyed by half-width spelling. */
const PREFIX: ReadonlyMap<string, ComparatorSpelling> = new Map<string, ComparatorSpelling>([
    ...symbols('ge', '>=', '≥', '≧', '⩾'),
    ...symbols('le', '<=', '≤', '≦', '⩽'),
    ...symbols('gt', '>'),
    ...symbols('lt', '<'),
    ...symbols('eq', '=', '=='),
    ...symbols('ne', '≠', '!=', '<>'),
    ...words('ge', '大于等于', '大于或等于', '不低于', '不少于', '不小于', '不得低于', '不得少于', '至少', '达到'),
    ...words('le', '小于等于', '小于或等于', '不高于', '不超过', '不多于', '不大于', '不得高于', '不得超过',
        '最多', '控制在'),
    ...words('gt', '大于', '高于', '超过', '多于', '超出'),
    ...words('lt', '小于', '低于', '少于', '不足', '未达到'),
    ...words('eq', '等于'),
    ...words('ne', '不等于')
]);

/** Suffix comparators (after the number and unit). */
const SUFFIX: ReadonlyMap<string, ComparatorSpelling> = new Map<string, ComparatorSpelling>([
    ...suffixes('ge', '及以上', '或以上', '以上'),
    ...suffixes('le', '及以下', '或以下', '以下', '以内', '之内', '内')
]);

/** Extra prefixes and the suffixes that only apply to dates. */
const DATE_PREFIX: ReadonlyMap<string, ComparatorSpelling> = new Map<string, ComparatorSpelling>([
    ...PREFIX, ...words('le', '不晚于', '不迟于', '截至', '截止', '截止到'), ...words('ge', '不早于')
]);
const DATE_SUFFIX: ReadonlyMap<string, ComparatorSpelling> = new Map<string, ComparatorSpelling>([
    ...suffixes('le', '底前', '末前', '前', '以前', '之前', '内', '以内', '底', '末'),
    ...suffixes('ge', '后', '以后', '之后')
]);

function symbols(kind: ComparatorKind, ...spellings: string[]): Array<[string, ComparatorSpelling]> {
    return spellings.map(s => [s, { kind, form: 'symbol' }]);
}
function words(kind: ComparatorKind, ...spellings: string[]): Array<[string, ComparatorSpelling]> {
    return spellings.map(s => [s, { kind, form: 'word' }]);
}
function suffixes(kind: ComparatorKind, ...spellings: string[]): Array<[string, ComparatorSpelling]> {
    return spellings.map(s => [s, { kind, form: 'suffix' }]);
}

const longestFirst = (map: ReadonlyMap<string, unknown>): string[] =>
    [...map.keys()].sort((a, b) => b.length - a.length);
const PREFIX_SPELLINGS = longestFirst(PREFIX);
const SUFFIX_SPELLINGS = longestFirst(SUFFIX);
const DATE_PREFIX_SPELLINGS = longestFirst(DATE_PREFIX);
const DATE_SUFFIX_SPELLINGS = longestFirst(DATE_SUFFIX);

const SYMBOLS: Readonly<Record<ComparatorKind, string>> = { ge: '≥', le: '≤', gt: '>', lt: '<', eq: '=', ne: '≠' };
const DESCRIPTION_WORDS: Readonly<Record<ComparatorKind, string>> =
    { ge: '不少于', le: '不超过', gt: '大于', lt: '小于', eq: '等于', ne: '不等于' };
/** Grades read better with 不低于 / 不高于. */
const GRADE_WORDS: Readonly<Record<ComparatorKind, string>> =
    { ge: '不低于', le: '不高于', gt: '高于', lt: '低于', eq: '等于', ne: '不等于' };
const ROLES: Readonly<Record<ComparatorKind, string>> =
    { ge: '下限', gt: '下限', le: '上限', lt: '上限', eq: '目标值', ne: '排除值' };

/** The comparator spelled exactly `text` (symbol, word or suffix; full-width allowed: ＞＝), or undefined. */
export function comparatorOf(text: string): { kind: ComparatorKind; form: ComparatorForm } | undefined {
    const key = toHalfWidth(text).trim();
    const found = PREFIX.get(key) ?? SUFFIX.get(key);
    return found ? { ...found } : undefined;
}

/** Canonical symbol of a comparator: ≥ ≤ > < = ≠. */
export function comparatorSymbol(kind: ComparatorKind): string {
    return SYMBOLS[kind];
}

/** The canonical symbol for a comparator spelling ('≧', '大于等于', '及以上' → '≥'), or undefined. */
export function normalizeComparatorText(text: string): string | undefined {
    const found = comparatorOf(text);
    return found ? SYMBOLS[found.kind] : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

const TRAILING_PUNCTUATION = /[。．.，,；;、：:！!？?]+$/;

/** Punctuation a value ends with ('。' for `读取率≥99.9%。`), or undefined. */
export function trailingPunctuation(text: string): string | undefined {
    return TRAILING_PUNCTUATION.exec(text.trimEnd())?.[0];
}

const NONE_TEXTS = new Set(['', '无', '/', '-', '--', '—', '——', '不适用']);

/**
 * The meaning of a target value. `unitColumn` (the indicator's 计量单位) or else `indicatorName`, when it ends
 * in a bracketed unit (响应时间（秒）), supplies the unit of a bare number. Never throws.
 */
export function parseThreshold(text: string, indicatorName?: string, unitColumn?: string): Threshold {
    const context = unitColumn !== undefined && unitColumn.trim() !== '' ? remembered(columnContexts, unitColumn, columnUnit)
        : indicatorName !== undefined ? remembered(nameContexts, indicatorName, unitOfName) : NO_CONTEXT;
    // A table repeats the same few values (≥95%, 100%, 1份): 25,000 targets have ~2,700 distinct texts.
    const key = context.key + text;
    let meaning = parsedThresholds.get(key);
    if (!meaning) {
        if (parsedThresholds.size >= PARSED_THRESHOLDS_LIMIT) {
            parsedThresholds.clear();
        }
        meaning = freezeThreshold(parseUncached(text, context.unit));
        parsedThresholds.set(key, meaning);
    }
    return meaning;
}

/** Meanings by unit-of-name and text; shared between callers, hence frozen. Bounded so a server never grows it without end. */
const parsedThresholds = new Map<string, Threshold>();
const PARSED_THRESHOLDS_LIMIT = 20_000;

/** A bare number's unit for one unit column or indicator name, and the start of its meanings' keys. */
interface UnitContext { unit: ContextUnit | undefined; key: string }

const NO_CONTEXT: UnitContext = { unit: undefined, key: '\u0000' };

/**
 * Contexts by unit column and by indicator name: 25,000 indicators have a few hundred names, and reading
 * the unit from each (a regular expression, a width normalisation, a lookup) showed in the profile.
 */
const columnContexts = new Map<string, UnitContext>();
const nameContexts = new Map<string, UnitContext>();

function remembered(contexts: Map<string, UnitContext>, text: string, unitOf: (text: string) => ContextUnit | undefined): UnitContext {
    let context = contexts.get(text);
    if (!context) {
        if (contexts.size >= PARSED_THRESHOLDS_LIMIT) {
            contexts.clear();
        }
        const unit = unitOf(text);
        context = { unit, key: `${unit?.column ? '\u0001' : ''}${unit?.text ?? ''}\u0000` };
        contexts.set(text, context);
    }
    return context;
}

function freezeThreshold(threshold: Threshold): Threshold {
    if (threshold.kind === 'composite') {
        threshold.parts.forEach(part => Object.freeze(part));
        Object.freeze(threshold.parts);
    }
    return Object.freeze(threshold);
}

/** Where a bare number's unit comes from: the unit column, or the indicator's name. */
interface ContextUnit { info: UnitInfo; text: string; column?: boolean }

function parseUncached(text: string, nameUnit: ContextUnit | undefined): Threshold {
    const core = stripTrailing(text);
    if (NONE_TEXTS.has(toHalfWidth(core).trim())) {
        return { kind: 'none', text };
    }
    const parts = splitParts(core);
    if (parts.length > 1) {
        const parsed = parts.map(part => parseSingle(part, nameUnit));
        if (parsed.every(p => p.kind === 'quantity' || p.kind === 'grade')) {
            return { kind: 'composite', text, parts: parsed };
        }
    }
    const single = parseSingle(core.trim(), nameUnit);
    return { ...single, text };
}

/** The unit an indicator name ends with in brackets: 响应时间（秒） → 秒, 企业满意度（%） → %. */
export function unitOfName(name: string): ContextUnit | undefined {
    const match = /[（(]\s*([^（）()]+?)\s*[）)]\s*$/.exec(name);
    const info = match ? lookupUnit(match[1]) : undefined;
    return info && match ? { info, text: match[1] } : undefined;
}

/** A unit column as a unit: a known one with its dimension, any other text as a unit of its own. */
function columnUnit(column: string): ContextUnit {
    const text = column.trim();
    const info = lookupUnit(text) ?? { unit: toHalfWidth(text), dimension: 'none', base: toHalfWidth(text), factor: new Decimal(1) };
    return { info, text, column: true };
}

function stripTrailing(text: string): string {
    const trimmed = text.trim();
    const punctuation = trailingPunctuation(trimmed);
    return punctuation ? trimmed.slice(0, trimmed.length - punctuation.length) : trimmed;
}

/** Split at 、 ； ; and commas that are not thousands separators. */
function splitParts(text: string): string[] {
    const normalized = toHalfWidth(text);
    const parts: string[] = [];
    let start = 0;
    for (let i = 0; i < normalized.length; i++) {
        const ch = normalized[i];
        const thousands = ch === ',' && /\d/.test(normalized[i - 1] ?? '') && /^\d{3}(?!\d)/.test(normalized.slice(i + 1));
        if (ch === '、' || ch === ';' || (ch === ',' && !thousands)) {
            parts.push(text.slice(start, i));
            start = i + 1;
        }
    }
    parts.push(text.slice(start));
    return parts.map(p => p.trim()).filter(p => p !== '');
}

type Single = QuantityThreshold | GradeThreshold | QualitativeThreshold;

interface Candidate {
    start: number;   // start of the comparator (or of the number / grade)
    end: number;     // end of the unit / suffix
    score: number;   // 3 symbol, 2 word, 1 suffix, 0 none
    build(before: string | undefined, after: string | undefined): Single;
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const GRADE = /IP[0-9X]{2}|[1-5]?A{1,5}级|[A-E]级|\d{1,2}级|[一二三四五六七八九十甲乙丙丁特]{1,2}级/gi;
const DATE = new RegExp([
    '(?:(?:19|20)\\d{2}\\s*(?:-|—|–|~|至|到)\\s*)?((?:19|20)\\d{2})\\s*年(?:\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*[日号])?)?',
    '((?:19|20)\\d{2})[-/](\\d{1,2})(?!\\d)(?:[-/](\\d{1,2})(?!\\d))?',
    '((?:19|20)\\d{2})\\.(\\d{1,2})\\.(\\d{1,2})(?!\\d)',
    '(?<!\\d)(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*[日号]|(?=底|末|份|上旬|中旬|下旬))'
].join('|'), 'g');
const SCORES: Readonly<Record<ComparatorForm, number>> = { symbol: 3, word: 2, suffix: 1, none: 0 };

function parseSingle(text: string, nameUnit: ContextUnit | undefined): Single {
    const normalized = toHalfWidth(text);
    const taken: Array<[number, number]> = [];
    const isTaken = (from: number, to: number) => taken.some(([a, b]) => from < b && to > a);

    // Dates first: their digits are not quantities.
    let date: DateMention | undefined;
    for (const m of normalized.matchAll(DATE)) {
        const start = m.index;
        const year = m[1] ?? m[4] ?? m[7];
        const month = m[2] ?? m[5] ?? m[8] ?? m[10];
        const day = m[3] ?? m[6] ?? m[9] ?? m[11];
        if ((month !== undefined && !(+month >= 1 && +month <= 12)) || (day !== undefined && !(+day >= 1 && +day <= 31))) {
            continue;
        }
        taken.push([start, start + m[0].length]);
        if (!date) {
            const prefix = prefixBefore(text, normalized, start, DATE_PREFIX, DATE_PREFIX_SPELLINGS);
            const suffix = prefix ? undefined : suffixAfter(text, normalized, start + m[0].length, DATE_SUFFIX, DATE_SUFFIX_SPELLINGS);
            const found = prefix ?? suffix;
            date = {
                ...(year !== undefined ? { year: +year } : {}),
                ...(month !== undefined ? { month: +month } : {}),
                ...(day !== undefined ? { day: +day } : {}),
                comparator: found?.kind ?? 'eq',
                ...(found ? { comparatorText: found.text } : {}),
                comparatorForm: found?.form ?? 'none'
            };
        }
    }

    const candidates: Candidate[] = [];

    for (const m of normalized.matchAll(GRADE)) {
        const start = m.index, end = start + m[0].length;
        if (isTaken(start, end) || /[A-Za-z]/.test(normalized[start - 1] ?? '')) {
            continue;
        }
        taken.push([start, end]);
        const prefix = prefixBefore(text, normalized, start, PREFIX, PREFIX_SPELLINGS);
        const suffix = prefix ? undefined : suffixAfter(text, normalized, end, SUFFIX, SUFFIX_SPELLINGS);
        const found = prefix ?? suffix;
        const grade = text.slice(start, end);
        candidates.push({
            start: prefix?.start ?? start,
            end: suffix?.end ?? end,
            score: SCORES[found?.form ?? 'none'],
            build: (before, after) => ({
                kind: 'grade', text, grade,
                comparator: found?.kind ?? 'eq',
                ...(found ? { comparatorText: found.text } : {}),
                comparatorForm: found?.form ?? 'none',
                ...(before ? { before } : {}),
                ...(after ? { after } : {})
            })
        });
    }

    for (const m of normalized.matchAll(NUMBER)) {
        let start = m.index;
        const numberEnd = start + m[0].length;
        if (isTaken(start, numberEnd) || /[A-Za-z]/.test(normalized[start - 1] ?? '')) {
            continue;
        }
        // A sign belongs to the number only at the start or right after a comparator: ≥-2%, -5.
        const sign = /[-−]/.test(normalized[start - 1] ?? '') ? start - 1 : undefined;
        let prefix = prefixBefore(text, normalized, sign ?? start, PREFIX, PREFIX_SPELLINGS);
        const signed = sign !== undefined && (prefix !== undefined || normalized.slice(0, sign).trim() === '');
        if (signed) {
            start = sign!;
        } else if (sign !== undefined) {
            prefix = prefixBefore(text, normalized, start, PREFIX, PREFIX_SPELLINGS);
        }
        let end = numberEnd;
        let unit: UnitInfo | undefined;
        let unitText: string | undefined;
        const unitStart = skipSpaces(normalized, end);
        unit = matchUnitAt(normalized, unitStart);
        if (unit) {
            unitText = text.slice(unitStart, unitStart + unit.unit.length);
            end = unitStart + unit.unit.length;
        }
        const suffix = prefix ? undefined : suffixAfter(text, normalized, end, SUFFIX, SUFFIX_SPELLINGS);
        const found = prefix ?? suffix;
        if (!found && !unit && /[A-Za-z]/.test(normalized[end] ?? '')) {
            continue;   // a name, not a quantity: 5G, 4K, 3D (but ≥100Mbps stays a quantity)
        }
        const numberText = text.slice(start, numberEnd);
        const digits = normalized.slice(start, numberEnd).replace(/,/g, '').replace('−', '-');
        const fromName = !unit && nameUnit ? nameUnit : undefined;
        candidates.push({
            start: prefix?.start ?? start,
            end: suffix?.end ?? end,
            score: SCORES[found?.form ?? 'none'],
            build: (before, after) => ({
                kind: 'quantity', text,
                comparator: found?.kind ?? 'eq',
                ...(found ? { comparatorText: found.text } : {}),
                comparatorForm: found?.form ?? 'none',
                value: new Decimal(digits),
                numberText,
                ...(unit ? { unit: unit.unit, unitText } : {}),
                ...(fromName ? { unit: fromName.info.unit, unitText: fromName.text, [fromName.column ? 'unitFromColumn' : 'unitFromName']: true } : {}),
                dimension: (unit ?? fromName?.info)?.dimension ?? 'none',
                ...(before ? { before } : {}),
                ...(after ? { after } : {})
            })
        });
    }

    if (candidates.length === 0) {
        return date ? { kind: 'qualitative', text, date } : { kind: 'qualitative', text };
    }
    let best = candidates[0];
    for (const candidate of candidates) {
        if (candidate.score > best.score || (candidate.score === best.score && candidate.start > best.start)) {
            best = candidate;
        }
    }
    const before = text.slice(0, best.start).trim();
    const after = text.slice(best.end).trim();
    return best.build(before || undefined, after || undefined);
}

function skipSpaces(normalized: string, index: number): number {
    while (index < normalized.length && /\s/.test(normalized[index])) {
        index++;
    }
    return index;
}

/** The comparator ending right before `index` (spaces allowed in between), longest spelling first. */
function prefixBefore(
    text: string, normalized: string, index: number,
    table: ReadonlyMap<string, ComparatorSpelling>, spellings: readonly string[]
): (ComparatorSpelling & { text: string; start: number }) | undefined {
    const head = normalized.slice(0, index).trimEnd();
    for (const spelling of spellings) {
        if (head.endsWith(spelling)) {
            const start = head.length - spelling.length;
            return { ...table.get(spelling)!, text: text.slice(start, head.length), start };
        }
    }
    return undefined;
}

/** The suffix comparator starting at `index` (spaces allowed before it), longest spelling first. */
function suffixAfter(
    text: string, normalized: string, index: number,
    table: ReadonlyMap<string, ComparatorSpelling>, spellings: readonly string[]
): (ComparatorSpelling & { text: string; end: number }) | undefined {
    const start = skipSpaces(normalized, index);
    for (const spelling of spellings) {
        if (normalized.startsWith(spelling, start)) {
            const end = start + spelling.length;
            return { ...table.get(spelling)!, text: text.slice(start, end), end };
        }
    }
    return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers for validators

/** Every quantity in a threshold (the parts of a composite, in order). */
export function quantities(t: Threshold): Quantity[] {
    switch (t.kind) {
        case 'quantity': return [t];
        case 'composite': return t.parts.flatMap(quantities);
        default: return [];
    }
}

function dimensionOf(t: Threshold | Quantity): Dimension | undefined {
    if ('kind' in t) {
        return t.kind === 'quantity' ? t.dimension : t.kind === 'grade' ? 'grade' : undefined;
    }
    return t.dimension;
}

/** Both are quantities (or grades) of the same dimension. */
export function sameDimension(a: Threshold | Quantity, b: Threshold | Quantity): boolean {
    const da = dimensionOf(a);
    return da !== undefined && da === dimensionOf(b);
}

/** A quantity in % (not ‰, not 百分点). */
export function isPercent(t: Threshold | Quantity): boolean {
    return ('kind' in t ? t.kind === 'quantity' : true) && (t as Quantity).unit === '%';
}

/** ≥ or >: a minimum to reach (正向). */
export function isLowerBound(t: Threshold | Quantity): boolean {
    return 'comparator' in t && (t.comparator === 'ge' || t.comparator === 'gt');
}

/** ≤ or <: a maximum not to exceed (反向). */
export function isUpperBound(t: Threshold | Quantity): boolean {
    return 'comparator' in t && (t.comparator === 'le' || t.comparator === 'lt');
}

/** No comparator or '=': a target value. */
export function isTarget(t: Threshold | Quantity): boolean {
    return 'comparator' in t && t.comparator === 'eq';
}

/** Enough precision that multiplying by a unit factor (0.001, 1e8 …) is always exact. */
const Exact = Decimal.clone({ precision: 1000 });

/**
 * Exact comparison of two quantities' values (not of their comparators): -1, 0 or 1, or undefined when the
 * units are not convertible (家 and 条, % and 万元, 天 and 月). 10万吨 = 100000吨, 1.5秒 > 1200毫秒,
 * 0.5亿元 = 5000万元; two bare numbers compare directly.
 */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 | undefined {
    const ua = a.unit !== undefined ? lookupUnit(a.unit) : undefined;
    const ub = b.unit !== undefined ? lookupUnit(b.unit) : undefined;
    if ((a.unit !== undefined && !ua) || (b.unit !== undefined && !ub)) {
        return a.unit === b.unit ? (a.value.comparedTo(b.value) as -1 | 0 | 1) : undefined;
    }
    if ((ua?.base ?? '') !== (ub?.base ?? '')) {
        return undefined;
    }
    const va = new Exact(a.value).times(ua?.factor ?? 1);
    const vb = new Exact(b.value).times(ub?.factor ?? 1);
    return va.comparedTo(vb) as -1 | 0 | 1;
}

// ---------------------------------------------------------------------------------------------------------
// Describing

/**
 * Chinese words for a hover: `≥3%` → "不少于 3 %（百分比，下限）", `15000` under 年度卡口联动的次数（个） →
 * "等于 15000 个（数量，目标值；单位取自指标名称）".
 */
export function describeThreshold(t: Threshold): string {
    switch (t.kind) {
        case 'none': return '无指标值';
        case 'qualitative': return t.date ? `定性指标（${describeDate(t.date)}）：${t.text}` : `定性指标：${t.text}`;
        case 'composite': return t.parts.map(describeThreshold).join('；');
        case 'grade':
            return `${t.before ? `${t.before} ` : ''}${GRADE_WORDS[t.comparator]} ${t.grade}`
                + `（${DIMENSION_LABELS.grade}，${ROLES[t.comparator]}）`;
        case 'quantity': return describeQuantity(t);
    }
}

/** "新增 不少于 10 万标准箱（体积，下限）". */
export function describeQuantity(q: Quantity): string {
    const number = toHalfWidth(q.numberText).replace('−', '-');
    const unit = q.unit ? ` ${q.unit}` : '';
    const note = q.unitFromName ? '；单位取自指标名称' : q.unitFromColumn ? '；单位取自计量单位栏' : '';
    return `${q.before ? `${q.before} ` : ''}${DESCRIPTION_WORDS[q.comparator]} ${number}${unit}`
        + `（${DIMENSION_LABELS[q.dimension]}，${ROLES[q.comparator]}${note}）`;
}

function describeDate(d: DateMention): string {
    const written = `${d.year !== undefined ? `${d.year}年` : ''}${d.month !== undefined ? `${d.month}月` : ''}`
        + `${d.day !== undefined ? `${d.day}日` : ''}`;
    const word = { ge: '不早于', gt: '晚于', le: '不晚于', lt: '早于', eq: '于', ne: '不在' }[d.comparator];
    return `日期：${word} ${written}`;
}
