#!/usr/bin/env node
// The perf command line; the code lives in out/cli (built by `npm install` / `npm run build`).
import '../scripts/object-group-by.mjs';
import { main } from '../out/cli/main.js';

process.exitCode = await main(process.argv);
