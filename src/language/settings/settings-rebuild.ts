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
        const documents = shared.workspace.LangiumDocuments;
        if (documents.all.every(document => document.uri.scheme === BUILTIN_SCHEME)) {
            return;
        }
        void shared.workspace.WorkspaceLock.write(token => {
            // The documents as they are when the lock is ours: the editor's configuration arrives while the
            // workspace starts, and this write cancels the first build; the built-in catalogs it would have
            // indexed are built here too, else no code links ("找不到所选的指标体系" on every code).
            const all = documents.all.toArray();
            if (change.catalog) {
                all.filter(document => document.uri.scheme !== BUILTIN_SCHEME)
                    .forEach(document => builder.resetToState(document, DocumentState.ComputedScopes));
            }
            return builder.build(all, { validation: true }, token);
        });
    });
}
