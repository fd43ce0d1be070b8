/**
 * The grammar reader (src/language/langium-speed/grammar-reader.ts) against Langium's parser: the same AST
 * and CST, object for object, over the reference, every example and catalog, every layout's starter,
 * every imported fixture, generated departments and fuzzed texts; and the same findings from `perf check`.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLangiumParser, URI, type LangiumParser } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generateDocument } from '../../scripts/generate.mjs';
import { LAYOUTS } from '../../src/compile/layouts.js';
import type { PerfFile } from '../../src/language/generated/ast.js';
import { importFile } from '../../src/import/import-file.js';
import { ImportError } from '../../src/import/import-model.js';
import { BatchModule } from '../../src/language/langium-speed/batch-module.js';
import { GrammarReader } from '../../src/language/langium-speed/grammar-reader.js';
import { createPerfServices, type PerfServices } from '../../src/language/perf-module.js';
import { starterTable } from '../../src/language/starter-table.js';
import { cheapCases, documentCases, FUZZ_TEST_TIMEOUT_MS } from '../robustness/fuzz-settings.js';
import { applyEdits, editArbitrary, pieceArbitrary } from '../robustness/language-harness.js';
import { readReferenceExample, repoRoot } from '../helpers.js';
import { treeDifference } from './same-tree.js';

const perfFilesIn = (folder: string) => fs.readdirSync(path.join(repoRoot, folder)).filter(name => name.endsWith('.perf'))
    .map(name => [`${folder}/${name}`, fs.readFileSync(path.join(repoRoot, folder, name), 'utf8')] as [string, string]);
const importFixtures = ['test/fixtures/import/layouts', 'test/fixtures/import/kinds'].flatMap(folder =>
    fs.readdirSync(path.join(repoRoot, folder)).filter(name => /\.(txt|html)$/.test(name)).map(name => path.join(folder, name)));

let perf: PerfServices;
let langium: LangiumParser;
let reader: GrammarReader;
/** Every text the reader must read itself (no syntax error): name and text. */
const corpus: Array<[string, string]> = [];

beforeAll(async () => {
    perf = createPerfServices(NodeFileSystem).perf;
    langium = createLangiumParser(perf);
    reader = new GrammarReader(perf);
    corpus.push(...perfFilesIn('examples'), ...perfFilesIn('catalogs'));
    for (const layout of LAYOUTS) {
        for (const catalog of ['2015', '2021'] as const) {
            corpus.push([`starter ${layout.name} ${catalog}`, starterTable({ department: '示例局', year: '2026', unit: '万元', catalog, layout })]);
        }
    }
    for (const fixture of importFixtures) {
        try {
            corpus.push([`imported ${fixture}`, (await importFile(path.join(repoRoot, fixture), perf)).text]);
        } catch (error) {
            // Some fixtures are other kinds of document (a blank template, an evaluation), which import refuses.
            if (!(error instanceof ImportError)) {
                throw error;
            }
        }
    }
    for (const seed of [1, 2, 3, 4, 5]) {
        corpus.push([`generated seed ${seed}`, (generateDocument({ indicators: 400, seed }) as { text: string }).text]);
    }
}, 120_000);

/** Where the reader's tree differs from Langium's for this text; for a text with a mistake, also whether both report it. */
function differenceFor(text: string): string | undefined {
    const expected = langium.parse(text);
    const actual = reader.parse(text);
    const errors = (result: typeof expected) => JSON.stringify([result.lexerErrors.map(e => [e.offset, e.message]),
        result.parserErrors.map(e => [e.token.startOffset, e.message])]);
    return errors(expected) !== errors(actual) ? `errors ${errors(expected)} ≠ ${errors(actual)}` : treeDifference(expected.value, actual.value);
}

