import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createPerfServices, type PerfServices } from '../language/perf-module.js';
import type { PerfFile } from '../language/generated/ast.js';
import type { RuleSettings } from '../language/validation/rule-settings.js';
import { parseSourceEncoding, readSourceText, SourceTextError, type SourceEncoding } from './encoding.js';
import { BatchModule } from './batch-module.js';

/** A problem that stops the command before any document is read: printed as one line, exit code 2. */
export class InputError extends Error {}

export interface LoadedFile {
    path: string;
    document: LangiumDocument<PerfFile>;
    diagnostics: Diagnostic[];
}

/**
 * Reads, parses, links and validates the given files together (with the built-in catalogs), as the
 * editor would: so `perf check` reports exactly what the editor shows.
 */
export async function loadFiles(paths: string[], options: { rules?: RuleSettings; roundingTolerance?: string } = {}): Promise<{ services: PerfServices; files: LoadedFile[] }> {
    const texts = paths.map(file => ({ path: file, text: readSourceFile(file) }));
    const { shared, perf } = createPerfServices(NodeFileSystem, BatchModule);
    if (options.rules || options.roundingTolerance !== undefined || defaultCatalog !== undefined) {
        // The same settings the editor sends (perf.rules, perf.roundingTolerance, perf.catalog), from options.
        shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { perf: { rules: options.rules ?? {}, roundingTolerance: options.roundingTolerance, catalog: defaultCatalog } }
        });
    }
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const documents = texts.map(({ path: file, text }) =>
        shared.workspace.LangiumDocuments.createDocument(URI.file(path.resolve(file)), text) as LangiumDocument<PerfFile>);
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return {
        services: perf,
        files: documents.map((document, index) => ({
            path: texts[index].path,
            document,
            diagnostics: document.diagnostics ?? []
        }))
    };
}

/** The catalog of a department that names none, for this run: `--catalog` (as the setting perf.catalog). */
let defaultCatalog: string | undefined;

export function setDefaultCatalog(name: string | undefined): void {
    defaultCatalog = name;
}

/** The encoding of input files for this run: `--encoding`, or detected per file (the default). */
let inputEncoding: SourceEncoding = 'auto';

export function setInputEncoding(encoding: string | undefined): void {
    try {
        inputEncoding = encoding === undefined ? 'auto' : parseSourceEncoding(encoding);
    } catch (error) {
        throw new InputError((error as Error).message);
    }
}

/**
 * The text of a .perf file: UTF-8 (a BOM is dropped), GBK/GB18030 or UTF-16 with a BOM, as src/cli/encoding.ts
 * detects it or `--encoding` names it; otherwise a one-line InputError with file:line:col saying what to do.
 */
export function readSourceFile(file: string): string {
    try {
        return readSourceText(file, inputEncoding).text;
    } catch (error) {
        throw error instanceof SourceTextError ? new InputError(error.message) : error;
    }
}
