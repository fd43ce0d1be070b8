// Benchmark of `perf diff` (issue 9): the semantic diff of the reference table, and of a large table
// (the reference repeated) with renamed projects, where the similarity matching does its O(n·m) pass.
// Run after `npm run build`: node scripts/bench-diff.mjs [copies]
import './object-group-by.mjs';
import * as fs from 'node:fs';
import { parseVersion } from '../lib/diff/parse-version.js';
import { diffFiles } from '../lib/diff/semantic-diff.js';
import { renderText } from '../lib/diff/render-text.js';

const reference = fs.readFileSync(new URL('../examples/nansha-commerce-bureau.perf', import.meta.url), 'utf8');
const copies = Number(process.argv[2] ?? 40);

/** The department body repeated, each copy's project names suffixed so they stay unique. */
function scaled(text, times) {
    const open = text.indexOf('{') + 1;
    const close = text.lastIndexOf('}');
    const body = text.slice(open, close).replace(/^\s*(合计|财政拨款) .*$/gm, '');
    const parts = Array.from({ length: times }, (_, copy) => body.replace(/项目 "([^"]*)"/g, `项目 "$1（${copy + 1}）"`));
    return `${text.slice(0, open)}\n${parts.join('\n')}\n}\n`;
}

/** A revision: every tenth project renamed, targets raised, one amount changed in each copy. */
function revise(text) {
    let count = 0;
    return text
        .replace(/项目 "([^"]*)"/g, (whole, name) => (++count % 10 === 0 ? `项目 "${name}（调整）"` : whole))
        .replace(/≥90%/g, '≥92%')
        .replace(/总计 24\.00\n(\s*)财政拨款 24\.00/g, '总计 30.00\n$1财政拨款 30.00');
}

async function measure(label, oldText, newText) {
    const started = performance.now();
    const before = await parseVersion(oldText, 'old');
    const after = await parseVersion(newText, 'new');
    const parsed = performance.now();
    const diff = diffFiles({ label: 'old', file: before.file }, { label: 'new', file: after.file });
    const diffed = performance.now();
    const text = renderText(diff);
    const rendered = performance.now();
    const projects = diff.departments.flatMap(d => d.projects);
    const indicators = projects.reduce((n, p) => n + p.indicators.length, 0);
    console.log(`${label}: ${projects.length} projects, ${(Buffer.byteLength(oldText) / 1024).toFixed(0)} KiB; `
        + `parse+link both ${(parsed - started).toFixed(0)} ms, match+diff ${(diffed - parsed).toFixed(0)} ms, `
        + `text ${(rendered - diffed).toFixed(0)} ms; ${projects.filter(p => p.status === 'renamed').length} renamed, `
        + `${indicators} indicator changes`);
}

await measure('reference table (warm-up)', reference, revise(reference));
await measure('reference table', reference, revise(reference));
const large = scaled(reference, copies);
await measure(`reference ×${copies}`, large, revise(large));
