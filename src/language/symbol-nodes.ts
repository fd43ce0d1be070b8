import { SymbolKind } from 'vscode-languageserver-types';
import type { Department, Indicator, PerfFile, Project } from './generated/ast.js';

/** A node a user looks for by name across the workspace: a department, a project or an indicator. */
export interface SymbolNode {
    node: Department | Project | Indicator;
    kind: SymbolKind;
    /** The name of the department or project it belongs to. */
    containerName?: string;
}

/**
 * The named nodes of a file in document order: workspace symbols list them, and a document held without its
 * CST keeps their name positions in this order (langium-speed/closed-document-cst.ts).
 */
export function* symbolNodes(root: PerfFile): Generator<SymbolNode> {
    for (const department of root.departments ?? []) {
        yield { node: department, kind: SymbolKind.Namespace };
        for (const indicator of department.indicators ?? []) {
            yield { node: indicator, kind: SymbolKind.Field, containerName: department.name }; // 部门整体 indicators
        }
        for (const project of department.projects ?? []) {
            yield { node: project, kind: SymbolKind.Package, containerName: department.name };
            for (const indicator of project.indicators) {
                yield { node: indicator, kind: SymbolKind.Field, containerName: project.name };
            }
        }
    }
}
