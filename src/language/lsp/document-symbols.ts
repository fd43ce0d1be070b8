import { GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { cellText, departmentFigures, projectFigures } from '../../model/figures.js';
import { annualTarget, codeLabel, categoryOf, periodTarget, targetText } from '../../model/indicators.js';
import { unitOf } from '../../model/summary-figures.js';
import type {
    Catalog, Department, Indicator, IndicatorCategory, IndicatorGroup, PerfFile, Project, Summary
} from '../generated/ast.js';

/**
 * The outline: department → projects (with their 总计) → indicators (with code and target), and catalogs →
 * level-1 → level-2 codes. Langium's default would name indicators by their name only and show no figures.
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
    return symbol(department, department.name, SymbolKind.Namespace, `合计 ${total} ${unitOf(department)}`,
        department.projects.map(projectSymbol));
}

function projectSymbol(project: Project): DocumentSymbol | undefined {
    return symbol(project, project.name, SymbolKind.Package, `总计 ${cellText(projectFigures(project), 'total')}`,
        project.indicators.map(indicatorSymbol));
}

function indicatorSymbol(indicator: Indicator): DocumentSymbol | undefined {
    const code = codeLabel(categoryOf(indicator), indicator.category?.$refText ?? '');
    const targets = indicator.both
        ? targetText(indicator.both)
        : `实施周期 ${targetText(periodTarget(indicator))} / 年度 ${targetText(annualTarget(indicator))}`;
    return symbol(indicator, indicator.name, SymbolKind.Field, `${code} · ${targets}`);
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
