import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, EMPTY_SCOPE, MapScope, MultiMap, WorkspaceCache,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type LangiumCoreServices, type LangiumDocuments, type LangiumDocument, type ReferenceInfo,
    type Scope
} from 'langium';
import { Catalog, Indicator, LevelScore, isCatalog, isDepartment, type PerfFile } from './generated/ast.js';
import type { PerfSettings } from './settings/perf-settings.js';

/**
 * Only catalogs and departments (top-level names) are global symbols; nothing is resolved through Langium's
 * local scopes. That keeps a file of tens of thousands of projects and indicators from paying a linear scan
 * per reference (the quadratic trap): indicator codes are looked up in a per-catalog map instead.
 */
export class PerfScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value as PerfFile;
        // Departments are global so that a summary (汇总) in another file can refer to them.
        return [...root.catalogs, ...root.departments]
            .filter(node => node.name)
            .map(node => this.descriptions.createDescription(node, node.name, document));
    }

    override async collectLocalSymbols(): Promise<MultiMap<AstNode, AstNodeDescription>> {
        return new MultiMap();
    }
}

export class PerfScopeProvider extends DefaultScopeProvider {

    /**
     * Code → description maps, per level and catalog, rebuilt when the workspace changes. Keyed by the catalog
     * itself: every indicator asks twice, and a key string per reference cost ~1/3 of linking.
     */
    private readonly codeScopes: Record<'groups' | 'categories', WorkspaceCache<Catalog, Scope>>;
    /** Catalog by name: every indicator asks, and a scan of the index costs as much as the workspace has files. */
    private readonly catalogsByName: WorkspaceCache<string, Catalog | undefined>;
    private readonly documents: LangiumDocuments;
    private readonly nodeLocator: AstNodeLocator;
    private readonly settings: PerfSettings;

    constructor(services: LangiumCoreServices, settings: PerfSettings) {
        super(services);
        this.codeScopes = { groups: new WorkspaceCache(services.shared), categories: new WorkspaceCache(services.shared) };
        this.catalogsByName = new WorkspaceCache(services.shared);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.nodeLocator = services.workspace.AstNodeLocator;
        this.settings = settings;
    }

    /** The catalog of a department that names none: setting `perf.catalog` (or `perf … --catalog`). */
    get defaultCatalogName(): string {
        return this.settings.defaultCatalog;
    }

    override getScope(context: ReferenceInfo): Scope {
        if (context.container.$type === Indicator.$type || context.container.$type === LevelScore.$type) {
            const catalog = catalogOf(context.container, this);
            if (!catalog) {
                return EMPTY_SCOPE;
            }
            const level = context.container.$type === Indicator.$type && context.property === Indicator.category ? 'categories' : 'groups';
            return this.codeScopeFor(catalog, level);
        }
        return super.getScope(context);
    }

    /** The catalog named `name` anywhere in the workspace (built-in catalogs included). */
    findCatalog(name: string): Catalog | undefined {
        return this.catalogsByName.get(name, () => this.lookUpCatalog(name));
    }

    private lookUpCatalog(name: string): Catalog | undefined {
        const description = this.indexManager.allElements(Catalog.$type).find(element => element.name === name);
        if (!description) {
            return undefined;
        }
        const document = this.documents.getDocument(description.documentUri);
        const node = description.node ?? (document && this.nodeLocator.getAstNode(document.parseResult.value, description.path));
        return isCatalog(node) ? node : undefined;
    }

    private codeScopeFor(catalog: Catalog, level: 'groups' | 'categories'): Scope {
        return this.codeScopes[level].get(catalog, () => {
            const document = AstUtils.getDocument(catalog);
            const nodes = level === 'groups' ? catalog.groups : catalog.groups.flatMap(group => group.categories);
            return new MapScope(nodes.map(node => this.descriptions.createDescription(node, node.name, document)));
        });
    }
}

/** The catalog an indicator's codes refer to: its department's 指标体系, else the default one. */
export function catalogOf(node: AstNode, scopes: Pick<PerfScopeProvider, 'findCatalog' | 'defaultCatalogName'>): Catalog | undefined {
    const department = AstUtils.getContainerOfType(node, isDepartment);
    if (department?.catalog) {
        return department.catalog.ref;
    }
    return scopes.findCatalog(scopes.defaultCatalogName);
}
