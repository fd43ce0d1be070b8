/**
 * One comparator, one spelling per document: ≥ beside ≧ or 大于等于 is flagged (info), with a quick fix
 * that rewrites them all to the most used spelling. Only comparators written before a number (SimpleTarget)
 * count: quoted targets are prose kept exactly as published.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { isSimpleTarget, type PerfAstType, type PerfFile, type SimpleTarget, type Target } from '../generated/ast.js';
import { comparatorOf, comparatorSymbol, type ComparatorKind } from '../../model/threshold.js';
import { report } from './rules.js';

/** The targets of a document grouped by comparator kind, then by spelling, in document order. */
export function comparatorSpellings(root: PerfFile): Map<ComparatorKind, Map<string, SimpleTarget[]>> {
    const byKind = new Map<ComparatorKind, Map<string, SimpleTarget[]>>();
    const add = (target: Target | undefined) => {
        if (!isSimpleTarget(target) || !target.comparator) {
            return;
        }
        const kind = comparatorOf(target.comparator)?.kind;
        if (!kind) {
            return;
        }
        const spellings = byKind.get(kind) ?? new Map<string, SimpleTarget[]>();
        byKind.set(kind, spellings);
        const targets = spellings.get(target.comparator) ?? [];
        spellings.set(target.comparator, targets);
        targets.push(target);
    };
    // Every written target in document order, by a typed walk (not a visit of every AST node) of plain
    // loops: a generator and the flattened lists of projects and indicators cost as much as the grouping.
    for (const department of root.departments) {
        for (const project of department.projects) {
            for (const indicator of project.indicators) {
                add(indicator.both);
                add(indicator.period);
                add(indicator.annual);
            }
        }
    }
    return byKind;
}

/** The spelling to keep: the most used; on a tie the canonical symbol (≥ ≤ > < = ≠), else the first met. */
export function preferredSpelling(kind: ComparatorKind, spellings: Map<string, SimpleTarget[]>): string {
    let best: string | undefined;
    for (const [spelling, targets] of spellings) {
        const bestCount = best === undefined ? -1 : spellings.get(best)!.length;
        if (targets.length > bestCount || (targets.length === bestCount && spelling === comparatorSymbol(kind))) {
            best = spelling;
        }
    }
    return best!;
}

export class ComparatorRules {

    checks(): ValidationChecks<PerfAstType> {
        return { PerfFile: this.checkMixedComparators.bind(this) };
    }

    checkMixedComparators(root: PerfFile, accept: ValidationAcceptor): void {
        for (const [kind, spellings] of comparatorSpellings(root)) {
            if (spellings.size < 2) {
                continue;
            }
            const preferred = preferredSpelling(kind, spellings);
            const counts = [...spellings].map(([spelling, targets]) => `${spelling} ${targets.length} 处`).join('，');
            for (const [spelling, targets] of spellings) {
                if (spelling === preferred) {
                    continue;
                }
                for (const target of targets) {
                    report(accept, 'mixed-comparators',
                        `“${spelling}”与本文件更常用的“${preferred}”是同一比较符（${counts}）：建议统一写成“${preferred}”。`
                        + '（one comparator, several spellings）',
                        { node: target, property: 'comparator' }, { kind, spelling: preferred });
                }
            }
        }
    }
}
