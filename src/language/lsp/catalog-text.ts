import { AstUtils } from 'langium';
import { isCatalog, isIndicatorCategory, type IndicatorCategory, type IndicatorGroup } from '../generated/ast.js';

/** How an editor names a catalog code: `11 数量指标（产出指标）`, `1 产出指标（一级指标）`. */
export function codeTitle(node: IndicatorGroup | IndicatorCategory): string {
    return isIndicatorCategory(node)
        ? `${node.name} ${node.label}（${node.$container.label}）`
        : `${node.name} ${node.label}（一级指标）`;
}

/** The catalog's 常用单位 of a level-2 code, or of every level-2 code under a level-1 code. */
export function typicalUnits(node: IndicatorGroup | IndicatorCategory): string[] {
    const categories = isIndicatorCategory(node) ? [node] : node.categories;
    return [...new Set(categories.flatMap(category => category.units))];
}

/**
 * Markdown for a hover or a completion item: level, meaning, typical units and the catalog it comes from.
 */
export function codeDocumentation(node: IndicatorGroup | IndicatorCategory, catalogUri?: string): string {
    const catalog = AstUtils.getContainerOfType(node, isCatalog);
    const level = isIndicatorCategory(node)
        ? `二级指标，属于一级指标 ${node.$container.name} ${node.$container.label}`
        : `一级指标，下设 ${node.categories.map(category => `${category.name} ${category.label}`).join('、') || '（无二级指标）'}`;
    const lines = [`**${node.name} ${node.label}** · ${level}`];
    if (isIndicatorCategory(node) && node.description.length > 0) {
        lines.push(node.description.join(''));
    }
    const units = typicalUnits(node);
    if (units.length > 0) {
        lines.push(`常用单位 (typical units)：${units.join('、')}`);
    }
    if (catalog) {
        lines.push(`指标体系 (catalog)：${catalog.name}${catalogUri ? `（${catalogUri}）` : ''}`);
    }
    return lines.join('\n\n');
}
