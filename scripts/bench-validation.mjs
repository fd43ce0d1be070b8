// Validation speed: the reference table's projects repeated N times (default 100: 2,800 projects, 18,300
// indicators) in one file, parsed + linked + validated by all rules, against the same build without validation.
// Run after `npm run build`: node scripts/bench-validation.mjs [N]
import './object-group-by.mjs';
import * as fs from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { createPerfServices } from '../lib/language/perf-module.js';

const copies = Number(process.argv[2] ?? 100);
const reference = fs.readFileSync(new URL('../examples/nansha-commerce-bureau.perf', import.meta.url), 'utf8');
const body = reference.slice(reference.indexOf('    项目 '), reference.lastIndexOf('}'));
const text = `部门 "基准" {\n    单位 万元\n${Array.from({ length: copies }, (_, i) => body.replaceAll('项目 "', `项目 "${i}-`)).join('')}}\n`;

async function run(validation) {
    const { shared } = createPerfServices(EmptyFileSystem);
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const document = shared.workspace.LangiumDocuments.createDocument(URI.parse(`file:///bench-${validation}.perf`), text);
    const start = performance.now();
    await shared.workspace.DocumentBuilder.build([document], { validation });
    return { ms: performance.now() - start, diagnostics: document.diagnostics?.length ?? 0 };
}

await run(true); // warm-up
const without = await run(false);
const withRules = await run(true);
console.log(`${copies * 28} projects, ${text.split('\n').length} lines: build without validation ${without.ms.toFixed(0)} ms, `
    + `with every rule ${withRules.ms.toFixed(0)} ms (${withRules.diagnostics} diagnostics); validation ≈ ${(withRules.ms - without.ms).toFixed(0)} ms`);
