// Editor speed: completion of indicator names in a workspace of N files (default 1,000 copies of the reference
// table, each with its own indicator names: 183,000 names): the first request, the first after an edit, and warm; and the
// formatter on the reference table and on a 100-fold table. Run after `npm run build`:
//   node scripts/bench-editor.mjs [N]
import './object-group-by.mjs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createPerfServices } from '../lib/language/perf-module.js';

const files = Number(process.argv[2] ?? 1000);
const reference = fs.readFileSync(new URL('../examples/nansha-commerce-bureau.perf', import.meta.url), 'utf8');
const { shared, perf } = createPerfServices(NodeFileSystem);
await shared.workspace.WorkspaceManager.initializeWorkspace([]);

// Files on disk, so that an edit can be replayed the way the language server sees it (update → rebuild).
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-bench-editor-'));
const fileText = i => reference.replace(/(\d "[^"]+)"/g, `$1-${i}"`);
const documents = Array.from({ length: files }, (_, i) => {
    const file = path.join(folder, `file-${i}.perf`);
    fs.writeFileSync(file, fileText(i));
    return shared.workspace.LangiumDocuments.createDocument(URI.file(file), fileText(i));
});
const editing = shared.workspace.LangiumDocuments.createDocument(URI.parse('file:///bench/editing.perf'),
    '部门 "编辑中" {\n    项目 "甲" {\n        11 "南沙\n    }\n}\n');
let start = performance.now();
await shared.workspace.DocumentBuilder.build([...documents, editing], { validation: false });
const buildMs = performance.now() - start;

const params = { textDocument: { uri: editing.uri.toString() }, position: { line: 2, character: 14 } };
async function complete() {
    const t = performance.now();
    const list = await perf.lsp.CompletionProvider.getCompletion(editing, params);
    return { ms: performance.now() - t, items: list.items.length };
}
const first = await complete();
// An edit of another file: it is re-read and the merged name list rebuilt on the next request.
fs.writeFileSync(documents[0].uri.fsPath, fileText(0).replace('工作经费', '工作经费（改）'));
await shared.workspace.DocumentBuilder.update([documents[0].uri], []);
const cold = await complete();
const warm = [];
for (let i = 0; i < 5; i++) {
    warm.push((await complete()).ms);
}
console.log(`${files} files (${files * 183} indicators) built in ${(buildMs / 1000).toFixed(1)} s; name completion: `
    + `first request ${first.ms.toFixed(0)} ms, after an edit ${cold.ms.toFixed(0)} ms, warm ${Math.min(...warm).toFixed(0)} ms (${cold.items} items for \"南沙\")`);

for (const copies of [1, 100]) {
    const body = reference.slice(reference.indexOf('    项目 '), reference.lastIndexOf('}'));
    const text = copies === 1 ? reference
        : `部门 "基准" {\n    单位 万元\n\n${Array.from({ length: copies }, () => body).join('\n')}}\n`;
    const messy = text.replace(/\n\s*/g, '\n');
    const document = shared.workspace.LangiumDocuments.createDocument(URI.parse(`file:///bench/format-${copies}.perf`), messy);
    await shared.workspace.DocumentBuilder.build([document], { validation: false });
    start = performance.now();
    const edits = await perf.lsp.Formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    const formatMs = performance.now() - start;
    const same = TextDocument.applyEdits(document.textDocument, edits) === text;
    console.log(`format ${text.split('\n').length} lines (indentation stripped): ${formatMs.toFixed(0)} ms, ${edits.length} edits, `
        + `result ${same ? 'equals' : 'DIFFERS FROM'} the canonical text`);
}
fs.rmSync(folder, { recursive: true, force: true });
