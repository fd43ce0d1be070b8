import { interruptAndCheck, type LangiumDocuments, type ServiceRegistry } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { Department, type PerfFile } from '../generated/ast.js';
import { closedDocumentCstOf } from '../langium-speed/closed-document-cst.js';
import { symbolNodes } from '../symbol-nodes.js';

/**
 * Workspace symbols: the exported catalogs as Langium finds them, plus every department, project and
 * indicator of every file, which are not global symbols (linking stays per file) but are what a user looks
 * for. Chinese names have no word starts for the fuzzy matcher, so any part of a name matches too
 * (会计 and 培训 both find 会计人员培训). Name ranges come from the positions a closed file held without its
 * CST keeps (closed-document-cst.ts): a query never parses the workspace again.
 */
export class PerfWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {

    private readonly documents: LangiumDocuments;
    private readonly serviceRegistry: ServiceRegistry;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.serviceRegistry = services.ServiceRegistry;
    }

    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const symbols = await super.getSymbols(params, cancelToken);
        const query = params.query.toLowerCase();
        const matches = (name: string) => name.toLowerCase().includes(query) || this.fuzzyMatcher.match(query, name);
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            const uri = document.uri.toString();
            const nameRange = closedDocumentCstOf(this.serviceRegistry, document).nameRanges(document);
            let index = 0;
            for (const { node, kind, containerName } of symbolNodes(document.parseResult.value as PerfFile)) {
                const range = matches(node.name ?? '') ? nameRange(index) : undefined;
                index++;
                if (range) { // none: recovered by the parser without text, nothing to go to
                    symbols.push({ name: node.name, kind, location: { uri, range }, ...(containerName ? { containerName } : {}) });
                }
            }
        }
        return symbols;
    }

    /** Departments are listed with their projects, from the document (their descriptions would parse a closed file). */
    override getWorkspaceSymbol(description: Parameters<DefaultWorkspaceSymbolProvider['getWorkspaceSymbol']>[0]): WorkspaceSymbol | undefined {
        return description.type === Department.$type ? undefined : super.getWorkspaceSymbol(description);
    }
}
