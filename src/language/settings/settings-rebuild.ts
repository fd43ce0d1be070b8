import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import { BUILTIN_SCHEME } from '../../catalog/builtin-catalogs.js';
import type { PerfSettings } from './perf-settings.js';

/**
 * The one listener on PerfSettings: a new default catalog changes what the codes of every department without
 * 指标体系 mean, so the workspace's documents are unlinked and built again (no parsing); new rule levels or a
 * new tolerance only re-run the checks of documents already validated.
 */
export function rebuildWhenSettingsChange(shared: LangiumSharedCoreServices, settings: PerfSettings): void {
    settings.onDidChange(change => {
        const builder = shared.workspace.DocumentBuilder;
        const documents = shared.workspace.LangiumDocuments.all
            .filter(document => document.uri.scheme !== BUILTIN_SCHEME)
            .toArray();
        if (documents.length === 0) {
            return;
        }
        void shared.workspace.WorkspaceLock.write(token => {
            if (change.catalog) {
                documents.forEach(document => builder.resetToState(document, DocumentState.ComputedScopes));
            }
            return builder.build(documents, { validation: true }, token);
        });
    });
}
