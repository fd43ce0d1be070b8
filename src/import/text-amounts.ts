/**
 * Amounts in a text table: "50,000.00 50,000.00" after a name. Without column positions the text does not
 * say which columns are empty; the published tables fill 总计 first, then the sources left to right, and
 * almost always fund a project from 财政拨款 alone. Where the count leaves the columns ambiguous, a note says
 * how they were read.
 */
import { readAmount } from './cell-parsing.js';
import type { ImportedAmounts, ImportNote } from './import-model.js';
import type { FundKey } from '../model/figures.js';

/** One published amount: 1,234.56 / 1234.56 / -3.00 (a decimal point is required: a bare 2024 is a year). */
export const AMOUNT_TOKEN = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+`;

const COLUMNS_BY_COUNT: Record<number, FundKey[]> = {
    1: ['total'],
    2: ['total', 'fiscal'],
    3: ['total', 'fiscal', 'specialAccount'],
    4: ['total', 'fiscal', 'specialAccount', 'other']
};

export function assignAmounts(text: string, position: string, notes: ImportNote[]): ImportedAmounts {
    const tokens = text.trim().split(/\s+/);
    const columns = COLUMNS_BY_COUNT[tokens.length];
    const amounts: ImportedAmounts = {};
    tokens.forEach((token, index) => {
        const reading = readAmount(token);
        if (reading?.ok) {
            amounts[columns[index]] = reading.text;
        }
    });
    if (tokens.length === 3) {
        notes.push({
            position,
            message: '三个金额无法确定第三个属于财政专户拨款还是其他资金，已按财政专户拨款导入：请核对',
            text
        });
    }
    return amounts;
}
