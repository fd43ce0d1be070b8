#!/usr/bin/env node
// perf at province scale: one JSON line per figure, each with its target and pass/fail.
//
//   npm run bench                       the full benchmark (needs `npm run build` first)
//   npm run bench -- --smoke            small sizes, 2 runs: checks that the harness works (used by the tests)
//   npm run bench -- --only startup,check,peers,province,compile,lsp,lsp-province   --runs N (default 5)   --keep (leave the generated files)
//   npm run bench -- --server cli       the LSP figures with `perf lsp --stdio` even when dist/server.cjs exists
//   npm run bench -- --server-exec-argv '--max-semi-space-size=4'   Node options for the server instead of the client's
//   npm run bench -- --profile-server DIR   write the language server's CPU profile (node --cpu-prof) into DIR
//
// Figures: (0) `perf --help`; (1) `perf check --no-cache` as a whole process on 25,000 and 250,000 indicators,
// and their ratio; (1b) perf against bean-check, hledger check (cold) and ledger bal (warm) on ledgers of the same
// size (scripts/bench/peers.mjs installs them from Debian when missing), each ratio from interleaved pairs;
// (1c) a province of 1,000 files and 500,000 indicators, cold;
// (2) `perf compile` of the 25,000-indicator document to JSON and to XLSX; (3) over LSP stdio: a workspace
// of 1,000 files opened, then in its 300-indicator file the time from a didChange to its publishDiagnostics,
// and completion at an indicator code, first with no other load, then while the bench runs a second process
// burning one core; (4) the server's peak memory holding that workspace (VmHWM); (5) its peak memory holding
// the province of (1c).
// Times are medians and p95 (nearest rank) of the runs; peak memory is the largest of the runs.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateDocument, generateWorkspace } from './generate.mjs';
import { LspClient } from './bench/lsp-client.mjs';
import { ensurePeers, PEERS, writePeerLedgers } from './bench/peers.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const perfBin = path.join(repoRoot, 'bin', 'perf.js');
const peakMemoryPreload = path.join(repoRoot, 'scripts', 'bench', 'peak-memory.cjs');

const FULL = {
    checkSizes: [25_000, 250_000], compileSize: 25_000, province: { files: 1_000, indicatorsPerFile: 500 },
    workspaceFiles: 1_000, indicatorsPerFile: 25, editedFileIndicators: 300, keystrokes: 100, completions: 60
};
const SMOKE = {
    checkSizes: [500, 5_000], compileSize: 500, province: { files: 10, indicatorsPerFile: 50 },
    workspaceFiles: 10, indicatorsPerFile: 25, editedFileIndicators: 300, keystrokes: 5, completions: 5
};

// Issue 17: cold check against bean-check and hledger check, warm check against ledger bal (ratios measured in
// the same run, interleaved), compile XLSX and --help in absolute time, the language server at 1,000 files.
const TARGETS = {
    xlsxMs: 800, helpMs: 100, keystrokeP95Ms: 30, completionP95Ms: 10, memoryMiB: 200, provinceMemoryMiB: 1024, provinceMs: 10_000,
    peerRatio: { 'bean-check': 1.0, 'hledger check': 0.5, 'ledger bal': 1.0 }
};

function parseArguments(argv) {
    const options = { smoke: false, runs: undefined, only: ['startup', 'check', 'peers', 'province', 'compile', 'lsp', 'lsp-province'], keep: false, server: 'auto' };
    for (let i = 0; i < argv.length; i++) {
        switch (argv[i]) {
            case '--smoke': options.smoke = true; break;
            case '--keep': options.keep = true; break;
            case '--runs': options.runs = Number(argv[++i]); break;
            case '--only': options.only = argv[++i].split(','); break;
            case '--server': options.server = argv[++i]; break;
            case '--server-exec-argv': options.serverExecArgv = argv[++i].split(' ').filter(Boolean); break;
            case '--profile-server': options.profileServer = path.resolve(argv[++i]); break;
            default: throw new Error(`unknown option ${argv[i]}; see the head of scripts/bench.mjs`);
        }
    }
    options.runs ??= options.smoke ? 2 : 5;
    if (!Number.isInteger(options.runs) || options.runs < 1) {
        throw new Error('--runs needs a whole number of at least 1');
    }
    return options;
}

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank p95: with 5 runs it is the slowest one. */
export function p95(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)];
}

