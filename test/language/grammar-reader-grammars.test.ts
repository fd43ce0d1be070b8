/**
 * The grammar reader is derived from a grammar, not written for perf's: on small made-up grammars it reads as
 * Langium does (optional parts settled by the second token, comments, cross-references, datatype rules), and it
 * refuses what it does not read, leaving Langium's parser in charge.
 */
import { createLangiumParser, type LangiumCoreServices } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import { describe, expect, test } from 'vitest';
import { documentParser, GrammarReader } from '../../src/language/langium-speed/grammar-reader.js';
import { UnsupportedGrammar } from '../../src/language/langium-speed/unsupported-grammar.js';
import { treeDifference } from './same-tree.js';

const TERMINALS = `
hidden terminal WS: /\\s+/;
hidden terminal SL_COMMENT: /\\/\\/[^\\n\\r]*/;
terminal ID: /[_a-zA-Z][\\w_]*/;
terminal INT: /[0-9]+/;
terminal STRING: /"[^"]*"/;`;

const forGrammar = (rules: string) => createServicesForGrammar({ grammar: `grammar Test\n${rules}\n${TERMINALS}` }) as Promise<LangiumCoreServices>;

describe('the grammar reader on other grammars', () => {

    test('reads a small language as Langium does, deciding optional parts by the second token', async () => {
        const services = await forGrammar(`
            entry Model: (things+=Thing | links+=Link)*;
            Thing: 'thing' name=ID ('size' size=Size)? (parts+=Part)* ('done' done?='!')?;
            Part: (prefix=ID '/')? value=ID label=STRING?;
            Size returns string: '-'? INT;
            Link: 'link' from=[Thing:ID] 'to' to=[Thing:ID];`);
        const langium = createLangiumParser(services);
        const reader = new GrammarReader(services);
        const text = `// two things
            thing a size -3 x y/z "label" // a comment
            thing b p/q r done !
            link a to b link b to a`;
        expect(reader.read(text)).toBeDefined();
        expect(treeDifference(langium.parse(text).value, reader.parse(text).value)).toBeUndefined();
        const broken = 'thing a size';
        expect(reader.read(broken)).toBeUndefined();
        expect(reader.parse(broken).parserErrors.map(error => error.message)).toEqual(langium.parse(broken).parserErrors.map(error => error.message));
    });

    test.each([
        ['an unordered group', `entry Model: ('a' a=ID & 'b' b=ID);`],
        ['a fragment', `entry Model: Named; fragment Named: 'name' name=ID;`],
        ['alternatives that two tokens do not tell apart', `entry Model: 'x' 'y' one=ID | 'x' 'y' two=INT;`],
        ['an action', `entry Model: {infer Model} 'empty';`]
    ])('refuses %s, and Langium\'s parser reads instead', async (_, rules) => {
        const services = await forGrammar(rules);
        expect(() => new GrammarReader(services)).toThrow(UnsupportedGrammar);
        expect(documentParser(services)).not.toBeInstanceOf(GrammarReader);
    });
});
