import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createPerfServices, type PerfServices } from '../language/perf-module.js';
import type { PerfFile } from '../language/generated/ast.js';
import type { RuleSettings } from '../language/validation/rule-settings.js';
import { SETTINGS_SECTION } from '../language/settings/perf-settings.js';
import { parseSourceEncoding, readSourceText, SourceTextError, type SourceEncoding } from '../source/encoding.js';
import { BatchModule } from '../language/langium-speed/batch-module.js';
import { InputError } from './input-error.js';


export interface LoadedFile {
    path: string;
    document: LangiumDocument<PerfFile>;
    diagnostics: Diagnostic[];
}

/** The global options of every command that reads .perf files: `--encoding` and `--catalog`. */
export interface InputOptions {
    /** auto (detected, the default), utf-8, gbk or gb18030. */
    encoding?: string;
    /** The catalog of a department that names none, as the editor setting perf.catalog. */
    catalog?: string;
}

/** What `perf check` (and compile) may set beside the input options: the editor's perf.rules and perf.roundingTolerance. */
export interface LoadOptions extends InputOptions {
    rules?: RuleSettings;
    roundingTolerance?: string;
}

/**
 * Reads, parses, links and validates the given files together (with the built-in catalogs), as the
 * editor would: so `perf check` reports exactly what the editor shows.
 */
export async function loadFiles(paths: string[], options: LoadOptions = {}): Promise<{ services: PerfServices; files: LoadedFile[] }> {
    const encoding = sourceEncoding(options.encoding);
    const texts = paths.map(file => ({ path: file, text: readSourceFile(file, encoding) }));
    const { shared, perf } = createPerfServices(NodeFileSystem, BatchModule);
    // The options reach PerfSettings as the editor's settings do (perf.rules, perf.roundingTolerance, perf.catalog).
    shared.workspace.ConfigurationProvider.updateConfiguration({
        settings: { [SETTINGS_SECTION]: { rules: options.rules ?? {}, roundingTolerance: options.roundingTolerance, catalog: options.catalog } }
    });
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

/** `--encoding`: undefined means detected per file; a name perf does not know is a one-line InputError. */
export function sourceEncoding(name: string | undefined): SourceEncoding {
    try {
        return name === undefined ? 'auto' : parseSourceEncoding(name);
    } catch (error) {
        throw new InputError((error as Error).message);
    }
}

/**
 * The text of a .perf file: UTF-8 (a BOM is dropped), GBK/GB18030 or UTF-16 with a BOM, as src/source/encoding.ts
 * detects it or `--encoding` names it; otherwise a one-line InputError with file:line:col saying what to do.
 */
export function readSourceFile(file: string, encoding: SourceEncoding = 'auto'): string {
    try {
        return readSourceText(file, encoding).text;
    } catch (error) {
        throw error instanceof SourceTextError ? new InputError(error.message) : error;
    }
}
