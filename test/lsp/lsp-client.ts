import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult, ServerCapabilities } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { repoRoot } from '../helpers.js';

/** A bare LSP client: `node bin/perf.js lsp --stdio` spoken to in JSON-RPC, as any editor would. */
export interface LspSession {
    connection: MessageConnection;
    server: ChildProcessWithoutNullStreams;
    stderr: () => string;
    /** What the server said it can do (the semantic tokens legend among it). */
    capabilities: ServerCapabilities;
    /** Resolves with the first publishDiagnostics for `uri`. */
    diagnosticsFor(uri: string): Promise<Diagnostic[]>;
    close(): Promise<void>;
}

export async function startLspSession(): Promise<LspSession> {
    const server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'perf.js'), 'lsp', '--stdio'], { cwd: repoRoot });
    let stderr = '';
    server.stderr.on('data', chunk => { stderr += String(chunk); });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = new Map<string, Diagnostic[]>();
    const waiting = new Map<string, Array<(diagnostics: Diagnostic[]) => void>>();
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
        published.set(params.uri, params.diagnostics);
        for (const resolve of waiting.get(params.uri) ?? []) {
            resolve(params.diagnostics);
        }
        waiting.delete(params.uri);
    });
    // Answer configuration requests as an editor without settings does.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const { capabilities } = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: {
            workspace: { configuration: true },
            textDocument: {
                completion: { completionItem: { snippetSupport: true } },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                publishDiagnostics: {}
            }
        }
    }) as InitializeResult;
    await connection.sendNotification('initialized', {});
    return {
        connection,
        server,
        stderr: () => stderr,
        capabilities,
        diagnosticsFor: uri => published.has(uri)
            ? Promise.resolve(published.get(uri)!)
            : new Promise(resolve => waiting.set(uri, [...(waiting.get(uri) ?? []), resolve])),
        async close() {
            await connection.sendRequest('shutdown');
            await connection.sendNotification('exit');
            await new Promise(resolve => server.once('exit', resolve));
            connection.dispose();
        }
    };
}

export function fileUri(file: string): string {
    return pathToFileURL(file).toString();
}
