import { Decimal } from 'decimal.js';

/** Amounts are exact decimals: never JavaScript floats. */
export { Decimal };

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** Well-formed amount text in ASCII: 1234.5, 67,522.75 (thousands groups of three), optionally negative. */
export const AMOUNT_PATTERN = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** ASCII form of an amount as written: full-width digits, comma and point become ASCII. */
export function normalizeAmountText(text: string): string {
    return text
        .replace(FULL_WIDTH_DIGIT, digit => String.fromCharCode(digit.charCodeAt(0) - 0xFF10 + 0x30))
        .replace(/，/g, ',')
        .replace(/．/g, '.')
        .replace(/\s+/g, '');
}

export function isWellFormedAmount(text: string): boolean {
    return AMOUNT_PATTERN.test(normalizeAmountText(text));
}

/** The exact value of an amount as written, or undefined when the text is not an amount. */
export function parseAmount(text: string): Decimal | undefined {
    const normalized = normalizeAmountText(text);
    return AMOUNT_PATTERN.test(normalized) ? new Decimal(normalized.replace(/,/g, '')) : undefined;
}

/** Published form: #,##0.00 (two decimals, thousands separators). */
export function formatAmount(value: Decimal): string {
    const [integer, fraction] = value.abs().toFixed(2).split('.');
    const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${value.isNegative() && !value.isZero() ? '-' : ''}${grouped}.${fraction}`;
}

/** At least two decimals, more when the value has them (0.015): a difference or tolerance, never rounded away. */
export function exactAmount(value: Decimal): string {
    return value.toFixed(Math.max(2, value.decimalPlaces()));
}

/** A difference with its sign: +0.01, -0.005. */
export function signedDifference(value: Decimal): string {
    return `${value.isPositive() && !value.isZero() ? '+' : ''}${exactAmount(value)}`;
}

/** Number of decimals written, e.g. 2 for 67,522.75; rounding tolerance depends on it. */
export function decimalsWritten(text: string): number {
    const fraction = normalizeAmountText(text).split('.')[1];
    return fraction ? fraction.length : 0;
}

export function sum(values: Iterable<Decimal>): Decimal {
    let total = new Decimal(0);
    for (const value of values) {
        total = total.plus(value);
    }
    return total;
}
