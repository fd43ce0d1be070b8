/**
 * The indicator catalogs as plain data, for the importer: published tables print codes with labels
 * ("11-数量指标") or labels alone, and the importer must find the catalog and the level-2 code they mean.
 */
import type { LangiumSharedCoreServices } from 'langium';
import { DEFAULT_CATALOG } from '../catalog/builtin-catalogs.js';
import { isPerfFile, type Catalog } from '../language/generated/ast.js';

export interface CatalogCategoryInfo { code: string; label: string; groupCode: string; groupLabel: string }

export interface CatalogInfo {
    name: string;
    groups: Map<string, string>;
    categories: Map<string, CatalogCategoryInfo>;
}

export function catalogInfo(catalog: Catalog): CatalogInfo {
    const groups = new Map<string, string>();
    const categories = new Map<string, CatalogCategoryInfo>();
    for (const group of catalog.groups) {
        groups.set(group.name, group.label);
        for (const category of group.categories) {
            categories.set(category.name, { code: category.name, label: category.label, groupCode: group.name, groupLabel: group.label });
        }
    }
    return { name: catalog.name, groups, categories };
}

/** Every catalog the workspace knows (the built-in ones once the workspace is initialized), default first. */
export function workspaceCatalogs(shared: LangiumSharedCoreServices): CatalogInfo[] {
    const catalogs = shared.workspace.LangiumDocuments.all
        .map(document => document.parseResult.value)
        .filter(isPerfFile)
        .flatMap(file => file.catalogs)
        .map(catalogInfo)
        .toArray();
    return catalogs.sort((a, b) => Number(b.name === DEFAULT_CATALOG) - Number(a.name === DEFAULT_CATALOG));
}

/** Labels compared loosely: 经济效益指标 = 经济效益, spaces ignored. */
export function sameLabel(a: string | undefined, b: string | undefined): boolean {
    const normalize = (label: string) => label.replace(/\s+/g, '').replace(/指标$/, '');
    return a !== undefined && b !== undefined && normalize(a) === normalize(b);
}

export interface ResolvedCode {
    /** The level-2 code to write. */
    category: string;
    /** A level-1 code to write as `1/11`, when the table pairs the level-2 code with another level-1 code. */
    group?: string;
    /** Differences between the table and the catalog, for a comment. */
    caveats: string[];
}

/**
 * The level-2 code an indicator means in `catalog`: its written code when the catalog has it, else the code
 * whose label matches (within the level-1 indicator, when one is given). Undefined when nothing fits.
 */
export function resolveCategory(catalog: CatalogInfo, written: {
    groupCode?: string; groupLabel?: string; categoryCode?: string; categoryLabel?: string
}): ResolvedCode | undefined {
    const caveats: string[] = [];
    let category = written.categoryCode !== undefined ? catalog.categories.get(written.categoryCode) : undefined;
    if (!category && written.categoryLabel) {
        category = [...catalog.categories.values()].find(candidate => sameLabel(candidate.label, written.categoryLabel)
            && (written.groupCode === undefined || candidate.groupCode === written.groupCode)
            && (written.groupLabel === undefined || sameLabel(candidate.groupLabel, written.groupLabel)));
        if (category && written.categoryCode !== undefined) {
            caveats.push(`二级指标代码 ${written.categoryCode} 不在指标体系“${catalog.name}”中，按名称“${written.categoryLabel}”取 ${category.code}`);
        }
    }
    if (!category) {
        return undefined;
    }
    let group: string | undefined;
    if (written.groupCode !== undefined && written.groupCode !== category.groupCode && catalog.groups.has(written.groupCode)) {
        group = written.groupCode;
    } else if (written.groupCode !== undefined && written.groupCode !== category.groupCode) {
        caveats.push(`一级指标“${written.groupCode}-${written.groupLabel ?? ''}”不在指标体系“${catalog.name}”中，按二级指标取“${category.groupCode}-${category.groupLabel}”`);
    }
    const groupLabel = group ? catalog.groups.get(group) : category.groupLabel;
    if (written.groupLabel !== undefined && written.groupLabel !== groupLabel) {
        caveats.push(`原表一级指标为“${written.groupLabel}”，指标体系“${catalog.name}”中为“${groupLabel}”`);
    }
    if (written.categoryLabel !== undefined && written.categoryLabel !== category.label) {
        caveats.push(`原表二级指标为“${written.categoryLabel}”，指标体系“${catalog.name}”中为“${category.label}”`);
    }
    return { category: category.code, ...(group ? { group } : {}), caveats };
}

/** The catalog that explains the most indicators exactly (codes and labels); the default one on a tie. */
export function chooseCatalog(catalogs: CatalogInfo[], indicators: Parameters<typeof resolveCategory>[1][]): CatalogInfo | undefined {
    let best: CatalogInfo | undefined;
    let bestScore = -1;
    for (const catalog of catalogs) {
        const score = indicators.filter(indicator => {
            const resolved = resolveCategory(catalog, indicator);
            return resolved && resolved.caveats.length === 0;
        }).length;
        if (score > bestScore) {
            best = catalog;
            bestScore = score;
        }
    }
    return best;
}
