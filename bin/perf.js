#!/usr/bin/env node
// The perf command line; the code lives in lib/cli (built by `npm install` / `npm run build`).
import '../scripts/object-group-by.mjs';
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv);
