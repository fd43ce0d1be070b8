/**
 * Services for one-shot commands (check, compile, format): they read, validate and exit, so they skip what
 * only an editor uses, and read with the grammar reader (grammar-reader.ts). Langium indexes every
 * cross-reference of every document for find references, rename and incremental rebuilds; no command reads
 * that index, and at 25,000 indicators building it costs ~0.2 s and ~15 MiB (docs/performance.md).
 */
import { createLangiumParser, type LangiumCoreServices, type LangiumDocument, type LangiumParser, type Module, type ReferenceDescription, type ReferenceDescriptionProvider } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { PerfServices } from '../perf-module.js';
import { GrammarReader } from './grammar-reader.js';
import { UnsupportedGrammar } from './unsupported-grammar.js';

class NoReferenceIndex implements ReferenceDescriptionProvider {
    async createDescriptions(_document: LangiumDocument): Promise<ReferenceDescription[]> {
        return [];
    }
}

export const BatchModule: Module<PerfServices, PartialLangiumServices> = {
    parser: {
        LangiumParser: services => documentParser(services)
    },
    workspace: {
        ReferenceDescriptionProvider: () => new NoReferenceIndex()
    }
};

/**
 * The grammar reader, or Langium's parser should the grammar come to use a construct the reader does not read
 * (test/language/grammar-reader.test.ts fails then, so it is not left that way).
 */
function documentParser(services: LangiumCoreServices): LangiumParser {
    try {
        // Langium calls only `parse` on this service (the DocumentParser type says which).
        return new GrammarReader(services) as unknown as LangiumParser;
    } catch (error) {
        if (error instanceof UnsupportedGrammar) {
            return createLangiumParser(services);
        }
        throw error;
    }
}
