import type { GrammarAST } from 'langium';

/** A grammar construct the grammar reader does not read; Langium's own parser is then used for everything. */
export class UnsupportedGrammar extends Error {
    constructor(what: string, readonly element?: GrammarAST.AbstractElement) {
        super(`the grammar reader does not read ${what}`);
    }
}
