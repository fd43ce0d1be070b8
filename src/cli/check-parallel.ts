/**
 * `perf check` on every core: the files are split into shares, one per thread (the main thread checks one, a
 * worker thread each of the others), and the findings put back in the order of the files.
 *
 * The findings of a file depend on the other files only through the global symbols (perf-scope.ts): the
 * catalogs (a department's 指标体系, the default catalog, the list in an unknown-catalog message) and the
 * departments a summary (汇总) sums. So every share holds, beside its own files, every file that declares a
 * catalog, in the order of the run (the first catalog of a name wins, as in one process); and a run with a
 * summary stays in one thread (a summary reads the departments of every file). Small runs stay in one thread
 * too: a worker's start-up (loading Langium, building the services) would cost more than it saves.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot, type CheckedFile } from './check-cache.js';
import type { CheckShare } from './check-share.js';
import type { ProjectLoadOptions } from './documents.js';
import { InputError } from './input-error.js';
import type { SourceFile } from './source-files.js';

/** Below this many characters in all, one thread is faster than several (docs/performance.md, sixth round). */
export const MIN_PARALLEL_CHARACTERS = 5_000_000;

// The token sequences that open a catalog and a summary (perf.langium: keyword, name=STRING, '{'), with the
// grammar's hidden terminals (WS, ML_COMMENT, SL_COMMENT) between them. Matched anywhere in the text, so a
// match inside a comment or string only costs a file's being loaded by every share, never a missed catalog.
const HIDDEN = String.raw`(?:\s|/\*[\s\S]*?\*/|//[^\n\r]*)*`;
const STRING = String.raw`(?:"(?:\\.|[^"\\\r\n])*"|“(?:\\.|“(?:\\.|[^“”\\\r\n])*”|[^“”\\\r\n])*”)`;
const opens = (keywords: string) => new RegExp(`(?:${keywords})${HIDDEN}${STRING}${HIDDEN}\\{`);
const MAY_DECLARE_CATALOG = opens('指标体系|catalog');
const MAY_DECLARE_SUMMARY = opens('汇总|summary');

/** The findings of every file, in the order of texts, from as many threads as pay (threadCount). */
export async function checkTexts(texts: SourceFile[], settings: ProjectLoadOptions, threads = threadCount(texts)): Promise<CheckedFile[]> {
    if (threads <= 1) {
        const { checkShare } = await import('./check-share.js');
        return checkShare({ texts, own: texts.map((_, index) => index), settings });
    }
    if (process.env.PERF_DEBUG) {
        process.stderr.write(`perf: checking ${texts.length} files on ${threads} threads\n`);
    }
    const parts = splitFiles(texts, threads);
    // Tested once for the run, not once per share: the regex reads every text to its end when it finds nothing.
    const catalogFiles = new Set(texts.map((_, index) => index).filter(index => MAY_DECLARE_CATALOG.test(texts[index].text)));
    const [mainPart, ...workerParts] = parts.map(own => shareOf(texts, own, catalogFiles, settings));
    // The workers start before the main thread loads Langium for its own share, so all load it at once.
    const workers = workerParts.map(share => startWorker(share));
    try {
        const { checkShare } = await import('./check-share.js');
        const results = await Promise.all([checkShare(mainPart), ...workers.map(worker => worker.result)]);
        const files = new Array<CheckedFile>(texts.length);
        parts.forEach((own, part) => own.forEach((index, position) => { files[index] = results[part][position]; }));
        return files;
    } finally {
        await Promise.all(workers.map(worker => worker.thread.terminate()));
    }
}

/**
 * Threads that pay: one for a run with a summary, else PERF_CHECK_THREADS when set (1: one thread; the tests
 * set more to check small runs in parallel), else one per core up to one per file when the files are large
 * enough in all.
 */
export function threadCount(texts: readonly SourceFile[], env: NodeJS.ProcessEnv = process.env): number {
    const requested = env.PERF_CHECK_THREADS;
    if (requested !== undefined && requested !== '' && !/^[1-9]\d*$/.test(requested)) {
        throw new InputError(`PERF_CHECK_THREADS=${requested}: expected a whole number of at least 1 (1 checks in one thread)`);
    }
    if (texts.length < 2 || texts.some(file => MAY_DECLARE_SUMMARY.test(file.text))) {
        return 1;
    }
    if (requested) {
        return Math.min(Number(requested), texts.length);
    }
    const characters = texts.reduce((sum, file) => sum + file.text.length, 0);
    return characters < MIN_PARALLEL_CHARACTERS ? 1 : Math.min(os.availableParallelism(), texts.length);
}

/** The indices of the files of each thread, about equal in size: each file in turn to the lightest thread. */
export function splitFiles(texts: readonly SourceFile[], threads: number): number[][] {
    const parts = Array.from({ length: threads }, () => ({ own: [] as number[], size: 0 }));
    const bySize = texts.map((_, index) => index).sort((a, b) => texts[b].text.length - texts[a].text.length || a - b);
    for (const index of bySize) {
        const lightest = parts.reduce((best, part) => part.size < best.size ? part : best);
        lightest.own.push(index);
        lightest.size += texts[index].text.length;
    }
    return parts.map(part => part.own.sort((a, b) => a - b));
}

/** A thread's texts: its own files and every file that may declare a catalog, in the order of the run. */
function shareOf(texts: readonly SourceFile[], own: number[], catalogFiles: ReadonlySet<number>, settings: ProjectLoadOptions): CheckShare {
    const mine = new Set(own);
    const loaded = texts.map((_, index) => index).filter(index => mine.has(index) || catalogFiles.has(index));
    return {
        texts: loaded.map(index => texts[index]),
        own: own.map(index => loaded.indexOf(index)),
        settings
    };
}

/** The script a worker thread runs: it starts the bundle or lib/, as bin/perf.js does. */
export function workerScript(): string {
    return path.join(packageRoot(path.dirname(fileURLToPath(import.meta.url))), 'bin', 'perf-check-worker.js');
}

/**
 * A worker thread checking one share; its result rejects with a message naming its files when it throws or
 * exits without an answer, so a failure ends the run with that message and never leaves it waiting.
 */
export function startWorker(share: CheckShare, script = workerScript()): { thread: Worker; result: Promise<CheckedFile[]> } {
    const thread = new Worker(script, { workerData: share });
    const files = share.own.map(index => share.texts[index].path);
    const which = `the worker thread checking ${files.length} file${files.length === 1 ? '' : 's'} (${files[0]}${files.length > 1 ? ' …' : ''})`;
    const result = new Promise<CheckedFile[]>((resolve, reject) => {
        thread.once('message', resolve);
        thread.once('error', error => reject(new Error(`perf check: ${which} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)));
        thread.once('exit', code => reject(new Error(`perf check: ${which} stopped (exit code ${code}) before it reported its findings`)));
    });
    return { thread, result };
}
