/**
 * Services for one-shot commands (check, compile, format): they read, validate and exit, so they skip what
 * only an editor uses. Langium indexes every cross-reference of every document for find references,
 * rename and incremental rebuilds; no command reads that index, and at 25,000 indicators building it costs
 * ~0.2 s and ~15 MiB (docs/performance.md).
 */
import type { LangiumDocument, Module, ReferenceDescription, ReferenceDescriptionProvider } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { PerfServices } from '../perf-module.js';

class NoReferenceIndex implements ReferenceDescriptionProvider {
    async createDescriptions(_document: LangiumDocument): Promise<ReferenceDescription[]> {
        return [];
    }
}

export const BatchModule: Module<PerfServices, PartialLangiumServices> = {
    workspace: {
        ReferenceDescriptionProvider: () => new NoReferenceIndex()
    }
};

