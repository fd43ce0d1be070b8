import { DocumentValidator, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createPerfServices } from '../language/perf-module.js';
import type { PerfFile } from '../language/generated/ast.js';

export interface ParsedVersion {
    file: PerfFile;
    /** Syntax problems as `label:line:col: message`; the diff still covers what could be read. */
    problems: string[];
}

const SYNTAX_CODES: ReadonlySet<unknown> = new Set([DocumentValidator.LexingError, DocumentValidator.ParsingError]);

/**
 * Parses and links one version of a file in services of its own: the two versions declare the same
 * department and catalog names, which would shadow each other in one workspace. Indicator codes link
 * against the built-in catalogs (and catalogs declared in the file itself).
 */
export async function parseVersion(text: string, label: string): Promise<ParsedVersion> {
    const { shared } = createPerfServices(EmptyFileSystem);
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const document = shared.workspace.LangiumDocuments.createDocument(
        URI.parse('file:///perf-diff/version.perf'), text) as LangiumDocument<PerfFile>;
    await shared.workspace.DocumentBuilder.build([document], { validation: { categories: ['built-in'] } });
    const problems = (document.diagnostics ?? [])
        .filter(diagnostic => SYNTAX_CODES.has((diagnostic.data as { code?: unknown } | undefined)?.code))
        .map(diagnostic => `${label}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}: `
            + `语法错误 (syntax error): ${diagnostic.message}`);
    return { file: withNamesAsText(document.parseResult.value), problems };
}

/**
 * Where the parser recovered from a syntax error, a department, project or indicator can lack its name
 * (undefined, although the AST type says string): the diff compares and prints names, so read them as ''.
 */
function withNamesAsText(file: PerfFile): PerfFile {
    for (const department of file.departments) {
        department.name ??= '';
        for (const project of department.projects) {
            project.name ??= '';
            for (const indicator of project.indicators) {
                indicator.name ??= '';
            }
        }
    }
    return file;
}
