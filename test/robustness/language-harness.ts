/**
 * Drives every editor feature the language has registered (completion, hover, formatter, code actions,
 * symbols, folding, semantic tokens, definition, references, highlights, rename, inlay hints, signature help,
 * and perf's own preview and summary requests) on one document at given positions, as a client would.
 * Features are looked up at run time, so a provider that lands later is exercised without a change here.
 */
import fc from 'fast-check';
import { URI, type LangiumDocument } from 'langium';
import { ResponseError } from 'vscode-languageserver';
import type { Position } from 'vscode-languageserver-types';
import { documentSummaryOf, officialTableOf } from '../../src/server/perf-requests.js';
import { createServices } from '../helpers.js';

export type Services = Awaited<ReturnType<typeof createServices>>;

/** One edit of a text: at a fraction of its length, delete some characters, insert some. */
export interface RandomEdit {
    at: number;
    deleteCount: number;
    insert: string;
}

/** Pieces of .perf that make random edits hit the grammar's interesting corners, not only its error recovery. */
const PIECES = [
    '部门', '项目', '合计', '总计', '财政拨款', '其他资金', '绩效目标', '指标值', '实施周期', '年度', '指标体系', '汇总', '文件',
    '资金使用单位', '单位', '万元', '表名', '预算年度', '说明', '常用单位', 'department', 'project', 'value',
    '"', '"工作经费"', '"\\"', '\\', '{', '}', '/', '//', '/*', '*/', '\n', '\r\n', '\r', '\t', ' ', '    ',
    '11', '1/11', '31', '≥', '≤', '≧', '＞', '不低于', '达到', '3%', '９５％', '50,000.00', '６７，５２２．７５', '1,2,3',
    '-', '=', '+', '@', '<script>', '&amp;', '\u0000', '\uFEFF', '\u200B', '𠀀', '\uD800', '😀'
];

export const pieceArbitrary = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }
);

export const editArbitrary: fc.Arbitrary<RandomEdit> = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    deleteCount: fc.nat({ max: 40 }),
    insert: fc.array(pieceArbitrary, { maxLength: 4 }).map(parts => parts.join(''))
});

export function applyEdits(text: string, edits: RandomEdit[]): string {
    return edits.reduce((current, edit) => {
        const offset = Math.floor(edit.at * current.length);
        return current.slice(0, offset) + edit.insert + current.slice(offset + edit.deleteCount);
    }, text);
}

/** Positions a client may send: inside the text, at line ends, past the last character, past the last line. */
export const positionArbitrary: fc.Arbitrary<{ line: number; character: number }> = fc.record({
    line: fc.oneof(fc.nat({ max: 60 }), fc.nat({ max: 1_000 }), fc.constant(1_000_000)),
    character: fc.oneof(fc.nat({ max: 80 }), fc.constant(100_000))
});

let documentCounter = 0;

/** Builds a fresh document (a new URI per case, so earlier cases cannot hide a failure), validated. */
export async function buildDocument(services: Services, text: string): Promise<LangiumDocument> {
    const uri = URI.parse(`file:///robustness/case-${++documentCounter}.perf`);
    const document = services.shared.workspace.LangiumDocuments.createDocument(uri, text);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

/** Removes a case's document from the workspace and the index again. */
export async function removeDocument(services: Services, document: LangiumDocument): Promise<void> {
    await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
}

/** Every registered feature at every position; resolves when all have answered, rejects on the first throw. */
export async function exerciseFeatures(services: Services, document: LangiumDocument, positions: Position[]): Promise<number> {
    const lsp = services.perf.lsp;
    const textDocument = { uri: document.uri.toString() };
    const whole = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
    let answered = 0;
    // A ResponseError is an answer the client shows (rename refused on a built-in code); anything else thrown is a crash.
    const ask = async (call: () => unknown) => {
        try {
            await call();
        } catch (error) {
            if (!(error instanceof ResponseError)) {
                throw error;
            }
        }
        answered++;
    };
    await ask(() => lsp.Formatter?.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } }));
    await ask(() => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
    await ask(() => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
    await ask(() => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }));
    await ask(() => lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: whole }));
    await ask(() => lsp.CodeActionProvider?.getCodeActions(document,
        { textDocument, range: whole, context: { diagnostics: document.diagnostics ?? [] } }));
    for (const diagnostic of document.diagnostics ?? []) {
        await ask(() => lsp.CodeActionProvider?.getCodeActions(document,
            { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
    }
    // perf's own requests (the preview's table, the status bar's summary) on the same document.
    await ask(() => officialTableOf(services.shared, textDocument.uri));
    await ask(() => documentSummaryOf(services.shared, textDocument.uri));
    for (const position of positions) {
        const at = { textDocument, position };
        await ask(() => lsp.CompletionProvider?.getCompletion(document, at));
        await ask(() => lsp.HoverProvider?.getHoverContent(document, at));
        await ask(() => lsp.DefinitionProvider?.getDefinition(document, at));
        await ask(() => lsp.ReferencesProvider?.findReferences(document, { ...at, context: { includeDeclaration: true } }));
        await ask(() => lsp.DocumentHighlightProvider?.getDocumentHighlight(document, at));
        await ask(() => lsp.RenameProvider?.prepareRename(document, at));
        await ask(() => lsp.RenameProvider?.rename(document, { ...at, newName: '"新名称"' }));
        await ask(() => lsp.SignatureHelp?.provideSignatureHelp(document, at));
        await ask(() => lsp.Formatter?.formatDocumentRange(document,
            { textDocument, range: { start: position, end: position }, options: { tabSize: 4, insertSpaces: true } }));
    }
    return answered;
}

export function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}
