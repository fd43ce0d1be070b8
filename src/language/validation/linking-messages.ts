/**
 * perf's own rule codes and messages for references the linker could not resolve (an indicator code, a
 * catalog, a summary's department), instead of Langium's generic "Could not resolve reference".
 */
import type { IndexManager, ReferenceInfo } from 'langium';
import { Catalog, Department, Indicator, isIndicator, isLevelScore, SummaryMember, type LevelScore, type IndicatorCategory, type IndicatorGroup } from '../generated/ast.js';
import { catalogOf, type PerfScopeProvider } from '../perf-scope.js';
import type { RuleCode } from './rules.js';

export interface LinkingMessage {
    code: RuleCode;
    text: string;
}

export class LinkingMessages {

    constructor(private readonly scopes: PerfScopeProvider, private readonly index: IndexManager) {}

    /** The message for an unresolved reference, or undefined where Langium's own is kept. */
    messageFor({ container, property }: Pick<ReferenceInfo, 'container' | 'property'>, written: string): LinkingMessage | undefined {
        if (isIndicator(container)) {
            return this.unknownCode(container, property, written);
        }
        if (isLevelScore(container)) {
            return this.unknownCode(container, Indicator.group, written);
        }
        if (container.$type === Department.$type && property === Department.catalog) {
            return this.unknownCatalog(written);
        }
        return container.$type === SummaryMember.$type ? unknownDepartment(written) : undefined;
    }

    private unknownCode(indicator: Indicator | LevelScore, property: string, written: string): LinkingMessage {
        const catalog = catalogOf(indicator, this.scopes);
        const level = property === Indicator.group ? '一级' : '二级';
        if (!catalog) {
            return { code: 'unknown-code', text: `${level}指标代码“${written}”无法识别：找不到所选的指标体系。` };
        }
        const known: Array<IndicatorGroup | IndicatorCategory> = property === Indicator.group
            ? catalog.groups
            : catalog.groups.flatMap(group => group.categories);
        const list = known.map(node => `${node.name}-${node.label}`).join('、');
        return {
            code: 'unknown-code',
            text: `${level}指标代码“${written}”不在指标体系“${catalog.name}”中；可用的${level}指标代码：${list}。`
                + `（unknown ${property === Indicator.group ? 'level-1' : 'level-2'} code）`
        };
    }

    private unknownCatalog(written: string): LinkingMessage {
        const names = this.index.allElements(Catalog.$type).map(catalog => `“${catalog.name}”`).distinct().join('、');
        return { code: 'unknown-catalog', text: `找不到指标体系“${written}”；可用的指标体系：${names}。（unknown catalog）` };
    }
}

/** A summary (汇总) lists a department that no workspace file declares. */
function unknownDepartment(written: string): LinkingMessage {
    return {
        code: 'unknown-department',
        text: `找不到部门“${written}”：请检查名称是否与部门文件中“部门 "…"”一致；用 perf check 时请把各部门文件一并列出`
            + '（如 perf check *.perf）。（unknown department）'
    };
}
