// The language server: the entry of `perf lsp --stdio` and of the VS Code extension's bundled server.
// Importing this module starts serving on the transport named on the command line (--stdio, --node-ipc,
// --socket=PORT), as every vscode-languageserver based server does.
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createPerfServices } from '../language/perf-module.js';
import type { PerfConfigurationProvider } from '../language/settings/perf-configuration-provider.js';
import { registerPerfRequests } from './perf-requests.js';
import { collectGarbageEarly } from './server-process.js';

collectGarbageEarly();
const connection = createConnection(ProposedFeatures.all);
const { shared } = createPerfServices({ connection, ...NodeFileSystem });
// The VS Code client's perf/* requests (official table, totals, compile, check workspace): perf-protocol.ts.
registerPerfRequests(shared);
// perf.config.json at the workspace root, under the editor's settings: read again when it changes.
(shared.workspace.ConfigurationProvider as PerfConfigurationProvider).watchProjectConfig(shared.lsp.DocumentUpdateHandler);
startLanguageServer(shared);
