/** A setting written twice in one department or project: the parser keeps the last one silently. */
import { GrammarUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { Department, Project, type Amount, type PerfAstType } from '../generated/ast.js';
import { FUND_LABEL, fundKeyOf, type FundKey } from '../../model/figures.js';
import { report } from './rules.js';

const DEPARTMENT_SETTINGS: ReadonlyArray<[string, string]> = [
    [Department.title, '表名'], [Department.year, '预算年度'], [Department.unit, '单位'], [Department.catalog, '指标体系']
];
const PROJECT_SETTINGS: ReadonlyArray<[string, string]> = [[Project.user, '资金使用单位']];

export class SettingRules {

    checks(): ValidationChecks<PerfAstType> {
        return {
            Department: (department, accept) => {
                this.checkRepeated(department, DEPARTMENT_SETTINGS, accept);
                this.checkRepeatedSources(department.amounts, accept);
            },
            Project: (project, accept) => {
                this.checkRepeated(project, PROJECT_SETTINGS, accept);
                this.checkRepeatedSources(project.amounts, accept);
            }
        };
    }

    private checkRepeated(node: AstNode, settings: ReadonlyArray<[string, string]>, accept: ValidationAcceptor): void {
        for (const [property, label] of settings) {
            const written = GrammarUtils.findNodesForProperty(node.$cstNode, property);
            for (const repeated of written.slice(1)) {
                report(accept, 'duplicate-setting',
                    `${label}写了 ${written.length} 次（第 ${written[0].range.start.line + 1} 行已写过）：只保留一处，否则后写的会悄悄覆盖先写的。`
                    + '（a setting written twice）',
                    { node, range: repeated.range });
            }
        }
    }

    /** 合计 and 总计 are one column: writing both counts as twice. */
    private checkRepeatedSources(amounts: Amount[], accept: ValidationAcceptor): void {
        const first = new Map<FundKey, Amount>();
        for (const amount of amounts) {
            if (!amount.source) {
                continue;
            }
            const key = fundKeyOf(amount.source);
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, amount);
                continue;
            }
            const line = (earlier.$cstNode?.range.start.line ?? 0) + 1;
            report(accept, 'duplicate-setting',
                `${FUND_LABEL[key]}写了两次（第 ${line} 行已写过 ${earlier.source} ${earlier.value}）：只保留一处，否则后写的会悄悄覆盖先写的。`
                + '（a fund source written twice）',
                { node: amount, property: 'source' });
        }
    }
}
