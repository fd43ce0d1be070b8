/** A project's cost breakdown (成本构成): items with exact amounts and last year's actuals (上年). */
import type { CostItem, Project } from '../language/generated/ast.js';
import { Decimal, parseAmount } from './money.js';

/** One item of a cost breakdown, with its exact amount and last year's actual. */
export interface Cost {
    node: CostItem;
    name: string;
    text: string;
    value?: Decimal;
    prior?: { text: string; value?: Decimal };
}

export function costItems(project: Project): Cost[] {
    return project.costs.map(node => {
        const value = parseAmount(node.value ?? '');
        const prior = node.prior !== undefined ? parseAmount(node.prior) : undefined;
        return {
            node, name: node.name, text: node.value ?? '',
            ...(value ? { value } : {}),
            ...(node.prior !== undefined ? { prior: { text: node.prior, ...(prior ? { value: prior } : {}) } } : {})
        };
    });
}
