/** Amounts one by one: well-formed, not negative, not a placeholder total (0 or 0.01). */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { isAmount, type Amount, type CostItem, type Department, type NamedAmount, type PerfAstType, type Project } from '../generated/ast.js';
import { departmentFigures, projectFigures, type RowFigures } from '../../model/figures.js';
import { Decimal, formatAmount, isWellFormedAmount, parseAmount } from '../../model/money.js';
import { report } from './rules.js';

const PLACEHOLDERS = [new Decimal(0), new Decimal('0.01')];

export class AmountRules {

    checks(): ValidationChecks<PerfAstType> {
        return {
            Amount: [this.checkAmountFormat.bind(this), this.checkNegativeAmount.bind(this)],
            NamedAmount: [this.checkAmountFormat.bind(this), this.checkNegativeAmount.bind(this)],
            CostItem: [this.checkAmountFormat.bind(this), this.checkNegativeAmount.bind(this)],
            Project: this.checkProjectPlaceholder.bind(this),
            Department: this.checkDepartmentPlaceholder.bind(this)
        };
    }

    checkAmountFormat(amount: Amount | NamedAmount | CostItem, accept: ValidationAcceptor): void {
        if (amount.value && !isWellFormedAmount(amount.value)) {
            report(accept, 'amount-format',
                `金额“${amount.value}”不是有效数字：请写成 1234.56 或 1,234.56（以万元或元计）。（not a number）`,
                { node: amount, property: 'value' });
        }
    }

    checkNegativeAmount(amount: Amount | NamedAmount | CostItem, accept: ValidationAcceptor): void {
        const value = parseAmount(amount.value ?? '');
        if (value?.isNegative() && !value.isZero()) {
            report(accept, 'negative-amount',
                `${isAmount(amount) ? amount.source : `“${amount.name}”`} ${amount.value} 是负数：预算金额不能为负，请核对。（a negative amount）`,
                { node: amount, property: 'value' });
        }
    }

    checkProjectPlaceholder(project: Project, accept: ValidationAcceptor): void {
        this.checkPlaceholder(project, projectFigures(project), `项目“${project.name}”`, accept);
    }

    checkDepartmentPlaceholder(department: Department, accept: ValidationAcceptor): void {
        this.checkPlaceholder(department, departmentFigures(department), `部门“${department.name}”`, accept);
    }

    /** One diagnostic per row, on its stated total (else its first amount). */
    private checkPlaceholder(owner: Project | Department, row: RowFigures, what: string, accept: ValidationAcceptor): void {
        const at = row.stated.total?.node ?? owner.amounts[0];
        const total = row.shown.total;
        if (!at || !PLACEHOLDERS.some(placeholder => placeholder.equals(total))) {
            return;
        }
        report(accept, 'placeholder-amount',
            `${what}的总计为 ${formatAmount(total)}，像是占位数：请填写实际预算金额。（a placeholder amount）`,
            { node: at, property: 'value' });
    }
}
