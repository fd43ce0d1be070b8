// Where a CPU profile's time goes, without Chrome DevTools:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/perf.js check big.perf
//   node scripts/bench/cpu-profile-summary.mjs /tmp/prof/*.cpuprofile [NAME …]
// prints the functions with the most self time, then, for each NAME (the start of "function@file:line"),
// its inclusive time and the inclusive time of what it calls. Async continuations appear under (root).
import fs from 'node:fs';

const [file, ...names] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map(node => [node.id, node]));
const selfMicros = new Map();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + profile.timeDeltas[i]));

const label = id => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    return `${functionName || '(anonymous)'}@${url.replace(/.*node_modules\//, '').replace(/^file:\/\/.*?\/(out|scripts)\//, '$1/')}:${lineNumber}`;
};
const inclusiveMemo = new Map();
const inclusive = id => {
    if (!inclusiveMemo.has(id)) {
        inclusiveMemo.set(id, (selfMicros.get(id) ?? 0) + (nodes.get(id).children ?? []).reduce((sum, child) => sum + inclusive(child), 0));
    }
    return inclusiveMemo.get(id);
};
const ms = micros => `${Math.round(micros / 1000)} ms`.padStart(8);
const top = (totals, count) => [...totals].sort((a, b) => b[1] - a[1]).slice(0, count);
const add = (totals, key, micros) => totals.set(key, (totals.get(key) ?? 0) + micros);

const selfByFunction = new Map();
for (const [id, micros] of selfMicros) {
    add(selfByFunction, label(id), micros);
}
console.log(`total ${ms(inclusive(profile.nodes[0].id))}\nself time:`);
for (const [name, micros] of top(selfByFunction, 30)) {
    console.log(`${ms(micros)}  ${name}`);
}

const parents = new Map();
for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
}
for (const name of names) {
    const matches = id => label(id).startsWith(name);
    // outermost calls only, so recursion is not counted twice
    const outermost = profile.nodes.map(node => node.id).filter(id => {
        if (!matches(id)) return false;
        for (let up = parents.get(id); up !== undefined; up = parents.get(up)) if (matches(up)) return false;
        return true;
    });
    const callees = new Map();
    for (const id of outermost) {
        for (const child of nodes.get(id).children ?? []) add(callees, label(child), inclusive(child));
    }
    console.log(`\n${name}: ${ms(outermost.reduce((sum, id) => sum + inclusive(id), 0))} inclusive; calls:`);
    for (const [callee, micros] of top(callees, 12)) {
        console.log(`${ms(micros)}  ${callee}`);
    }
}
