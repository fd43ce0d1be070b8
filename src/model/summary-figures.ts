import type { Department, MoneyUnit, Summary } from '../language/generated/ast.js';
import { departmentFigures, SOURCE_KEYS, statedAmounts, type FundKey, type StatedAmount } from './figures.js';
import { Decimal, sum } from './money.js';

/** Yuan per unit: a department in 元 and a summary in 万元 still add up exactly. */
const YUAN_PER_UNIT: Record<MoneyUnit, Decimal> = { '万元': new Decimal(10_000), '元': new Decimal(1) };

export function unitOf(owner: Department | Summary): MoneyUnit {
    return owner.unit ?? '万元';
}

/** An amount in `from` expressed in `to`, exactly (元 → 万元 divides by 10,000). */
export function convertAmount(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
    return from === to ? value : value.times(YUAN_PER_UNIT[from]).dividedBy(YUAN_PER_UNIT[to]);
}

/** A summary's figures: what it states, and the sums of its (resolved) departments in the summary's unit. */
export interface SummaryFigures {
    stated: Partial<Record<FundKey, StatedAmount>>;
    computed: Record<FundKey, Decimal>;
    /** Members whose department did not resolve: their amounts are unknown, so the sums are partial. */
    unresolved: number;
}

export function summaryFigures(summary: Summary): SummaryFigures {
    const departments = summary.members.map(member => member.department?.ref);
    const resolved = departments.filter((department): department is Department => department !== undefined);
    const rows = resolved.map(department => {
        const shown = departmentFigures(department).shown;
        return (key: FundKey) => convertAmount(shown[key], unitOf(department), unitOf(summary));
    });
    const column = (key: FundKey) => sum(rows.map(row => row(key)));
    return {
        stated: statedAmounts(summary),
        computed: {
            total: column('total'),
            ...Object.fromEntries(SOURCE_KEYS.map(key => [key, column(key)])) as Record<typeof SOURCE_KEYS[number], Decimal>
        },
        unresolved: departments.length - resolved.length
    };
}
