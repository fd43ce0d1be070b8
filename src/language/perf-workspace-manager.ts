import {
    DefaultWorkspaceManager, URI,
    type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices, type WorkspaceFolder
} from 'langium';
import { loadBuiltinCatalogs } from '../catalog/builtin-catalogs.js';

/**
 * Adds the built-in indicator catalogs to every workspace (editor and CLI alike), so their codes link,
 * complete and hover from every file.
 */
export class PerfWorkspaceManager extends DefaultWorkspaceManager {

    private readonly documentFactory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
        // Validate every file of the workspace when it is opened (all categories, so 汇总 reconciliation too):
        // the Problems view shows the whole budget at once, and the first keystroke is not left to validate
        // every file never validated (Langium's update rebuilds all documents below Validated).
        this.initialBuildOptions = { validation: true };
    }

    protected override async loadAdditionalDocuments(
        folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void
    ): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        for (const catalog of loadBuiltinCatalogs()) {
            collector(this.documentFactory.fromString(catalog.text, URI.parse(catalog.uri)));
        }
    }
}
