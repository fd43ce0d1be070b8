import { GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { cellText, departmentFigures, projectFigures } from '../../model/figures.js';
import { annualTarget, codeLabel, categoryOf, periodTarget, targetText } from '../../model/indicators.js';
import { unitOf } from '../../model/summary-figures.js';
import type {
    Catalog, CostItem, Department, Indicator, IndicatorCategory, IndicatorGroup, NamedAmount, PerfFile, Project, Summary
} from '../generated/ast.js';

/**
 * The outline: department → its named funds, projects (with their 总计) and its own indicators (部门整体);
 * project → named funds, cost items and indicators (with code, targets and weight), in the order written;
 * and catalogs → level-1 → level-2 codes. A project form's header (主管部门, 起止时间 …) is no entry: it
 * would bury the indicators. Langium's default would name indicators by their name only and show no figures.
 */
export class PerfDocumentSymbolProvider implements DocumentSymbolProvider {

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): MaybePromise<DocumentSymbol[]> {
        const root = document.parseResult.value as PerfFile;
        return [
            ...root.catalogs.map(catalogSymbol),
            ...root.departments.map(departmentSymbol),
            ...(root.summaries ?? []).map(summarySymbol)
        ].filter((symbol): symbol is DocumentSymbol => symbol !== undefined);
    }
}

function departmentSymbol(department: Department): DocumentSymbol | undefined {
    const total = cellText(departmentFigures(department), 'total');
    return symbol(department, department.name, SymbolKind.Namespace, `合计 ${total} ${unitOf(department)}`, inWrittenOrder(
        department.funds.map(fundSymbol), department.projects.map(projectSymbol), department.indicators.map(indicatorSymbol)));
}

function projectSymbol(project: Project): DocumentSymbol | undefined {
    return symbol(project, project.name, SymbolKind.Package, `总计 ${cellText(projectFigures(project), 'total')}`, inWrittenOrder(
        project.funds.map(fundSymbol), project.costs.map(costSymbol), project.indicators.map(indicatorSymbol)));
}

function fundSymbol(fund: NamedAmount): DocumentSymbol | undefined {
    return symbol(fund, fund.name, SymbolKind.Constant, `资金 ${fund.value}${fund.within ? ` 计入 ${fund.within}` : ''}`);
}

function costSymbol(cost: CostItem): DocumentSymbol | undefined {
    return symbol(cost, cost.name, SymbolKind.Property, `成本 ${cost.value}${cost.prior ? ` · 上年 ${cost.prior}` : ''}`);
}

function indicatorSymbol(indicator: Indicator): DocumentSymbol | undefined {
    const code = codeLabel(categoryOf(indicator), indicator.category?.$refText ?? '');
    const unit = indicator.unit ? `（${indicator.unit}）` : '';   // a separate unit column: ≥90（%）
    const weight = indicator.weight ? ` · ${indicator.weightLabel} ${indicator.weight}` : '';
    return symbol(indicator, indicator.name, SymbolKind.Field, `${code} · ${targetsText(indicator)}${unit}${weight}`);
}

/** The targets as written: 指标值 alone, or the long-term one (by the label written) and the annual one. */
function targetsText(indicator: Indicator): string {
    if (indicator.both) {
        return targetText(indicator.both);
    }
    const period = periodTarget(indicator) && `${indicator.periodLabel ?? '实施周期'} ${targetText(periodTarget(indicator))}`;
    const annual = annualTarget(indicator) && `年度 ${targetText(annualTarget(indicator))}`;
    return [period, annual].filter(Boolean).join(' / ');
}

/** Children of several kinds, in the order the text has them. */
function inWrittenOrder(...kinds: Array<Array<DocumentSymbol | undefined>>): Array<DocumentSymbol | undefined> {
    const present = kinds.flat().filter((child): child is DocumentSymbol => child !== undefined);
    return present.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function summarySymbol(summary: Summary): DocumentSymbol | undefined {
    return symbol(summary, summary.name, SymbolKind.Namespace, `汇总 ${summary.members.length} 个部门`,
        summary.members.map(member => symbol(member, member.department?.$refText ?? '', SymbolKind.Module, member.file ?? '', [], 'department')));
}

function catalogSymbol(catalog: Catalog): DocumentSymbol | undefined {
    return symbol(catalog, `指标体系 ${catalog.name}`, SymbolKind.Namespace, '', catalog.groups.map(groupSymbol));
}

function groupSymbol(group: IndicatorGroup): DocumentSymbol | undefined {
    return symbol(group, `${group.name} ${group.label}`, SymbolKind.Enum, '一级指标', group.categories.map(categorySymbol));
}

function categorySymbol(category: IndicatorCategory): DocumentSymbol | undefined {
    return symbol(category, `${category.name} ${category.label}`, SymbolKind.EnumMember,
        category.units.length > 0 ? `常用单位 ${category.units.join(' ')}` : '');
}

function symbol(node: AstNode, name: string, kind: SymbolKind, detail: string,
    children: Array<DocumentSymbol | undefined> = [], nameProperty = 'name'): DocumentSymbol | undefined {
    const cst = node.$cstNode;
    if (!cst) {
        return undefined;
    }
    const nameNode = GrammarUtils.findNodeForProperty(cst, nameProperty) ?? cst;
    const present = children.filter((child): child is DocumentSymbol => child !== undefined);
    return {
        name: name || '（未命名）',
        kind,
        detail,
        range: cst.range,
        selectionRange: nameNode.range,
        ...(present.length > 0 ? { children: present } : {})
    };
}
