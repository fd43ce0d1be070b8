/**
 * The check a compile runs before it builds a layout: a field the layout requires and the document lacks is
 * an error naming it (at the project or department that lacks it); a field the document has and the layout
 * does not print is a warning, so no content is left out of a table silently (converting with `perf compile --layout`).
 */
import { GrammarUtils, type AstNode } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Department, Indicator, PerfFile, Project } from '../language/generated/ast.js';
import {
    DEPARTMENT_FIELDS, INDICATOR_FIELDS, PROJECT_FIELDS, type DepartmentField, type Field, type IndicatorField, type ProjectField
} from './layout-fields.js';
import type { Layout } from './layouts.js';

export const LAYOUT_MISSING_FIELD = 'layout-missing-field';
export const LAYOUT_UNPRINTED_FIELD = 'layout-unprinted-field';

/** Errors for what `layout` requires and the document lacks; warnings for what it has and `layout` does not print. */
export function layoutProblems(file: PerfFile, layout: Layout): Diagnostic[] {
    const problems: Diagnostic[] = [];
    const missing = (node: AstNode, field: Field<never>, owner: string) => problems.push(diagnostic(node, DiagnosticSeverity.Error,
        LAYOUT_MISSING_FIELD, `表式“${layout.name}”需要${field.label}，${owner}没有：请写 ${field.keyword}，或用 --layout 选另一表式 `
        + `(layout ${layout.alias} needs ${field.label})`));
    const unprinted = new Map<string, { node: AstNode; count: number }>();
    const note = (node: AstNode, field: Field<never>) => {
        const seen = unprinted.get(field.label);
        if (seen) {
            seen.count++;
        } else {
            unprinted.set(field.label, { node, count: 1 });
        }
    };
    const projectFields = Object.entries(PROJECT_FIELDS) as Array<[ProjectField, Field<Project>]>;
    const departmentFields = Object.entries(DEPARTMENT_FIELDS) as Array<[DepartmentField, Field<Department>]>;
    const indicatorFields = Object.entries(INDICATOR_FIELDS) as Array<[IndicatorField, Field<Indicator>]>;
    const checkIndicators = (indicators: Indicator[]) => {
        for (const indicator of indicators) {
            for (const [key, field] of indicatorFields) {
                if (field.has(indicator) && !layout.prints.indicator.includes(key)) {
                    note(indicator, field);
                }
            }
        }
    };
    for (const department of file.departments) {
        for (const [key, field] of departmentFields) {
            if (layout.requires.department.includes(key) && !field.has(department)) {
                missing(department, field, `部门“${department.name}”`);
            } else if (field.has(department) && !layout.prints.department.includes(key)) {
                note(department, field);
            }
        }
        if (layout.prints.department.includes('indicators')) {
            checkIndicators(department.indicators);
        }
        if (department.projects.length > 0 && layout.shape === 'department') {
            note(department.projects[0], { label: '项目', keyword: '项目', has: () => true });
        }
        for (const project of department.projects) {
            for (const [key, field] of projectFields) {
                if (layout.requires.project.includes(key) && !field.has(project)) {
                    missing(project, field, `项目“${project.name}”`);
                } else if (field.has(project) && !layout.prints.project.includes(key) && layout.shape !== 'department') {
                    note(project, field);
                }
            }
            if (layout.shape !== 'department') {
                checkIndicators(project.indicators);
            }
        }
    }
    for (const [label, { node, count }] of unprinted) {
        problems.push(diagnostic(node, DiagnosticSeverity.Warning, LAYOUT_UNPRINTED_FIELD,
            `表式“${layout.name}”没有${label}的位置，${count > 1 ? `${count}处` : '此处'}${label}不会印出 `
            + `(layout ${layout.alias} does not print ${label}; choose another layout with --layout to keep it)`));
    }
    return problems;
}

/** At the name of a project or department (the line a budget officer looks for), else the node's start. */
function diagnostic(node: AstNode, severity: DiagnosticSeverity, code: string, message: string): Diagnostic {
    const at = (node.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, 'name')) ?? node.$cstNode;
    const range = at?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { range, severity, code, source: 'perf', message };
}
