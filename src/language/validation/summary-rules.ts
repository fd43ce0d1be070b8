import { AstUtils, UriUtils, type ValidationAcceptor, type ValidationChecks, type ValidationRegistry } from 'langium';
import type { PerfAstType, Summary } from '../generated/ast.js';
import { formatAmount } from '../../model/money.js';
import type { FundKey } from '../../model/figures.js';
import { summaryFigures, unitOf } from '../../model/summary-figures.js';
import { report } from './rules.js';

/** Stable rule codes of the summary (汇总) rules (in the rule table of rules.ts: settings can re-level them). */
export const SummaryRule = {
    /** A stated 合计 / source amount differs from the sum of the listed departments (across files). */
    total: 'summary-total',
    /** A department is listed twice. */
    duplicateDepartment: 'summary-duplicate-department',
    /** `文件 "x.perf"` names a file that does not declare the department. */
    memberFile: 'summary-member-file'
} as const;

/**
 * Reconciliation reads other files, so it runs in the 'slow' category (on save, in the CLI); the duplicate
 * check only reads the summary itself and runs on every edit.
 */
export function registerSummaryRules(registry: ValidationRegistry): void {
    const fast: ValidationChecks<PerfAstType> = { Summary: checkDuplicateDepartments };
    const slow: ValidationChecks<PerfAstType> = { Summary: [checkSummaryTotals, checkMemberFiles] };
    registry.register(fast, undefined, 'fast');
    registry.register(slow, undefined, 'slow');
}

export function checkSummaryTotals(summary: Summary, accept: ValidationAcceptor): void {
    const figures = summaryFigures(summary);
    if (figures.unresolved > 0) {
        return; // the unresolved reference is reported by the linker; a partial sum would only add noise
    }
    const unit = unitOf(summary);
    for (const [key, stated] of Object.entries(figures.stated) as Array<[FundKey, NonNullable<typeof figures.stated[FundKey]>]>) {
        const computed = figures.computed[key];
        if (stated.value.equals(computed)) {
            continue;
        }
        const difference = stated.value.minus(computed);
        report(accept, SummaryRule.total,
            `汇总“${summary.name}”的${stated.node.source} ${stated.text} ${unit}与所列 ${summary.members.length} 个部门的`
            + `${stated.node.source}之和 ${formatAmount(computed)} ${unit}不一致（相差 ${formatAmount(difference)}）：`
            + `请核对各部门文件的金额，或改正汇总数。(summary ${stated.node.source} does not equal the sum of its departments)`,
            { node: stated.node, property: 'value' });
    }
}

export function checkDuplicateDepartments(summary: Summary, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const member of summary.members) {
        const name = member.department?.$refText;
        if (name === undefined) {
            continue;
        }
        if (seen.has(name)) {
            report(accept, SummaryRule.duplicateDepartment, `部门“${name}”在汇总中列了两次：请删去重复的一行。(department listed twice)`,
                { node: member, property: 'department' });
        }
        seen.add(name);
    }
}

export function checkMemberFiles(summary: Summary, accept: ValidationAcceptor): void {
    const summaryUri = AstUtils.getDocument(summary).uri;
    for (const member of summary.members) {
        const department = member.department?.ref;
        if (member.file === undefined || !department) {
            continue;
        }
        const expected = UriUtils.resolvePath(UriUtils.dirname(summaryUri), member.file);
        const actual = AstUtils.getDocument(department).uri;
        if (!UriUtils.equals(expected, actual)) {
            report(accept, SummaryRule.memberFile,
                `部门“${department.name}”不在文件“${member.file}”中，而在“${UriUtils.relative(UriUtils.dirname(summaryUri), actual)}”中：`
                + `请改正文件名，或删去“文件”一项。(the department is declared in another file)`,
                { node: member, property: 'file' });
        }
    }
}
