/**
 * Units of measure (度量单位) met in indicator target values (指标值), each with its dimension and, where the
 * conversion is exact, a factor to a base unit so that two quantities in related units (万元 / 亿元, 毫秒 / 秒,
 * ‰ / %) can be compared exactly.
 *
 * Units are matched on width-normalized text (see {@link toHalfWidth}): ％ is found as %, ｍｓ as ms.
 */
import { Decimal } from 'decimal.js';

/** What a quantity measures. 'grade' is for graded levels (IP65, A级), 'none' for a bare number. */
export type Dimension =
    | 'percent'   // % ‰, and 百分点 (percentage points; its own base, not convertible to %)
    | 'count'     // 个 家 条 次 人次 辆次 …
    | 'time'      // 秒 毫秒 分钟 小时 天 个工作日 月 年 …
    | 'money'     // 元 万元 亿元
    | 'mass'      // 吨 万吨 千克
    | 'volume'    // 标准箱 (TEU) 立方米 升
    | 'freight'   // 吨公里 (freight turnover)
    | 'length'    // 米 公里
    | 'area'      // 平方米 亩 公顷
    | 'score'     // 分 (a score out of 100, not minutes)
    | 'grade'     // IP65, A级 (graded levels; see threshold.ts)
    | 'none';     // a bare number, or a bare 万 / 亿 multiplier

export interface UnitInfo {
    /** Canonical spelling (half-width): '%' for ％, 'ms' for ｍｓ; otherwise as written. */
    readonly unit: string;
    readonly dimension: Dimension;
    /**
     * Units with the same base convert exactly into each other through `factor`
     * (万元 = 10000 元, 毫秒 = 0.001 秒). Units of one dimension but different bases (家 and 条, 天 and 月,
     * 天 and 个工作日) are not comparable.
     */
    readonly base: string;
    readonly factor: Decimal;
}

const TEN_THOUSAND = new Decimal(10_000);
const HUNDRED_MILLION = new Decimal(100_000_000);
const ONE = new Decimal(1);

const table = new Map<string, UnitInfo>();

function define(dimension: Dimension, base: string, units: Record<string, Decimal.Value>): void {
    for (const [unit, factor] of Object.entries(units)) {
        table.set(unit, { unit, dimension, base, factor: new Decimal(factor) });
    }
}

/** A counted thing, with its 万 and 亿 multiples (万辆次, 万人次, 万户 …). */
function defineCount(...bases: string[]): void {
    for (const base of bases) {
        define('count', base, { [base]: ONE, [`万${base}`]: TEN_THOUSAND, [`亿${base}`]: HUNDRED_MILLION });
    }
}

define('percent', '%', { '%': 1, '‰': '0.1' });
define('percent', '百分点', { '百分点': 1, '个百分点': 1 });

defineCount(
    '条', '家', '家次', '件', '场', '场次', '次', '份', '篇', '期', '个', '个次', '项', '类', '辆', '辆次',
    '人', '人次', '户', '套', '台', '台次', '部', '本', '册', '批', '批次', '单', '票', '宗', '张', '处',
    '台套', '所', '座', '栋', '间', '只', '艘', '艘次', '架次', '课题', '名', '位', '组'
);

define('time', '秒', {
    '毫秒': '0.001', 'ms': '0.001',
    '秒': 1, '秒钟': 1, 's': 1,
    '分钟': 60, 'min': 60,
    '小时': 3600, '个小时': 3600, 'h': 3600,
    '天': 86_400, '日': 86_400, '自然日': 86_400,
    '周': 604_800, '星期': 604_800
});
define('time', '工作日', { '工作日': 1, '个工作日': 1 });
define('time', '月', { '月': 1, '个月': 1, '季度': 3, '个季度': 3, '年': 12 });

define('money', '元', { '元': 1, '千元': 1000, '万元': TEN_THOUSAND, '百万元': 1_000_000, '亿元': HUNDRED_MILLION });
define('mass', '千克', {
    '千克': 1, '公斤': 1, 'kg': 1, '吨': 1000, '万吨': 10_000_000, '亿吨': 100_000_000_000
});
define('volume', '标准箱', { '标准箱': 1, '万标准箱': TEN_THOUSAND, 'TEU': 1, '万TEU': TEN_THOUSAND });
define('volume', '立方米', { '立方米': 1, '万立方米': TEN_THOUSAND, 'm³': 1, '升': '0.001', 'L': '0.001' });
define('freight', '吨公里', { '吨公里': 1, '万吨公里': TEN_THOUSAND, '亿吨公里': HUNDRED_MILLION });
define('length', '米', { '米': 1, 'm': 1, '千米': 1000, '公里': 1000, 'km': 1000, '万公里': 10_000_000 });
define('area', '平方米', {
    '平方米': 1, '㎡': 1, 'm²': 1, '万平方米': TEN_THOUSAND, '公顷': 10_000, '平方公里': 1_000_000, 'km²': 1_000_000
});
// 1 亩 = 2000/3 平方米 is not a finite decimal: 亩 gets its own base (and 1 公顷 = 15 亩 is left to the reader).
define('area', '亩', { '亩': 1, '万亩': TEN_THOUSAND });
define('score', '分', { '分': 1 });
define('none', '', { '万': TEN_THOUSAND, '亿': HUNDRED_MILLION });

/** Longest spellings first, so that 万标准箱 wins over 万, 亿吨公里 over 亿吨, 个工作日 over 个, ms over m. */
const spellings = [...table.keys()].sort((a, b) => b.length - a.length);

/** Full-width ASCII (！-～) and the ideographic space become half-width; every character keeps its index. */
export function toHalfWidth(text: string): string {
    return text.replace(/[\uFF01-\uFF5E\u3000]/g, ch =>
        ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xFEE0));
}

/** The unit spelled exactly `text` (full-width allowed: ％ → %), or undefined. */
export function lookupUnit(text: string): UnitInfo | undefined {
    return table.get(toHalfWidth(text).trim());
}

/**
 * The longest unit starting at `index` of the half-width text `normalized`, or undefined.
 * A Latin unit (s, ms, km …) must not run into a further Latin letter: '5mb' has no unit.
 */
export function matchUnitAt(normalized: string, index: number): UnitInfo | undefined {
    for (const spelling of spellings) {
        if (normalized.startsWith(spelling, index)) {
            const next = normalized.charAt(index + spelling.length);
            if (/[A-Za-z]$/.test(spelling) && /[A-Za-z]/.test(next)) {
                continue;
            }
            return table.get(spelling);
        }
    }
    return undefined;
}

/** Every known unit (for completion and documentation). */
export function allUnits(): readonly UnitInfo[] {
    return [...table.values()];
}

/** Chinese label of a dimension, for hovers. */
export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
    percent: '百分比',
    count: '数量',
    time: '时间',
    money: '金额',
    mass: '重量',
    volume: '体积',
    freight: '货物周转量',
    length: '长度',
    area: '面积',
    score: '分值',
    grade: '等级',
    none: '无量纲'
};
