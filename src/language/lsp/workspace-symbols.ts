import { GrammarUtils, interruptAndCheck, type AstNode, type LangiumDocuments } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, SymbolKind, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { PerfFile } from '../generated/ast.js';

/**
 * Workspace symbols: the exported ones (departments, catalogs) as Langium finds them, plus every project and
 * indicator of every file, which are not global symbols (linking stays per file) but are what a user looks
 * for. Chinese names have no word starts for the fuzzy matcher, so any part of a name matches too
 * (会计 and 培训 both find 会计人员培训).
 */
export class PerfWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {

    private readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
    }

    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const symbols = await super.getSymbols(params, cancelToken);
        const query = params.query.toLowerCase();
        const matches = (name: string) => name.toLowerCase().includes(query) || this.fuzzyMatcher.match(query, name);
        const seen = new Set(symbols.map(symbol => `${symbol.name}\n${'uri' in symbol.location ? symbol.location.uri : ''}`));
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            const uri = document.uri.toString();
            const root = document.parseResult.value as PerfFile;
            for (const department of root.departments ?? []) {
                if (matches(department.name ?? '') && !seen.has(`${department.name}\n${uri}`)) {
                    push(symbols, department, SymbolKind.Namespace, uri);
                }
                for (const indicator of department.indicators ?? []) {
                    if (matches(indicator.name ?? '')) {
                        push(symbols, indicator, SymbolKind.Field, uri, department.name); // 部门整体 indicators
                    }
                }
                for (const project of department.projects) {
                    if (matches(project.name ?? '')) {
                        push(symbols, project, SymbolKind.Package, uri, department.name);
                    }
                    for (const indicator of project.indicators) {
                        if (matches(indicator.name ?? '')) {
                            push(symbols, indicator, SymbolKind.Field, uri, project.name);
                        }
                    }
                }
            }
        }
        return symbols;
    }
}

function push(symbols: WorkspaceSymbol[], node: AstNode & { name: string }, kind: SymbolKind, uri: string, containerName?: string): void {
    const cst = node.$cstNode;
    if (!cst) {
        return; // recovered by the parser without text: nothing to go to
    }
    const range = (GrammarUtils.findNodeForProperty(cst, 'name') ?? cst).range;
    symbols.push({ name: node.name, kind, location: { uri, range }, ...(containerName ? { containerName } : {}) });
}
