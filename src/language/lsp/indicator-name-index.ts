import { DocumentCache, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
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
 * that document changes, and the merged list until any document changes, so a completion request costs a
 * map lookup, and a keystroke re-reads only the changed file's names (no reparsing, no full scan).
 */
export class IndicatorNameIndex {

    private readonly documents: LangiumDocuments;
    private readonly perDocument: DocumentCache<'names', Map<string, Map<string, number>>>;
    private readonly merged: WorkspaceCache<'names', UsedIndicatorName[]>;

    constructor(services: LangiumServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.perDocument = new DocumentCache(services.shared);
        this.merged = new WorkspaceCache(services.shared);
    }

    /** Every name in the workspace, most used first. */
    allNames(): UsedIndicatorName[] {
        return this.merged.get('names', () => this.merge());
    }

    private merge(): UsedIndicatorName[] {
        const codesByName = new Map<string, Map<string, number>>();
        for (const document of this.documents.all) {
            if (document.uri.scheme === BUILTIN_SCHEME) {
                continue;
            }
            for (const [name, codes] of this.namesOf(document)) {
                const merged = codesByName.get(name) ?? new Map<string, number>();
                for (const [code, count] of codes) {
                    merged.set(code, (merged.get(code) ?? 0) + count);
                }
                codesByName.set(name, merged);
            }
        }
        return [...codesByName].map(([name, codes]) => ({
            name,
            count: [...codes.values()].reduce((a, b) => a + b, 0),
            codes: [...codes].sort((a, b) => b[1] - a[1]).map(([code]) => code)
        })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
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
