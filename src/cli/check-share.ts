import type { CheckedFile } from './check-cache.js';
import { loadTexts, type ProjectLoadOptions } from './documents.js';
import type { SourceFile } from './source-files.js';

/** What one thread of a parallel `perf check` checks: texts in the order of the whole run, and which are its own. */
export interface CheckShare {
    texts: SourceFile[];
    /** Indices into texts of the files whose findings this thread reports; the others are there for their catalogs. */
    own: number[];
    settings: ProjectLoadOptions;
}

/** The findings of the share's own files, in the share's order. */
export async function checkShare({ texts, own, settings }: CheckShare): Promise<CheckedFile[]> {
    const { files } = await loadTexts(texts, settings);
    return own.map(index => ({ path: files[index].path, diagnostics: files[index].diagnostics }));
}
