// Bundles the VS Code extension with esbuild into two CommonJS files for Node:
//   dist/extension.cjs  the thin client (vscode stays external: VS Code provides it)
//   dist/server.cjs     the language server, with everything it needs (langium, exceljs, …)
// Needs the generated parser (src/language/generated, from `npm run langium:generate`).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kibibytes, nodeBundleOptions } from '../bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const production = !process.argv.includes('--dev');

if (!fs.existsSync(path.join(root, 'src/language/generated/ast.ts'))) {
    console.error('perf bundle: src/language/generated is missing: run `npm run langium:generate` first');
    process.exit(1);
}

const common = {
    ...nodeBundleOptions,
    format: 'cjs',
    sourcemap: production ? false : 'inline',
    minify: production,
    // Modules that find data files relative to themselves (the built-in catalogs) use import.meta.url,
    // which CommonJS lacks: give them the bundle's own file URL.
    banner: { js: "const __perfImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__perfImportMetaUrl' }
};

const started = Date.now();
await Promise.all([
    esbuild.build({
        ...common,
        entryPoints: [path.join(root, 'src/extension/main.ts')],
        outfile: path.join(root, 'dist/extension.cjs'),
        external: ['vscode']
    }),
    esbuild.build({
        ...common,
        entryPoints: [path.join(root, 'src/server/main.ts')],
        outfile: path.join(root, 'dist/server.cjs'),
        // Langium 4.4's chevrotain calls Object.groupBy, which Node 20 lacks (VS Code < 1.101 runs Node 20).
        inject: [path.join(root, 'scripts/object-group-by.mjs')]
    })
]);
const size = file => kibibytes(fs.statSync(path.join(root, file)).size);
console.log(`perf bundle: dist/extension.cjs ${size('dist/extension.cjs')}, dist/server.cjs ${size('dist/server.cjs')} in ${Date.now() - started} ms`);
