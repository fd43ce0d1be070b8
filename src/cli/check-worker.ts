/**
 * A worker thread of `perf check` (check-parallel.ts): checks its share of the files, with the files every
 * share needs (those that declare catalogs) loaded beside them, and posts back the findings of its share.
 * Started through bin/perf-check-worker.js, which picks the bundle or lib/ as bin/perf.js does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkShare, type CheckShare } from './check-share.js';

parentPort?.postMessage(await checkShare(workerData as CheckShare));
