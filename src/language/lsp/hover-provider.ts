import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type LangiumDocument, type LeafCstNode, type MaybePromise } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { departmentFigures, FUND_LABEL, fundKeyOf, projectFigures, SOURCE_KEYS } from '../../model/figures.js';
import { targetMeaning, targetText } from '../../model/indicators.js';
import { formatAmount, parseAmount, type Decimal } from '../../model/money.js';
import { summaryFigures, unitOf } from '../../model/summary-figures.js';
import { describeThreshold } from '../../model/threshold.js';
import {
    isAmount, isDepartment, isIndicator, isIndicatorCategory, isIndicatorGroup, isLevelScore, isProject, isSimpleTarget,
    isQuotedTarget, isSummary, type Amount, type Indicator, type IndicatorCategory, type IndicatorGroup, type Target
} from '../generated/ast.js';
import { codeDocumentation } from './catalog-text.js';
import { grammarKeywordDoc, keywordMarkdown } from './keyword-docs.js';

/**
 * Hover for .perf files: on a code, the catalog entry (level, meaning, typical units, catalog); on an amount,
 * the stated figure against the computed sum and the difference; on any other keyword, what the field means
 * in the published table with an example; on a target, its typed meaning in words.
 */
export class PerfHoverProvider implements HoverProvider {

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf || leaf.hidden) {
            return undefined;
        }
        const markdown = codeHover(leaf) ?? amountHover(leaf) ?? keywordHover(leaf) ?? targetHover(leaf);
        return markdown ? { contents: { kind: 'markdown', value: markdown }, range: leaf.range } : undefined;
    }
}

function codeHover(leaf: LeafCstNode): string | undefined {
    const node = leaf.astNode;
    const feature = GrammarUtils.findAssignment(leaf)?.feature;
    let entry: IndicatorGroup | IndicatorCategory | undefined;
    // A code written on an indicator line or after 分值范围.
    const reference = isIndicator(node) && feature === 'category' ? node.category
        : (isIndicator(node) || isLevelScore(node)) && feature === 'group' ? node.group : undefined;
    if (reference) {
        entry = reference.ref;
        if (!entry) {
            return `**${reference.$refText || leaf.text}**：指标体系中没有这个代码 (not a code of the catalog)`;
        }
    } else if ((isIndicatorCategory(node) || isIndicatorGroup(node)) && feature === 'name') {
        entry = node;
    }
    return entry && codeDocumentation(entry, AstUtils.getDocument(entry).uri.toString());
}

function amountHover(leaf: LeafCstNode): string | undefined {
    const amount = leaf.astNode;
    if (!isAmount(amount)) {
        return undefined;
    }
    const key = fundKeyOf(amount.source);
    const owner = amount.$container;
    const unit = isProject(owner) ? unitOf(owner.$container) : unitOf(owner);
    const heading = `**${amount.source}** ${amount.value} ${unit}（填报 stated）`;
    if (isProject(owner)) {
        const figures = projectFigures(owner);
        if (key !== 'total') {
            return [heading, `项目总计：填报 ${statedText(figures.stated.total?.value)}，按资金来源计算 ${formatAmount(figures.computed.total)}`]
                .join('\n\n');
        }
        const parts = SOURCE_KEYS.map(source => `${FUND_LABEL[source]} ${formatAmount(figures.computed[source])}`).join(' + ');
        return comparison(heading, amount, `${parts} = ${formatAmount(figures.computed.total)}`, figures.computed.total);
    }
    if (isDepartment(owner)) {
        const computed = departmentFigures(owner).computed[key];
        return comparison(heading, amount, `${owner.projects.length} 个项目的${FUND_LABEL[key]}之和 = ${formatAmount(computed)}`, computed);
    }
    if (isSummary(owner)) {
        const figures = summaryFigures(owner);
        const partial = figures.unresolved > 0 ? `（${figures.unresolved} 个部门未找到，合计不完整）` : '';
        return comparison(heading, amount, `${owner.members.length} 个部门的${FUND_LABEL[key]}之和 = ${formatAmount(figures.computed[key])}${partial}`,
            figures.computed[key]);
    }
    return undefined;
}

function comparison(heading: string, amount: Amount, computedLine: string, computed: Decimal): string | undefined {
    const stated = parseAmount(amount.value ?? '');
    if (!stated) {
        return undefined;
    }
    const difference = stated.minus(computed);
    const verdict = difference.isZero() ? '一致 (matches)' : `${difference.isPositive() ? '+' : ''}${formatAmount(difference)}（填报 − 计算）`;
    return [heading, `计算 computed：${computedLine}`, `差额 difference：${verdict}`].join('\n\n');
}

function statedText(value: Decimal | undefined): string {
    return value ? formatAmount(value) : '（未填）';
}

function keywordHover(leaf: LeafCstNode): string | undefined {
    const doc = GrammarAST.isKeyword(leaf.grammarSource) ? grammarKeywordDoc(leaf.grammarSource) : undefined;
    return doc && keywordMarkdown(doc);
}

function targetHover(leaf: LeafCstNode): string | undefined {
    const target = AstUtils.getContainerOfType(leaf.astNode, (node): node is Target => isSimpleTarget(node) || isQuotedTarget(node));
    const indicator = target?.$container;
    if (!target || !isIndicator(indicator)) {
        return undefined;
    }
    const meaning = describeThreshold(targetMeaning(indicator, target === indicator.annual ? 'annual' : 'period'));
    return [`**${roleOf(indicator, target)}** ${targetText(target)}`, meaning].join('\n\n');
}

function roleOf(indicator: Indicator, target: Target): string {
    if (target === indicator.both) {
        return '指标值（实施周期与年度）';
    }
    return target === indicator.annual ? '年度指标值' : '实施周期指标值';
}
