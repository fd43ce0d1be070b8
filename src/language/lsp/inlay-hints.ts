import { GrammarUtils, interruptAndCheck, type AstNode, type LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { CancellationToken, InlayHintKind, type InlayHint, type InlayHintParams, type Position, type Range } from 'vscode-languageserver';
import { departmentFigures, projectFigures, SOURCE_KEYS, type RowFigures } from '../../model/figures.js';
import { exactAmount, formatAmount, signedDifference, type Decimal } from '../../model/money.js';
import type { Department, PerfFile, Project } from '../generated/ast.js';
import type { PerfSettings } from '../settings/perf-settings.js';
import { departmentSums, projectSums, verdictOf, type StatedAgainstSum } from '../validation/reconciliation.js';

const VERDICT_TEXT = { rounding: '四舍五入 rounding', mismatch: '不符 mismatch' } as const;

/**
 * The computed figures beside the written ones: after a stated 总计/合计 (or a department's source column) the
 * sum it should be, `Σ ✓` when they agree, else `Σ 67,522.74 · 相差 +0.01（四舍五入 rounding）` with the same
 * verdict as the reconciliation check; after the name of a project or department that states no total, the
 * computed one. Exact decimals throughout (src/model/figures.ts, reconciliation.ts).
 */
export class PerfInlayHintProvider implements InlayHintProvider {

    constructor(private readonly settings: Pick<PerfSettings, 'roundingTolerance'>) {}

    async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken = CancellationToken.None): Promise<InlayHint[]> {
        const hints: InlayHint[] = [];
        for (const department of (document.parseResult.value as PerfFile).departments ?? []) {
            await interruptAndCheck(cancelToken);
            if (!overlaps(department, params.range)) {
                continue;
            }
            this.figureHints(hints, department, departmentSums(department), departmentFigures(department), '合计');
            for (const project of department.projects) {
                if (overlaps(project, params.range)) {
                    this.figureHints(hints, project, projectSums(project), projectFigures(project), '总计');
                }
            }
        }
        return hints.filter(hint => hint.position.line >= params.range.start.line && hint.position.line <= params.range.end.line);
    }

    private figureHints(hints: InlayHint[], owner: Project | Department, sums: StatedAgainstSum[], row: RowFigures, totalLabel: string): void {
        for (const figure of sums) {
            const end = endOf(figure.stated.node, 'value');
            if (end) {
                hints.push(this.comparisonHint(figure, end));
            }
        }
        const computedOnly = !row.stated.total && (owner.$type === 'Department' ? owner.projects.length > 0 : SOURCE_KEYS.some(key => row.stated[key]));
        const end = computedOnly ? endOf(owner, 'name') : undefined;
        if (end) {
            hints.push({
                position: end, kind: InlayHintKind.Type, paddingLeft: true,
                label: `${totalLabel} Σ ${amountText(row.computed.total)}`,
                tooltip: `未写${totalLabel}：表中显示计算出的${totalLabel} (no stated total: the table shows the computed one)`
            });
        }
    }

    private comparisonHint(figure: StatedAgainstSum, position: Position): InlayHint {
        const verdict = verdictOf(figure, this.settings.roundingTolerance);
        const computed = amountText(figure.computed);
        const label = verdict.kind === 'equal'
            ? 'Σ ✓'
            : `Σ ${computed} · 相差 ${signedDifference(verdict.difference)}（${VERDICT_TEXT[verdict.kind]}）`;
        return {
            position, kind: InlayHintKind.Type, paddingLeft: true, label,
            tooltip: `${figure.computedName} = ${computed}${verdict.kind === 'equal' ? '，与填报一致 (matches)' : '（相差 = 填报 − 计算）'}`
        };
    }
}

function amountText(value: Decimal): string {
    return value.decimalPlaces() > 2 ? exactAmount(value) : formatAmount(value);
}

function endOf(node: AstNode, property: string): Position | undefined {
    const cst = node.$cstNode;
    return cst ? GrammarUtils.findNodeForProperty(cst, property)?.range.end : undefined;
}

function overlaps(node: AstNode, range: Range): boolean {
    const own = node.$cstNode?.range;
    return !!own && own.start.line <= range.end.line && own.end.line >= range.start.line;
}
