import type { MoneyUnit } from '../language/generated/ast.js';
import { FUND_LABEL, SOURCE_KEYS, type FundKey, type RowFigures } from '../model/figures.js';
import { Decimal, formatAmount } from '../model/money.js';
import { convertAmount } from '../model/summary-figures.js';
import type { AmountChange } from './diff-model.js';

const COLUMNS: readonly FundKey[] = ['total', ...SOURCE_KEYS];

/**
 * The columns of a row that changed, as the table shows them (stated, else computed), in the new version's
 * unit. When anything changed, the 总计 column comes first even if it kept its value, so the reader always
 * sees the new total. A missing side (an added or removed row) counts as zero.
 */
export function amountChanges(
    old: { figures: RowFigures; unit: MoneyUnit } | undefined,
    updated: { figures: RowFigures; unit: MoneyUnit } | undefined
): AmountChange[] {
    const unit = updated?.unit ?? old?.unit ?? '万元';
    const value = (side: typeof old, key: FundKey) =>
        side ? convertAmount(side.figures.shown[key], side.unit, unit) : new Decimal(0);
    const changed = COLUMNS.filter(key => !value(old, key).equals(value(updated, key)));
    if (changed.length === 0) {
        return [];
    }
    const columns = changed.includes('total') ? changed : ['total' as const, ...changed];
    return columns.map(key => {
        const before = value(old, key);
        const after = value(updated, key);
        const delta = after.minus(before);
        return {
            column: key,
            label: FUND_LABEL[key],
            old: formatAmount(before),
            new: formatAmount(after),
            delta: `${delta.isNegative() && !delta.isZero() ? '' : '+'}${formatAmount(delta)}`
        };
    });
}
