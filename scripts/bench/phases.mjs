// In-process build phases of one document, for finding where time goes: node scripts/bench/phases.mjs FILE.perf
// (parse, index, scopes, link, index references, validate; heap and RSS at the end). Needs npm run build.
// --batch: with the services of one-shot commands (perf check: grammar reader, no reference index).
import '../object-group-by.mjs';
import fs from 'node:fs';
import { URI, DocumentState } from 'langium';
import { NodeFileSystem } from 'langium/node';
const t0 = performance.now();
const { createPerfServices } = await import('../../lib/language/perf-module.js');
const batch = process.argv.includes('--batch');
const { BatchModule } = await import('../../lib/language/langium-speed/batch-module.js');
const tImport = performance.now();
const { shared } = createPerfServices(NodeFileSystem, batch ? BatchModule : undefined);
await shared.workspace.WorkspaceManager.initializeWorkspace([]);
const tInit = performance.now();
const text = fs.readFileSync(process.argv.slice(2).find(arg => !arg.startsWith('--')), 'utf8');
const marks = [];
for (const [name, state] of Object.entries(DocumentState).filter(([k, v]) => typeof v === 'number' && v > 1)) {
    shared.workspace.DocumentBuilder.onBuildPhase(state, () => marks.push([name, performance.now()]));
}
const tp = performance.now();
const doc = shared.workspace.LangiumDocuments.createDocument(URI.file('/tmp/x.perf'), text);
const tParsed = performance.now();
await shared.workspace.DocumentBuilder.build([doc], { validation: true });
let last = tParsed;
console.log(`import ${Math.round(tImport - t0)} init ${Math.round(tInit - tImport)} parse ${Math.round(tParsed - tp)}`,
  marks.map(([n, t]) => { const d = Math.round(t - last); last = t; return `${n} ${d}`; }).join(' '), `diags ${doc.diagnostics.length}`,
  `heap ${Math.round(process.memoryUsage().heapUsed / 2**20)} MiB rss ${Math.round(process.memoryUsage().rss / 2**20)}`);