describe('the grammar reader reads as Langium does', () => {

    test('the corpus covers every layout and the import', () => {
        expect(corpus.filter(([name]) => name.startsWith('starter')).length).toBe(LAYOUTS.length * 2);
        expect(corpus.filter(([name]) => name.startsWith('imported')).length).toBeGreaterThanOrEqual(6);
    });

    test('every text of the corpus: read by the reader itself, with the same AST and CST', () => {
        for (const [name, text] of corpus) {
            expect(reader.read(text), `${name} has a syntax error or a construct the reader does not take`).toBeDefined();
            expect(differenceFor(text), name).toBeUndefined();
        }
    });

    test('the reference table, the whole of it', () => {
        const text = readReferenceExample();
        const department = (reader.read(text)?.value as PerfFile | undefined)?.departments[0];
        expect(department?.projects.length).toBe(28);
        expect(department?.projects.flatMap(project => project.indicators).length).toBe(183);
        expect(differenceFor(text)).toBeUndefined();
    });

    test('comments and blank lines anywhere between tokens (where the CST puts hidden nodes)', async () => {
        const reference = readReferenceExample();
        const tokenEnds = perf.parser.Lexer.tokenize(reference).tokens.map(token => token.endOffset! + 1);
        const filler = fc.constantFrom(' ', '\n', '\r\n', ' /* 备注 */ ', ' // 注释\n', '/*a*/', '\n// 行\n\n');
        fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), filler), { minLength: 1, maxLength: 40 }), insertions => {
            const text = insertions
                .map(([index, insert]) => ({ offset: tokenEnds[index % tokenEnds.length], insert }))
                .sort((a, b) => b.offset - a.offset)
                .reduce((text, { offset, insert }) => text.slice(0, offset) + insert + text.slice(offset), reference);
            expect(differenceFor(text)).toBeUndefined();
            expect(differenceFor(`/* 开头 */\n${text}\n// 结尾`)).toBeUndefined();
        }), documentCases(25));
    }, FUZZ_TEST_TIMEOUT_MS);

    test('random edits of the reference table, with or without mistakes', () => {
        const reference = readReferenceExample();
        fc.assert(fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), edits => {
            expect(differenceFor(applyEdits(reference, edits))).toBeUndefined();
        }), documentCases(25));
    }, FUZZ_TEST_TIMEOUT_MS);

    test('any text made of the language\'s pieces', () => {
        fc.assert(fc.property(fc.array(pieceArbitrary, { maxLength: 120 }).map(pieces => pieces.join('')), text => {
            expect(differenceFor(text)).toBeUndefined();
        }), cheapCases(500));
    }, FUZZ_TEST_TIMEOUT_MS);

    test('a text with a mistake goes to Langium\'s parser, whose errors the user sees', () => {
        const text = '部门 "示例局" {\n    合计 10.00\n    项目 "缺右括号" {\n';
        expect(reader.read(text)).toBeUndefined();
        expect(reader.parse(text).parserErrors.length).toBeGreaterThan(0);
        expect(differenceFor(text)).toBeUndefined();
    });
});

describe('perf check with the grammar reader (the editor\'s services are the same but for the reference index)', () => {
    /** The findings of each text, checked together in one workspace as `perf check` does. */
    const findingsOf = async (batchModule: typeof BatchModule, texts: Array<[string, string]>) => {
        const { shared } = createPerfServices(NodeFileSystem, batchModule);
        await shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const documents = texts.map((_, index) => shared.workspace.LangiumDocuments.createDocument(URI.file(`/virtual/${index}.perf`), texts[index][1]));
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return documents.map(document => (document.diagnostics ?? []).map(d =>
            `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`));
    };

    test('the same findings, in the same order, as with Langium\'s parser', async () => {
        const texts = corpus.filter(([name]) => !name.startsWith('catalogs/'));
        const withReader = await findingsOf(BatchModule, texts);
        const withLangium = await findingsOf({ ...BatchModule, parser: { LangiumParser: services => createLangiumParser(services) } }, texts);
        expect(withReader.flat().length).toBeGreaterThan(100);
        expect(withReader).toEqual(withLangium);
    }, 120_000);
});
