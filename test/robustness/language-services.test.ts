/**
 * No crash, no lost text: for any text, and for random edits of the reference table, parsing, linking,
 * validation and every editor feature answer without throwing (each case within a generous time limit, never
 * a speed assertion); the formatter keeps every non-whitespace character and is idempotent.
 */
import fc from 'fast-check';
import { DocumentState } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { formattedText, PerfFormatter } from '../../src/language/lsp/formatter.js';
import { createServices, readReferenceExample, stripWhitespace } from '../helpers.js';
import { cheapCases, documentCases, FUZZ_TEST_TIMEOUT_MS } from './fuzz-settings.js';
import {
    applyEdits, buildDocument, editArbitrary, exerciseFeatures, hasSyntaxErrors, pieceArbitrary, positionArbitrary,
    removeDocument, type Services
} from './language-harness.js';

/** A case that runs longer than this has hung (a loop in error recovery, say): generous, not a speed target. */
const CASE_TIME_LIMIT_MS = 30_000;

let services: Services;
const reference = readReferenceExample();

beforeAll(async () => {
    services = await createServices();
});

/** Builds the text, drives every feature, checks the formatter's laws when the text parses; then cleans up. */
async function survives(text: string, positions: { line: number; character: number }[]): Promise<void> {
    const document = await buildDocument(services, text);
    try {
        // The build went through validation, and every diagnostic says something about a place in the text.
        expect(document.state).toBe(DocumentState.Validated);
        expect(document.parseResult.value.$type).toBe('PerfFile');
        const lines = document.textDocument.lineCount;
        for (const diagnostic of document.diagnostics!) {
            expect(diagnostic.message.trim()).not.toBe('');
            expect(diagnostic.range.start.line).toBeLessThan(lines);
            expect(diagnostic.range.end.line).toBeLessThan(lines);
        }
        expect(await exerciseFeatures(services, document, positions)).toBeGreaterThan(0);
        await formatterLawsHold(document);
    } finally {
        await removeDocument(services, document);
    }
}

/** Formatting keeps every non-whitespace character, and formatting the result changes nothing. */
async function formatterLawsHold(document: Awaited<ReturnType<typeof buildDocument>>): Promise<void> {
    const formatter = services.perf.lsp.Formatter;
    if (!formatter || hasSyntaxErrors(document)) {
        return;
    }
    const once = await formattedText(formatter, document);
    expect(typeof once, 'a document without syntax errors is formatted').toBe('string');
    expect(stripWhitespace(once!)).toBe(stripWhitespace(document.textDocument.getText()));
    const again = await buildDocument(services, once!);
    try {
        expect(hasSyntaxErrors(again)).toBe(false);
        expect(await formattedText(formatter, again)).toBe(once);
    } finally {
        await removeDocument(services, again);
    }
}

describe('any text', () => {
    const anyText = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.array(pieceArbitrary, { maxLength: 120 }).map(pieces => pieces.join(''))
    );

    test('parser, linker, validator and every editor feature return without throwing', async () => {
        await fc.assert(fc.asyncProperty(anyText, fc.array(positionArbitrary, { minLength: 1, maxLength: 4 }),
            (text, positions) => survives(text, positions)),
        { ...cheapCases(500), timeout: CASE_TIME_LIMIT_MS });
    }, FUZZ_TEST_TIMEOUT_MS);
});

describe('random edits of the reference table', () => {
    test('every feature answers at random positions, including past the end', async () => {
        await fc.assert(fc.asyncProperty(fc.array(editArbitrary, { minLength: 1, maxLength: 8 }),
            fc.array(positionArbitrary, { minLength: 1, maxLength: 3 }),
            (edits, positions) => survives(applyEdits(reference, edits), positions)),
        { ...documentCases(25), timeout: CASE_TIME_LIMIT_MS });
    }, FUZZ_TEST_TIMEOUT_MS);
});

describe('the formatter on re-spaced reference tables', () => {
    /** Offsets right after a token: inserting whitespace or a comment there never changes a token. */
    let tokenEnds: number[];
    beforeAll(() => {
        tokenEnds = services.perf.parser.Lexer.tokenize(reference).tokens.map(token => token.endOffset! + 1);
    });
    const filler = fc.constantFrom(' ', '\t', '\n', '\r\n', '\n\n\n', '  \t ', ' /* 备注 */ ', ' // 注释\n', '\n    \n');

    test('keeps every non-whitespace character, leaves no syntax error and is idempotent', async () => {
        await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(), filler), { minLength: 1, maxLength: 30 }), async insertions => {
            const byOffset = insertions
                .map(([index, text]) => ({ offset: tokenEnds[index % tokenEnds.length], text }))
                .sort((a, b) => b.offset - a.offset);
            const respaced = byOffset.reduce((text, { offset, text: insert }) => text.slice(0, offset) + insert + text.slice(offset), reference);
            const document = await buildDocument(services, respaced);
            try {
                expect(hasSyntaxErrors(document)).toBe(false);
                expect(services.perf.lsp.Formatter, 'the language registers perf\'s formatter').toBeInstanceOf(PerfFormatter);
                await formatterLawsHold(document);
            } finally {
                await removeDocument(services, document);
            }
        }), { ...documentCases(20), timeout: CASE_TIME_LIMIT_MS });
    }, FUZZ_TEST_TIMEOUT_MS);
});
