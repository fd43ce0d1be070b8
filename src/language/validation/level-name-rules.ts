/**
 * Level names as published (`一级 "预期产出指标"`, `二级 "数量指标（或建筑规模指标）"`): never mapped silently. A
 * name the catalog does not use but the table of older names knows is an info naming the code it maps to; a
 * name nobody knows, or one that means another code than the one written, is a warning.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Catalog, Indicator, IndicatorCategory, IndicatorGroup, PerfAstType } from '../generated/ast.js';
import { mapLevelName, normalizeLevelName, type LevelNameLevel } from '../../catalog/level-names.js';
import { categoryOf, codeLabel, groupOf } from '../../model/indicators.js';
import { catalogOf, type PerfScopeProvider } from '../perf-scope.js';
import { report } from './rules.js';

const LEVEL_WORD: Record<LevelNameLevel, string> = { 1: '一级', 2: '二级' };

/** 经济效益 and 经济效益指标 are one name (the 2015 catalog drops 指标, the 2021 one writes it). */
const sameName = (a: string, b: string) => normalizeLevelName(a).replace(/指标$/, '') === normalizeLevelName(b).replace(/指标$/, '');

export class LevelNameRules {

    constructor(private readonly scopes: PerfScopeProvider) {}

    checks(): ValidationChecks<PerfAstType> {
        return {
            Indicator: (indicator, accept) => {
                if (indicator.groupLabel === undefined && indicator.categoryLabel === undefined) {
                    return;
                }
                const catalog = catalogOf(indicator, this.scopes);
                if (indicator.groupLabel !== undefined) {
                    this.checkLevelName(indicator, 1, indicator.groupLabel, groupOf(indicator), catalog, accept);
                }
                if (indicator.categoryLabel !== undefined) {
                    this.checkLevelName(indicator, 2, indicator.categoryLabel, categoryOf(indicator), catalog, accept);
                }
            }
        };
    }

    checkLevelName(indicator: Indicator, level: LevelNameLevel, name: string,
        written: IndicatorGroup | IndicatorCategory | undefined, catalog: Catalog | undefined, accept: ValidationAcceptor): void {
        if (!catalog || (written && sameName(name, written.label))) {
            return;
        }
        const property = level === 1 ? 'groupLabel' : 'categoryLabel';
        const nodes: Array<IndicatorGroup | IndicatorCategory> = level === 1 ? catalog.groups : catalog.groups.flatMap(group => group.categories);
        const own = nodes.find(node => sameName(name, node.label));
        const mapping = own ? { code: own.name, codes: [own.name], note: `指标体系“${catalog.name}”中的名称` } : mapLevelName(name, level, catalog.name);
        const writtenText = written ? `写明的代码 ${codeLabel(written, written.name)}` : '写明的代码';
        if (!mapping) {
            report(accept, 'unknown-level-name',
                `${LEVEL_WORD[level]}指标名称“${name}”不在指标体系“${catalog.name}”中，也不是已知的旧称：无法对应到指标代码，`
                + `按${writtenText}计；请核对名称或代码。（a level name outside the catalog）`,
                { node: indicator, property });
            return;
        }
        const mapped = nodes.find(node => node.name === mapping.code);
        const mappedText = mapped ? codeLabel(mapped, mapped.name) : mapping.code;
        if (written && !mapping.codes.includes(written.name)) {
            report(accept, 'level-name-mismatch',
                `${LEVEL_WORD[level]}指标名称“${name}”对应 ${mappedText}（${mapping.note}），与${writtenText}不符：请改正名称或代码。`
                + '（a level name that means another code than the one written）',
                { node: indicator, property }, { code: mapping.code });
            return;
        }
        if (!own) {
            report(accept, 'level-name-mapped',
                `${LEVEL_WORD[level]}指标名称“${name}”对应指标体系“${catalog.name}”的 ${written ? codeLabel(written, written.name) : mappedText}`
                + `（${mapping.note}）；表中照原文印出。（an older or local level name, mapped to its catalog code）`,
                { node: indicator, property }, { code: written?.name ?? mapping.code });
        }
    }
}
