import type { ValidationCheck, ValidationChecks, ValidationRegistry } from 'langium';
import type { PerfAstType } from './generated/ast.js';
import type { PerfScopeProvider } from './perf-scope.js';
import type { PerfSettings } from './settings/perf-settings.js';
import { AmountRules } from './validation/amount-rules.js';
import { ComparatorRules } from './validation/comparator-rules.js';
import { IndicatorRules } from './validation/indicator-rules.js';
import { LevelNameRules } from './validation/level-name-rules.js';
import { PeriodRules } from './validation/period-rules.js';
import { ReconciliationRules } from './validation/reconciliation.js';
import { ScoreRules } from './validation/score-rules.js';
import { SettingRules } from './validation/setting-rules.js';
import { TargetRules } from './validation/target-rules.js';
import { registerSummaryRules } from './validation/summary-rules.js';
import { TextRules } from './validation/text-rules.js';
import { ValueRules } from './validation/value-rules.js';

export { RULES, type RuleCode } from './validation/rules.js';

/**
 * Every check of perf, per AST type. The document's own checks are 'fast': each is linear in the size of its
 * document, so all of them run as the user types. A summary's reconciliation reads other files: 'slow' (on
 * save and in the CLI; summary-rules.ts). The rules, their codes and default severities are in
 * validation/rules.ts; rule levels apply in PerfDocumentValidator.
 */
export function registerValidationChecks(registry: ValidationRegistry, validator: PerfValidator): void {
    registry.register(validator.checks(), undefined, 'fast');
    registerSummaryRules(registry);
}

/** The groups of rules, one file each under validation/. */
export class PerfValidator {

    private readonly groups: Array<{ checks(): ValidationChecks<PerfAstType> }>;

    constructor(scopes: PerfScopeProvider, settings: PerfSettings) {
        this.groups = [
            new AmountRules(),
            new SettingRules(),
            new ReconciliationRules(settings),
            new IndicatorRules(scopes),
            new LevelNameRules(scopes),
            new TargetRules(),
            new ValueRules(),
            new ScoreRules(),
            new PeriodRules(),
            new ComparatorRules(),
            new TextRules()
        ];
    }

    /** The checks of all groups, merged per AST type. */
    checks(): ValidationChecks<PerfAstType> {
        const merged: Record<string, ValidationCheck[]> = {};
        for (const group of this.groups) {
            for (const [type, checks] of Object.entries(group.checks())) {
                merged[type] = [...merged[type] ?? [], ...[checks].flat() as ValidationCheck[]];
            }
        }
        return merged as ValidationChecks<PerfAstType>;
    }
}