const round = value => Math.round(value * 10) / 10;

function print(figure) {
    console.log(JSON.stringify(figure));
}

function timingFigure(name, description, times, extra) {
    return { figure: name, description, runs: times.length, median_ms: round(median(times)), p95_ms: round(p95(times)), ...extra };
}

/** Runs `node [preload] bin/perf.js args` once: wall time from spawn to exit, and the child's own peak RSS. */
function runPerf(args, workDir, env = {}) {
    const peakFile = path.join(workDir, `peak-${process.pid}-${Date.now()}.txt`);
    return runProcess(process.execPath, ['--require', peakMemoryPreload, perfBin, ...args], workDir, {
        ...env,
        // The 250,000-indicator document is 32 MB, over perf's default 10 MB document limit; the cache lives in
        // the bench's folder, and only the warm figures use it (the others pass --no-cache).
        PERF_BENCH_PEAK_FILE: peakFile, PERF_MAX_DOCUMENT_MB: '64', PERF_CACHE_DIR: path.join(workDir, 'cache')
    }).then(({ ms, stderr }) => {
        const peakMiB = Number(fs.readFileSync(peakFile, 'utf8')) / 1024;
        fs.rmSync(peakFile, { force: true });
        return { ms, peakMiB, stderr };
    });
}

/** Runs a program once; resolves with its wall time from spawn to exit, rejects when it fails. */
function runProcess(program, args, workDir, env = {}) {
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(program, args, { cwd: workDir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
        let stderr = '';
        child.stderr.on('data', chunk => { stderr += chunk; });
        child.on('error', reject);
        child.on('exit', code => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            if (code !== 0) {
                reject(new Error(`${path.basename(program)} ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`));
                return;
            }
            resolve({ ms, stderr });
        });
    });
}

async function repeat(runs, args, workDir) {
    const results = [];
    for (let i = 0; i < runs; i++) {
        results.push(await runPerf(args, workDir));
    }
    return { times: results.map(result => result.ms), peakMiB: round(Math.max(...results.map(result => result.peakMiB))) };
}

function writeDocument(workDir, indicators) {
    const file = path.join(workDir, `document-${indicators}.perf`);
    if (!fs.existsSync(file)) {
        fs.writeFileSync(file, generateDocument({ indicators, seed: 1 }).text);
    }
    return file;
}

const sizeLabel = indicators => indicators >= 1000 ? `${indicators / 1000}k` : String(indicators);
const megabytes = file => `${(fs.statSync(file).size / 1e6).toFixed(1)} MB`;

async function benchCheck(options, sizes, workDir) {
    const medians = [];
    for (const indicators of sizes.checkSizes) {
        const file = writeDocument(workDir, indicators);
        const { times, peakMiB } = await repeat(options.runs, ['check', '--no-cache', file], workDir);
        medians.push(median(times));
        print(timingFigure(`check ${sizeLabel(indicators)}`,
            `perf check --no-cache (cold) as a whole process, one document of ${indicators} indicators (${megabytes(file)}; PERF_MAX_DOCUMENT_MB=64)`,
            times, { peak_mib: peakMiB, target: 'none of its own (the peer ratios below)', pass: null }));
    }
    const [small, large] = sizes.checkSizes;
    const ratio = medians[1] / medians[0];
    const sizeRatio = large / small;
    print({
        figure: `check growth ${sizeLabel(large)}/${sizeLabel(small)}`,
        description: `median time of perf check at ${large} indicators over ${small}`,
        ratio: round(ratio), target: `≤ ${sizeRatio} (linear)`, pass: ratio <= sizeRatio
    });
}

