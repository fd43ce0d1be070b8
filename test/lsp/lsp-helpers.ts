import { URI, type LangiumDocument } from 'langium';
import { CompletionTriggerKind, type CompletionContext, type CompletionItem, type Position } from 'vscode-languageserver';
import type { PerfFile } from '../../src/language/generated/ast.js';
import { createServices, readReferenceExample } from '../helpers.js';

export type Services = Awaited<ReturnType<typeof createServices>>;

let counter = 0;

/** Builds documents together (so names in one are visible from another); returns them in order. */
export async function buildDocuments(services: Services, ...texts: string[]): Promise<Array<LangiumDocument<PerfFile>>> {
    const documents = texts.map(text => services.shared.workspace.LangiumDocuments.createDocument(
        URI.parse(`file:///lsp-test/doc-${++counter}.perf`), text) as LangiumDocument<PerfFile>);
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

/** The text without its `|` cursor marker, and the cursor position. */
export function cursorAt(textWithCursor: string): { text: string; position: Position } {
    const offset = textWithCursor.indexOf('|');
    if (offset < 0) {
        throw new Error('the test text needs a | cursor marker');
    }
    const before = textWithCursor.slice(0, offset);
    const lines = before.split('\n');
    return {
        text: before + textWithCursor.slice(offset + 1),
        position: { line: lines.length - 1, character: lines[lines.length - 1].length }
    };
}

/** Completion items at the `|` marker of the last text; earlier texts are other files of the workspace. */
export async function completionAt(textWithCursor: string, ...otherFiles: string[]): Promise<CompletionItem[]> {
    return completion(undefined, textWithCursor, otherFiles);
}

/** Completion as the editor asks for it by itself after typing `character` (the one before the `|` marker). */
export async function completionOnTrigger(character: string, textWithCursor: string, ...otherFiles: string[]): Promise<CompletionItem[]> {
    if (!textWithCursor.includes(`${character}|`)) {
        throw new Error(`the trigger character ${character} must be typed just before the | cursor marker`);
    }
    return completion({ triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: character }, textWithCursor, otherFiles);
}

async function completion(context: CompletionContext | undefined, textWithCursor: string, otherFiles: string[]): Promise<CompletionItem[]> {
    const services = await createServices();
    const { text, position } = cursorAt(textWithCursor);
    const documents = await buildDocuments(services, ...otherFiles, text);
    const document = documents[documents.length - 1];
    const list = await services.perf.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position, ...(context ? { context } : {})
    });
    return list?.items ?? [];
}

/** What accepting an item does to the text: its edit applied. */
export function applyItem(textWithCursor: string, item: CompletionItem): string {
    const { text } = cursorAt(textWithCursor);
    const edit = item.textEdit;
    if (!edit || !('range' in edit)) {
        throw new Error(`item ${item.label} has no plain text edit`);
    }
    const lines = text.split('\n');
    const offsetOf = (p: Position) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
    return text.slice(0, offsetOf(edit.range.start)) + edit.newText + text.slice(offsetOf(edit.range.end));
}

/** The position of the `index`-th character of the first occurrence of `needle` after `after` (if given). */
export function positionOf(text: string, needle: string, options: { after?: string; index?: number } = {}): Position {
    const from = options.after ? text.indexOf(options.after) : 0;
    const offset = text.indexOf(needle, Math.max(from, 0));
    if (from < 0 || offset < 0) {
        throw new Error(`"${needle}" not found in the test text`);
    }
    const before = text.slice(0, offset + (options.index ?? 0)).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The reference example built in a workspace with the catalogs. */
export async function referenceDocument(): Promise<{ services: Services; document: LangiumDocument<PerfFile>; text: string }> {
    const services = await createServices();
    const text = readReferenceExample();
    const [document] = await buildDocuments(services, text);
    return { services, document, text };
}
