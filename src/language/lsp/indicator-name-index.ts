import { DocumentCache, DocumentState, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { BUILTIN_SCHEME } from '../../catalog/builtin-catalogs.js';
import type { PerfFile } from '../generated/ast.js';

/** An indicator name used in the workspace, with how often and under which level-2 codes. */
export interface UsedIndicatorName {
    name: string;
    count: number;
    /** Level-2 codes as written, most frequent first. */
    codes: string[];
}

/**
 * Indicator names used anywhere in the workspace, for completion. Each document's names are cached until
 * that document changes, and the merged map until any document changes: after a keystroke only the changed
 * file's names are re-read, and a request filters the merged map by what was typed before sorting.
 */
export class IndicatorNameIndex {

    private readonly documents: LangiumDocuments;
    private readonly perDocument: DocumentCache<'names', Map<string, Map<string, number>>>;
    private readonly merged: WorkspaceCache<'names', Map<string, Array<Map<string, number>>>>;

    constructor(services: LangiumServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        // Evicted once a changed document is indexed again, so a request that comes in between an edit and its
        // parse can never pin a stale list.
        this.perDocument = new DocumentCache(services.shared, DocumentState.IndexedContent);
        this.merged = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    /**
     * The names that contain `typed` (all when empty), those used under `code` first, then the most used;
     * at most `limit`. Only the matches are sorted, so a large workspace costs one pass over its names.
     */
    find(typed: string, code: string | undefined, limit: number): UsedIndicatorName[] {
        const matches: Array<UsedIndicatorName & { sameCode: boolean }> = [];
        for (const [name, uses] of this.merged.get('names', () => this.merge())) {
            if (typed && !name.includes(typed)) {
                continue;
            }
            const codes = new Map<string, number>();
            for (const perFile of uses) {
                for (const [written, count] of perFile) {
                    codes.set(written, (codes.get(written) ?? 0) + count);
                }
            }
            const count = [...codes.values()].reduce((a, b) => a + b, 0);
            matches.push({ name, count, codes: [...codes].sort((a, b) => b[1] - a[1]).map(([c]) => c), sameCode: code !== undefined && codes.has(code) });
        }
        matches.sort((a, b) => Number(b.sameCode) - Number(a.sameCode) || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        return matches.slice(0, limit).map(({ name, count, codes }) => ({ name, count, codes }));
    }

    /** name → each file's uses of it (shared with the per-file cache, not copied: merging stays cheap). */
    private merge(): Map<string, Array<Map<string, number>>> {
        const usesByName = new Map<string, Array<Map<string, number>>>();
        for (const document of this.documents.all) {
            if (document.uri.scheme === BUILTIN_SCHEME) {
                continue;
            }
            for (const [name, codes] of this.namesOf(document)) {
                const uses = usesByName.get(name);
                if (uses) {
                    uses.push(codes);
                } else {
                    usesByName.set(name, [codes]);
                }
            }
        }
        return usesByName;
    }

    /** name → level-2 code as written → number of uses, for one document. */
    private namesOf(document: LangiumDocument): Map<string, Map<string, number>> {
        return this.perDocument.get(document.uri, 'names', () => {
            const names = new Map<string, Map<string, number>>();
            const root = document.parseResult.value as PerfFile;
            for (const department of root.departments ?? []) {
                for (const project of department.projects) {
                    for (const indicator of project.indicators) {
                        if (!indicator.name) {
                            continue;
                        }
                        const codes = names.get(indicator.name) ?? new Map<string, number>();
                        const code = indicator.category?.$refText ?? '';
                        codes.set(code, (codes.get(code) ?? 0) + 1);
                        names.set(indicator.name, codes);
                    }
                }
            }
            return names;
        });
    }
}
