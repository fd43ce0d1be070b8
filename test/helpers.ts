import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createPerfServices } from '../src/language/perf-module.js';
import type { PerfFile } from '../src/language/generated/ast.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const referenceExample = path.join(repoRoot, 'examples', 'nansha-commerce-bureau.perf');
/** The published table as text pulled out of its PDF (a copy of shared/reference, so a fresh clone tests alone). */
export const referenceText = path.join(repoRoot, 'test', 'fixtures', 'nansha-commerce-bureau.txt');

/** Language services with the built-in catalogs loaded, as the editor and the CLI have them. */
export async function createServices() {
    const services = createPerfServices(EmptyFileSystem);
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    return services;
}

let documentCounter = 0;

/** Parses, links and validates one document text. */
export async function parseDocument(text: string, services?: Awaited<ReturnType<typeof createServices>>): Promise<LangiumDocument<PerfFile>> {
    const { shared } = services ?? await createServices();
    const uri = URI.parse(`file:///test/document-${++documentCounter}.perf`);
    const document = shared.workspace.LangiumDocuments.createDocument(uri, text) as LangiumDocument<PerfFile>;
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

export function readReferenceExample(): string {
    return fs.readFileSync(referenceExample, 'utf8');
}

/** Text without any whitespace: the PDF text wraps cells anywhere, so compare with all of it removed. */
export function stripWhitespace(text: string): string {
    return text.replace(/\s+/g, '');
}

/** "file:line:col: severity: message [code]"-free summary of a document's diagnostics, for assertions. */
export function diagnosticsOf(document: LangiumDocument, severity?: 1 | 2 | 3 | 4): string[] {
    return (document.diagnostics ?? [])
        .filter(d => severity === undefined || d.severity === severity)
        .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

/**
 * Runs the command line as a user does: `node bin/perf.js ARGS` (the dist/cli bundle or lib/, both built by
 * `npm test`'s pretest), in `cwd` (default: the repository), with extra environment variables; `packageRoot`
 * runs the bin/perf.js of another copy of the package.
 */
export function runPerf(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; packageRoot?: string } = {}): CliResult {
    const result = spawnSync(process.execPath, [path.join(options.packageRoot ?? repoRoot, 'bin', 'perf.js'), ...args], {
        encoding: 'utf8', cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 120_000, maxBuffer: 256 * 1024 * 1024
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
