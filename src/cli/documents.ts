import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createPerfServices, type PerfServices } from '../language/perf-module.js';
import type { PerfFile } from '../language/generated/ast.js';
import type { RuleSettings } from '../language/validation/rule-settings.js';
import { SETTINGS_SECTION } from '../language/settings/perf-settings.js';
import type { PerfConfigurationProvider } from '../language/settings/perf-configuration-provider.js';
import type { ProjectConfig } from '../language/settings/project-config.js';
import { BatchModule } from '../language/langium-speed/batch-module.js';
import { projectConfigFor } from './project-config.js';
import { readSourceFiles, type SourceFile } from './source-files.js';


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
    /** perf.config.json, if the command has read it already; else found from the first file. */
    project?: ProjectConfig;
}

/**
 * Reads, parses, links and validates the given files together (with the built-in catalogs), as the
 * editor would: so `perf check` reports exactly what the editor shows.
 */
export async function loadFiles(paths: string[], options: LoadOptions = {}): Promise<{ services: PerfServices; files: LoadedFile[] }> {
    return loadTexts(readSourceFiles(paths, options.encoding), { ...options, project: options.project ?? projectConfigFor(paths) });
}

/** LoadOptions with the perf.config.json of the files found already (loadFiles looks it up beside the paths). */
export type ProjectLoadOptions = LoadOptions & { project: ProjectConfig };

/** loadFiles on texts read already (a `perf check` worker thread gets them from the main thread). */
export async function loadTexts(texts: readonly SourceFile[], options: ProjectLoadOptions): Promise<{ services: PerfServices; files: LoadedFile[] }> {
    const project = options.project;
    const { shared, perf } = createPerfServices(NodeFileSystem, BatchModule);
    // The options reach PerfSettings as the editor's settings do (perf.rules, perf.roundingTolerance, perf.catalog),
    // over perf.config.json as the editor's settings are.
    (shared.workspace.ConfigurationProvider as PerfConfigurationProvider).useProjectConfig(project);
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