/** A province: 1,000 department files of 500 indicators, checked together, cold; one run (it takes tens of seconds). */
async function benchProvince(options, sizes, workDir) {
    const folder = path.join(workDir, 'province');
    fs.mkdirSync(folder, { recursive: true });
    const files = [...generateWorkspace({ ...sizes.province, seed: 3 })].map(file => {
        const written = path.join(folder, file.fileName);
        fs.writeFileSync(written, file.text);
        return written;
    });
    const indicators = sizes.province.files * sizes.province.indicatorsPerFile;
    // PERF_DEBUG=1: perf says on stderr how many threads shared the files, if more than one (src/cli/check-parallel.ts).
    const { ms, peakMiB, stderr } = await runPerf(['check', '--no-cache', ...files], workDir, { PERF_DEBUG: '1' });
    const threads = Number(/ on (\d+) threads\n/.exec(stderr)?.[1] ?? 1);
    print(timingFigure(`check province ${sizes.province.files} files`,
        `perf check --no-cache of ${files.length} files, ${indicators} indicators in all, one process, on ${threads} `
        + `thread${threads === 1 ? '' : 's'} (${os.availableParallelism()} cores)`, [ms], {
            threads, peak_mib: round(peakMiB), target: `median ≤ ${TARGETS.provinceMs} ms at 1,000 files of 500 indicators`,
            pass: sizes.province.files === 1_000 ? ms <= TARGETS.provinceMs : null
        }));
}

async function benchStartup(options, workDir) {
    const { times, peakMiB } = await repeat(options.runs, ['--help'], workDir);
    print(timingFigure('perf --help', 'perf --help as a whole process', times, {
        peak_mib: peakMiB, target: `median ≤ ${TARGETS.helpMs} ms`, pass: median(times) <= TARGETS.helpMs
    }));
}

/**
 * perf against each peer, run in turn (perf, peer, perf, peer …) so that the ratio of each pair is taken in the
 * same seconds; the figure is the median of the pair ratios. bean-check and hledger check are compared with a
 * cold check (--no-cache), ledger bal with a warm one (nothing changed since the last check of the file).
 */
async function benchPeers(options, sizes, workDir) {
    const file = writeDocument(workDir, sizes.compileSize);
    const ledgers = writePeerLedgers(workDir, fs.statSync(file).size);
    const unavailable = ensurePeers({ install: !options.smoke });
    await runPerf(['check', file], workDir); // the warm runs find this run's findings in the cache
    for (const peer of PEERS) {
        const warm = peer.name === 'ledger bal';
        const perfArgs = warm ? ['check', file] : ['check', '--no-cache', file];
        const target = `perf/${peer.name} ≤ ${TARGETS.peerRatio[peer.name]} (median of ${options.runs} interleaved pairs)`;
        const label = `perf check${warm ? ' (warm: unchanged since its last check)' : ' --no-cache (cold)'} of ${sizes.compileSize} indicators `
            + `(${megabytes(file)}) against ${peer.name} of ${ledgers.transactions} transactions (${megabytes(ledgers[peer.format])})`;
        const reason = unavailable.get(peer.name);
        if (reason) {
            print({ figure: `ratio perf/${peer.name}`, description: `${label}: NOT MEASURED, ${reason}`, target, pass: null });
            continue;
        }
        const perfTimes = [];
        const peerTimes = [];
        for (let i = 0; i < options.runs; i++) {
            perfTimes.push((await runPerf(perfArgs, workDir)).ms);
            peerTimes.push((await runProcess(peer.program, peer.args(ledgers[peer.format]), workDir)).ms);
        }
        const ratio = median(perfTimes.map((ms, i) => ms / peerTimes[i]));
        print({
            figure: `ratio perf/${peer.name}`, description: label, runs: options.runs,
            perf_median_ms: round(median(perfTimes)), peer_median_ms: round(median(peerTimes)),
            ratio: Math.round(ratio * 100) / 100, target,
            pass: sizes.compileSize === 25_000 ? ratio <= TARGETS.peerRatio[peer.name] : null
        });
    }
}

async function benchCompile(options, sizes, workDir) {
    const file = writeDocument(workDir, sizes.compileSize);
    for (const format of ['json', 'xlsx']) {
        const output = path.join(workDir, `compiled.${format}`);
        const { times, peakMiB } = await repeat(options.runs, ['compile', file, '--format', format, '-o', output], workDir);
        const isXlsx = format === 'xlsx';
        print(timingFigure(`compile ${sizeLabel(sizes.compileSize)} ${format}`,
            `perf compile --format ${format} as a whole process, ${sizes.compileSize} indicators (${megabytes(file)}) → ${megabytes(output)}`,
            times, {
                peak_mib: peakMiB,
                target: isXlsx ? `median ≤ ${TARGETS.xlsxMs} ms` : 'none (reported beside check)',
                pass: isXlsx && sizes.compileSize === 25_000 ? median(times) <= TARGETS.xlsxMs : null
            }));
    }
}

