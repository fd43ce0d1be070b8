import { SOURCE_KEYS } from '../model/figures.js';
import { Decimal, parseAmount, sum } from '../model/money.js';
import type { ImportedAmounts } from './import-model.js';

/** The value of an imported amount cell; an empty or absent cell is zero. */
export function amountValue(text: string | undefined): Decimal {
    return (text !== undefined ? parseAmount(text) : undefined) ?? new Decimal(0);
}

/** What an imported row's 总计 shows once compiled: the written total, else the sum of its sources. */
export function shownTotal(amounts: ImportedAmounts): Decimal {
    const total = amounts.total !== undefined ? parseAmount(amounts.total) : undefined;
    return total ?? sum(SOURCE_KEYS.map(key => amountValue(amounts[key])));
}
