/** perf.roundingTolerance and `--rounding-tolerance`: read without Langium, so the command line can check it before loading it. */
import { Decimal } from '../../model/money.js';

/** A non-negative number (or numeric text) sets a fixed tolerance; anything else means automatic. */
export function readRoundingTolerance(raw: unknown): Decimal | undefined {
    if ((typeof raw !== 'number' && typeof raw !== 'string') || String(raw).trim() === '') {
        return undefined;
    }
    try {
        const tolerance = new Decimal(raw);
        return tolerance.isNegative() || !tolerance.isFinite() ? undefined : tolerance;
    } catch {
        return undefined;
    }
}
