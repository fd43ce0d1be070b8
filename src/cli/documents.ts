import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createPerfServices, type PerfServices } from '../language/perf-module.js';
import type { PerfFile } from '../language/generated/ast.js';

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
export async function loadFiles(paths: string[]): Promise<{ services: PerfServices; files: LoadedFile[] }> {
    const texts = paths.map(file => ({ path: file, text: readSourceFile(file) }));
    const { shared, perf } = createPerfServices(NodeFileSystem);
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

/** The text of a .perf file: UTF-8 (a BOM is dropped), or a one-line InputError saying what to do. */
export function readSourceFile(file: string): string {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        throw new InputError(`${file}: no such file`);
    }
    if (stat.isDirectory()) {
        throw new InputError(`${file}: is a directory; name the .perf files inside it`);
    }
    const bytes = fs.readFileSync(file);
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
        throw new InputError(`${file}: is not UTF-8 text; save it as UTF-8 and try again`);
    }
}
