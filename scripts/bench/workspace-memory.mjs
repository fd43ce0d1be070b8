// In-process memory of a workspace held by the language services, for finding where memory goes:
//   node --expose-gc scripts/bench/workspace-memory.mjs DIR [--keep-cst]
// builds DIR as the language server does (all files validated, each held without its CST once validated:
// closed-document-cst.ts; with --keep-cst, with it) and prints heap and RSS after a full GC.
import '../object-group-by.mjs';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createPerfServices } from '../../lib/language/perf-module.js';

const folder = process.argv[2];
const gcAndMeasure = () => {
    globalThis.gc?.();
    const usage = process.memoryUsage();
    return `heap ${Math.round(usage.heapUsed / 2 ** 20)} MiB, rss ${Math.round(usage.rss / 2 ** 20)} MiB`;
};
const before = gcAndMeasure();
const { shared, perf } = createPerfServices(NodeFileSystem);
perf.workspace.ClosedDocumentCst.enabled = !process.argv.includes('--keep-cst');
const started = performance.now();
await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(folder).toString(), name: 'bench' }]);
const documents = shared.workspace.LangiumDocuments.all.toArray();
const diagnostics = documents.reduce((n, document) => n + (document.diagnostics?.length ?? 0), 0);
console.log(`${documents.length} documents, ${diagnostics} diagnostics in ${Math.round(performance.now() - started)} ms; `
    + `before: ${before}; after: ${gcAndMeasure()}; peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
