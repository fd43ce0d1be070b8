// The entry of a `perf check` worker thread (src/cli/check-parallel.ts): a new thread has its own globals, so it
// installs Object.groupBy and picks the bundle or lib/ as bin/perf.js does.
import '../scripts/object-group-by.mjs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliEntry } from '../scripts/cli/bundle-stamp.mjs';

await import(pathToFileURL(cliEntry(fileURLToPath(new URL('..', import.meta.url)), process.env, 'check-worker')).href);