/**
 * The language server an editor runs (the bundled one when the extension is built, else `perf lsp --stdio`),
 * started with the Node options and environment the VS Code client gives it.
 */
async function serverCommand(choice, execArgv) {
    const { SERVER_ENV, SERVER_EXEC_ARGV: clientExecArgv } = await import('../lib/server/server-process.js');
    const SERVER_EXEC_ARGV = execArgv ?? clientExecArgv;
    const settings = [...Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`), 'node', ...SERVER_EXEC_ARGV].join(' ');
    const env = { ...process.env, ...SERVER_ENV };
    const bundled = path.join(repoRoot, 'dist', 'server.cjs');
    if (choice !== 'cli' && fs.existsSync(bundled)) {
        return { label: `${settings} dist/server.cjs --stdio`, args: [...SERVER_EXEC_ARGV, bundled, '--stdio'], env };
    }
    return { label: `${settings} bin/perf.js lsp --stdio`, args: [...SERVER_EXEC_ARGV, perfBin, 'lsp', '--stdio'], env };
}

/** The 1,000-file workspace, and the edited file of 300 indicators in it. */
function writeWorkspace(workDir, sizes) {
    const folder = path.join(workDir, `workspace-${sizes.workspaceFiles}`);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    let indicators = 0;
    for (const file of generateWorkspace({ files: sizes.workspaceFiles - 1, indicatorsPerFile: sizes.indicatorsPerFile, seed: 7 })) {
        fs.writeFileSync(path.join(folder, file.fileName), file.text);
        indicators += file.indicators;
    }
    const edited = path.join(folder, 'edited.perf');
    const text = editedFileText(sizes.editedFileIndicators, sizes.workspaceFiles);
    fs.writeFileSync(edited, text);
    return { folder, edited, text, indicators: indicators + sizes.editedFileIndicators };
}

/** The file the keystrokes edit, generated as file number `index` of the workspace. */
export function editedFileText(indicators, index) {
    return generateDocument({ indicators, seed: 11, index }).text;
}

/** Where a keystroke types in the edited file: inside its first goal (绩效目标), so the text stays valid. */
export function typingPosition(text) {
    return positionOf(text, /绩效目标 "/, '绩效目标 "'.length + 2);
}

/** Line and character of the first match of `pattern` in `text`, plus `offset` characters. */
function positionOf(text, pattern, offset) {
    const lines = text.split('\n');
    const line = lines.findIndex(candidate => pattern.test(candidate));
    return { line, character: lines[line].search(pattern) + offset };
}

/** Time from `started` until `files` documents have diagnostics; undefined when they stop coming (`quietMs` of silence). */
async function timeToAllDiagnosed(diagnosed, files, started, quietMs = 2000) {
    let last = diagnosed.size;
    let quietSince = performance.now();
    while (diagnosed.size < files) {
        await new Promise(resolve => setTimeout(resolve, 20));
        if (diagnosed.size !== last) {
            last = diagnosed.size;
            quietSince = performance.now();
        } else if (performance.now() - quietSince > quietMs) {
            return undefined;
        }
    }
    return performance.now() - started;
}

/** Starts the language server on `folder` as an editor does and opens `openedText` at `openedUri`; resolves once its diagnostics come. */
async function startServer(options, workDir, folder, openedUri, openedText, diagnosed) {
    const server = await serverCommand(options.server, options.serverExecArgv);
    const profiling = options.profileServer ? ['--cpu-prof', '--cpu-prof-dir', options.profileServer] : [];
    const client = new LspClient(process.execPath, [...profiling, ...server.args], { cwd: workDir, env: server.env });
    client.label = server.label;
    client.on('textDocument/publishDiagnostics', params => diagnosed.add(params.uri));
    const folderUri = pathToFileURL(folder).href;
    const started = performance.now();
    await client.request('initialize', {
        processId: process.pid, rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: path.basename(folder) }],
        capabilities: {
            textDocument: {
                synchronization: { didSave: true },
                publishDiagnostics: {},
                completion: { completionItem: { snippetSupport: true } }
            },
            workspace: { workspaceFolders: true }
        }
    });
    client.initializedMs = performance.now() - started;
    client.startedAt = started;
    client.notify('initialized', {});
    // An editor opens the file it shows at once; its diagnostics come once the workspace is built.
    const opened = client.waitFor('textDocument/publishDiagnostics', params => params.uri === openedUri);
    client.notify('textDocument/didOpen', { textDocument: { uri: openedUri, languageId: 'perf', version: 1, text: openedText } });
    await opened;
    client.readyMs = performance.now() - started;
    return client;
}

/**
 * A second process burning one core for as long as `work` runs, as a build or a test run beside the editor
 * does: on this 2-core machine the server and V8's GC threads then share the other core.
 */
async function underLoad(work) {
    const burner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    try {
        await new Promise(resolve => setTimeout(resolve, 200)); // let it get going
        return await work();
    } finally {
        burner.kill();
    }
}

async function benchLsp(options, sizes, workDir) {
    const workspace = writeWorkspace(workDir, sizes);
    const editedUri = pathToFileURL(workspace.edited).href;
    const diagnosed = new Set();
    const client = await startServer(options, workDir, workspace.folder, editedUri, workspace.text, diagnosed);
    try {
        const diagnosedAtReady = diagnosed.size;
        // A server that validates the whole workspace at start publishes every file's diagnostics by now or soon.
        const allDiagnosedMs = await timeToAllDiagnosed(diagnosed, sizes.workspaceFiles, client.startedAt);
        print({
            figure: `lsp open workspace ${sizes.workspaceFiles} files`,
            description: `${client.label}: spawn → diagnostics of the open file, workspace of ${sizes.workspaceFiles} files `
                + `(${workspace.indicators} indicators); files with diagnostics then: ${diagnosedAtReady}`,
            initialize_ms: round(client.initializedMs), ready_ms: round(client.readyMs),
            all_files_diagnosed_ms: allDiagnosedMs === undefined ? null : round(allDiagnosedMs),
            target: 'none (reported)', pass: null
        });
        let version = 1;
        for (const loaded of [false, true]) {
            const typing = () => typeAndComplete(client, workspace, editedUri, sizes, () => ++version);
            const { keystrokeTimes, otherDocuments, completionTimes, items } = loaded ? await underLoad(typing) : await typing();
            const load = loaded ? ', under load (the bench runs a second process burning one core meanwhile)' : ', no other load from the bench';
            const suffix = loaded ? ' under load' : '';
            print(timingFigure(`lsp keystroke → diagnostics${suffix}`,
                `didChange of one character in the ${sizes.editedFileIndicators}-indicator file → its publishDiagnostics${load}; `
                + `other documents revalidated per keystroke (max): ${otherDocuments}`, keystrokeTimes, {
                    target: `p95 ≤ ${TARGETS.keystrokeP95Ms} ms`, pass: p95(keystrokeTimes) <= TARGETS.keystrokeP95Ms
                }));
            print(timingFigure(`lsp completion at an indicator code${suffix}`,
                `textDocument/completion after an indicator code in the ${sizes.editedFileIndicators}-indicator file (${items} items)${load}`,
                completionTimes, { target: `p95 ≤ ${TARGETS.completionP95Ms} ms`, pass: p95(completionTimes) <= TARGETS.completionP95Ms }));
        }
        const peak = round(client.peakMemoryMiB());
        print({
            figure: 'lsp server peak memory',
            description: `VmHWM of the server holding ${sizes.workspaceFiles} files (${workspace.indicators} indicators) after the edits above`,
            peak_mib: peak, target: `≤ ${TARGETS.memoryMiB} MiB`, pass: peak <= TARGETS.memoryMiB
        });
    } finally {
        await client.shutdown();
    }
}

/** Keystrokes in a goal (type one character, then delete it: the text stays valid and the same size), then completions. */
async function typeAndComplete(client, workspace, editedUri, sizes, nextVersion) {
    const goal = typingPosition(workspace.text);
    const keystrokeTimes = [];
    let otherDocuments = 0;
    for (let i = 0; i < sizes.keystrokes; i++) {
        const typing = i % 2 === 0;
        const others = new Set();
        const listener = params => { if (params.uri !== editedUri) others.add(params.uri); };
        client.on('textDocument/publishDiagnostics', listener);
        const published = client.waitFor('textDocument/publishDiagnostics', params => params.uri === editedUri);
        const sent = performance.now();
        client.notify('textDocument/didChange', {
            textDocument: { uri: editedUri, version: nextVersion() },
            contentChanges: [typing
                ? { range: { start: goal, end: goal }, text: '改' }
                : { range: { start: goal, end: { line: goal.line, character: goal.character + 1 } }, text: '' }]
        });
        await published;
        keystrokeTimes.push(performance.now() - sent);
        // Documents that were revalidated by this change come right after; give them a moment to show.
        await new Promise(resolve => setTimeout(resolve, 20));
        client.off('textDocument/publishDiagnostics', listener);
        otherDocuments = Math.max(otherDocuments, others.size);
    }
    // Completion with the cursor right after an indicator code (`11|`), as when typing a new indicator.
    const code = positionOf(workspace.text, /^\s+\d+\/?\d* "/, 0);
    const codeEnd = { line: code.line, character: workspace.text.split('\n')[code.line].search(/\d+ "/) + 2 };
    const completionTimes = [];
    let items = 0;
    for (let i = 0; i < sizes.completions; i++) {
        const sent = performance.now();
        const result = await client.request('textDocument/completion', { textDocument: { uri: editedUri }, position: codeEnd });
        completionTimes.push(performance.now() - sent);
        items = Array.isArray(result) ? result.length : result?.items?.length ?? 0;
    }
    return { keystrokeTimes, otherDocuments, completionTimes, items };
}

/** The province (1,000 files of 500 indicators) held by the server: its peak memory once every file is validated. */
async function benchLspProvince(options, sizes, workDir) {
    const folder = path.join(workDir, 'lsp-province');
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    const files = [...generateWorkspace({ ...sizes.province, seed: 3 })];
    for (const file of files) {
        fs.writeFileSync(path.join(folder, file.fileName), file.text);
    }
    const indicators = files.reduce((sum, file) => sum + file.indicators, 0);
    const opened = path.join(folder, files[0].fileName);
    const diagnosed = new Set();
    const client = await startServer(options, workDir, folder, pathToFileURL(opened).href, files[0].text, diagnosed);
    try {
        const allDiagnosedMs = await timeToAllDiagnosed(diagnosed, files.length, client.startedAt, 30_000);
        const peak = round(client.peakMemoryMiB());
        print({
            figure: `lsp server peak memory, province ${sizes.province.files} files`,
            description: `VmHWM of the server that opened a workspace of ${files.length} files (${indicators} indicators) `
                + `and validated them all (documents with diagnostics: ${diagnosed.size}; spawn → all diagnosed: `
                + `${allDiagnosedMs === undefined ? 'never' : `${Math.round(allDiagnosedMs)} ms`}); now ${round(client.residentMemoryMiB())} MiB resident`,
            peak_mib: peak, target: `≤ ${TARGETS.provinceMemoryMiB} MiB`,
            pass: sizes.province.files === 1_000 ? peak <= TARGETS.provinceMemoryMiB : null
        });
    } finally {
        await client.shutdown();
    }
}

async function main() {
    const options = parseArguments(process.argv.slice(2));
    const sizes = options.smoke ? SMOKE : FULL;
    if (!fs.existsSync(path.join(repoRoot, 'lib', 'cli', 'main.js'))) {
        throw new Error('lib/cli/main.js is missing: run `npm run build` first');
    }
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-bench-'));
    print({
        figure: 'machine', node: process.version, cpus: os.cpus().length, load_average: os.loadavg().map(round),
        runs: options.runs, smoke: options.smoke, note: 'shared machine: timings are noisy, compare medians'
    });
    try {
        if (options.only.includes('startup')) {
            await benchStartup(options, workDir);
        }
        if (options.only.includes('check')) {
            await benchCheck(options, sizes, workDir);
        }
        if (options.only.includes('peers')) {
            await benchPeers(options, sizes, workDir);
        }
        if (options.only.includes('province')) {
            await benchProvince(options, sizes, workDir);
        }
        if (options.only.includes('compile')) {
            await benchCompile(options, sizes, workDir);
        }
        if (options.only.includes('lsp')) {
            await benchLsp(options, sizes, workDir);
        }
        if (options.only.includes('lsp-province')) {
            await benchLspProvince(options, sizes, workDir);
        }
    } finally {
        if (options.keep) {
            console.error(`bench: generated files kept in ${workDir}`);
        } else {
            fs.rmSync(workDir, { recursive: true, force: true });
        }
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main().catch(error => {
        console.error(`bench: ${error.message}`);
        process.exitCode = 1;
    });
}
