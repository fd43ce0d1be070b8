// Keystrokes in-process, without the LSP connection, for finding where a keystroke's time and garbage go:
//   node [--max-semi-space-size=16 --heap-growing-percent=25] scripts/bench/keystrokes.mjs DIR [--keystrokes N] [--allocations] [--keep-cst]
// builds DIR (a workspace from `npm run gen -- --files …`) as the language server does, adds a 300-indicator
// file, then types and deletes one character in a goal N times (default 100) through DocumentBuilder.update,
// as the server does on didChange. Prints the keystroke times; with --allocations, what each keystroke
// allocates by function (V8's sampling heap profiler, counting objects already collected). The other documents
// are held without their CST as in the server (closed-document-cst.ts); with --keep-cst, with it.
// Run it under `node --cpu-prof` for the CPU side.
import '../object-group-by.mjs';
import inspector from 'node:inspector/promises';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPerfServices } from '../../lib/language/perf-module.js';
import { editedFileText, typingPosition } from '../bench.mjs';

const [folder, ...options] = process.argv.slice(2);
const keystrokes = Number(options[options.indexOf('--keystrokes') + 1] || 100);
const { shared, perf } = createPerfServices(NodeFileSystem);
perf.workspace.ClosedDocumentCst.enabled = !options.includes('--keep-cst');
await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(path.resolve(folder)).toString(), name: 'bench' }]);

// The edited file of the LSP figures, typed in where they type.
const text = editedFileText(300, 1000);
const uri = URI.file(path.resolve(folder, 'edited-in-process.perf'));
const typedAt = TextDocument.create(uri.toString(), 'perf', 0, text).offsetAt(typingPosition(text));
let version = 0;
async function keystroke(i) {
    const edited = i % 2 === 0 ? text.slice(0, typedAt) + '改' + text.slice(typedAt) : text;
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'perf', ++version, edited));
    await shared.workspace.DocumentBuilder.update([uri], []);
}
for (let i = 0; i < 20; i++) {
    await keystroke(i); // warm-up: the first edits compile code and fill caches
}

const session = new inspector.Session();
session.connect();
const allocations = options.includes('--allocations');
if (allocations) {
    await session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true
    });
}
// Garbage collections while typing, by kind: less sensitive to a busy machine than the keystroke times.
const collections = { minor: { count: 0, ms: 0 }, major: { count: 0, ms: 0 } };
const gcObserver = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
        const kind = collections[entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR ? 'major' : 'minor'];
        kind.count++;
        kind.ms += entry.duration;
    }
});
gcObserver.observe({ entryTypes: ['gc'] });
const cpuBefore = process.cpuUsage();
const times = [];
for (let i = 0; i < keystrokes; i++) {
    const started = performance.now();
    await keystroke(i);
    times.push(performance.now() - started);
}
const cpu = process.cpuUsage(cpuBefore);
await new Promise(resolve => setTimeout(resolve, 100)); // the observer hears of the last collections
gcObserver.disconnect();
const sorted = [...times].sort((a, b) => a - b);
const at = fraction => sorted[Math.ceil(fraction * sorted.length) - 1].toFixed(1);
console.log(`${keystrokes} keystrokes: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms, `
    + `over 30 ms: ${times.filter(time => time > 30).length}, peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; `
    + `per keystroke: cpu ${((cpu.user + cpu.system) / 1000 / keystrokes).toFixed(1)} ms (all threads), `
    + `gc ${collections.minor.count} minor (${(collections.minor.ms / keystrokes).toFixed(1)} ms), `
    + `${collections.major.count} major (${(collections.major.ms / keystrokes).toFixed(1)} ms)`);

if (allocations) {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const byFunction = new Map();
    let total = 0;
    const visit = node => {
        const { functionName, url, lineNumber } = node.callFrame;
        const name = `${functionName || '(anonymous)'} ${url.replace(/.*\/(node_modules|lib)\//, '')}:${lineNumber + 1}`;
        byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
        total += node.selfSize;
        node.children.forEach(visit);
    };
    visit(profile.head);
    console.log(`allocated per keystroke: ${(total / keystrokes / 2 ** 20).toFixed(2)} MiB; by function (KiB per keystroke):`);
    for (const [name, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
        console.log(`${(bytes / keystrokes / 1024).toFixed(0).padStart(7)}  ${name}`);
    }
}
session.disconnect();
