import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Amount, PerfAstType } from './generated/ast.js';
import { isWellFormedAmount } from '../model/money.js';
import type { PerfServices } from './perf-module.js';

export function registerValidationChecks(services: PerfServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.PerfValidator;
    const checks: ValidationChecks<PerfAstType> = {
        Amount: validator.checkAmountFormat
    };
    registry.register(checks, validator);
}

/** Rule codes are stable: they appear in messages, in README and in settings that switch rules off. */
export const Rule = {
    amountFormat: 'amount-format'
} as const;

export class PerfValidator {

    checkAmountFormat(amount: Amount, accept: ValidationAcceptor): void {
        if (amount.value && !isWellFormedAmount(amount.value)) {
            accept('error', `金额“${amount.value}”不是有效数字：请写成 1234.56 或 1,234.56（以万元或元计）。`, {
                node: amount, property: 'value', code: Rule.amountFormat
            });
        }
    }
}
