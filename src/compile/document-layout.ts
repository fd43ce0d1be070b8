/**
 * Which layout a document is published in: `perf compile --layout` (a converter) over the 表式 the document
 * names, over the default 项目列表; and what keeps it from being published in that layout.
 */
import { GrammarUtils } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { PerfFile } from '../language/generated/ast.js';
import { layoutProblems } from './layout-problems.js';
import { DEFAULT_LAYOUT, layoutNamed, layoutNames, type Layout } from './layouts.js';

export const UNKNOWN_LAYOUT = 'unknown-layout';

/** The layout the document's (first department's) 表式 names, else the default; an unknown name gives the default. */
export function documentLayout(file: PerfFile): Layout {
    const name = file.departments.find(department => department.layout !== undefined)?.layout;
    return (name !== undefined ? layoutNamed(name) : undefined) ?? DEFAULT_LAYOUT;
}

/** The layout to publish in and the problems of doing so: errors stop the compile, warnings name what is not printed. */
export function publishingLayout(file: PerfFile, override?: Layout): { layout: Layout; problems: Diagnostic[] } {
    const problems: Diagnostic[] = [];
    for (const department of override ? [] : file.departments) {
        if (department.layout !== undefined && !layoutNamed(department.layout)) {
            const at = department.$cstNode && GrammarUtils.findNodeForProperty(department.$cstNode, 'layout');
            problems.push({
                range: at?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                severity: DiagnosticSeverity.Error,
                code: UNKNOWN_LAYOUT,
                source: 'perf',
                message: `未知的表式“${department.layout}”：可用 ${layoutNames()} (unknown layout)`
            });
        }
    }
    const layout = override ?? documentLayout(file);
    return { layout, problems: [...problems, ...layoutProblems(file, layout)] };
}
