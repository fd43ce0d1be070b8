#!/usr/bin/env node
// The perf command line. The code lives in lib/cli (tsc, `npm run build`); `npm run build` also bundles it
// into dist/cli, which starts faster and runs only while it matches lib/ (scripts/cli/bundle-stamp.mjs).
import '../scripts/object-group-by.mjs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliEntry } from '../scripts/cli/bundle-stamp.mjs';

const { main } = await import(pathToFileURL(cliEntry(fileURLToPath(new URL('..', import.meta.url)))).href);
process.exitCode = await main(process.argv);
