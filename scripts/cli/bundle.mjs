// Bundles the command line with esbuild into dist/cli/ for a faster start: Node imports Langium's hundreds of
// ESM files one by one (~0.2 s), a few bundled chunks in a fraction of that. `npm run build` runs it after tsc.
//
// - Built from lib/ (tsc's output), not src/: the bundle is then exactly the code bin/perf.js falls back to,
//   and whether it is stale is a question about lib/ alone (scripts/cli/bundle-stamp.mjs).
// - ESM with code splitting: what lib/cli/main.js imports lazily (format, diff, import with exceljs, the language
//   server, the XLSX writer) stays in chunks loaded only when a command needs it.
// - import.meta.url is each chunk's own URL in dist/cli/: src/catalog/builtin-catalogs.ts walks up from there
//   to the package root and finds catalogs/ as it does from lib/.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kibibytes, nodeBundleOptions } from '../bundle-options.mjs';
import { BUNDLE_FOLDER, DEPENDENCIES_FILE, fileStates, LIB_ENTRY, STAMP_NAME, stampText } from './bundle-stamp.mjs';

// CommonJS packages in an ESM bundle still call require() for Node's modules and may read __filename.
const COMMONJS_GLOBALS = [
    "import { createRequire as __perfCreateRequire } from 'node:module';",
    "import { fileURLToPath as __perfFileURLToPath } from 'node:url';",
    "import { dirname as __perfDirname } from 'node:path';",
    'const require = __perfCreateRequire(import.meta.url);',
    'const __filename = __perfFileURLToPath(import.meta.url);',
    'const __dirname = __perfDirname(__filename);'
].join(' ');

/**
 * Writes root/dist/cli (main.js, chunks/, stamp.json) from root/lib. Returns the bundle's files and sizes and
 * esbuild's metafile (which chunk holds which module, what imports what).
 * The new folder replaces the old one by renaming, so a `perf` started meanwhile sees the old bundle or the new
 * one, never half of one. Throws LibChangedError when lib/ changed while it was read (a `tsc --watch` writing):
 * a stamp would then vouch for files the bundle does not hold. `afterBuild` runs between esbuild's reading of
 * lib/ and that check (tests change a file there).
 */
export async function bundleCli(root, { afterBuild } = {}) {
    if (!fs.existsSync(path.join(root, LIB_ENTRY))) {
        throw new Error(`${LIB_ENTRY} is missing: run \`npm run build\` (langium generate, then tsc) first`);
    }
    const libFiles = fs.readdirSync(path.join(root, 'lib'), { recursive: true })
        .filter(file => file.endsWith('.js'))
        .map(file => `lib/${file.split(path.sep).join('/')}`);
    const before = new Map(fileStates(root, libFiles).map(([file, ...state]) => [file, state.join()]));

    const folder = path.join(root, BUNDLE_FOLDER);
    const staging = `${folder}.new-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    const result = await esbuild.build({
        ...nodeBundleOptions,
        absWorkingDir: root,
        // The worker thread of a parallel `perf check` (bin/perf-check-worker.js runs it) shares the chunks of main.
        entryPoints: { main: LIB_ENTRY, 'check-worker': 'lib/cli/check-worker.js' },
        outdir: staging,
        chunkNames: 'chunks/[name]-[hash]',
        format: 'esm',
        splitting: true,
        // Not minified: a stack trace of an unexpected error stays readable (minifying saves no measurable time).
        // The linked map chains lib's maps, so `node --enable-source-maps bin/perf.js` points into src/.
        sourcemap: 'linked',
        banner: { js: COMMONJS_GLOBALS },
        metafile: true
    });
    afterBuild?.();

    const inputs = Object.keys(result.metafile.inputs).filter(file => file.startsWith('lib/')).sort();
    const states = fileStates(root, [...inputs, DEPENDENCIES_FILE]);
    const changed = states.find(([file, ...state]) => file.startsWith('lib/') && before.get(file) !== state.join());
    if (changed) {
        fs.rmSync(staging, { recursive: true, force: true });
        throw new LibChangedError(`${changed[0]} changed while it was bundled (is \`npm run watch\` running?)`);
    }
    fs.writeFileSync(path.join(staging, STAMP_NAME), stampText(states));
    replaceFolder(staging, folder);
    const files = Object.entries(result.metafile.outputs)
        .filter(([file]) => file.endsWith('.js'))
        .map(([file, output]) => ({ file: path.relative(staging, path.join(root, file)).split(path.sep).join('/'), bytes: output.bytes }));
    return { files, metafile: result.metafile };
}

export class LibChangedError extends Error {}

/** Renames staging to folder; another `npm run build` may put its own bundle there in between: try again. */
function replaceFolder(staging, folder) {
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    for (let attempt = 1; ; attempt++) {
        const old = `${folder}.old-${process.pid}-${attempt}`;
        try {
            fs.renameSync(folder, old);
        } catch (error) {
            if (error.code !== 'ENOENT') {
                throw error;
            }
        }
        try {
            fs.renameSync(staging, folder);
            return;
        } catch (error) {
            if (!['ENOTEMPTY', 'EEXIST'].includes(error.code) || attempt === 5) {
                throw error;
            }
        } finally {
            fs.rmSync(old, { recursive: true, force: true });
        }
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
        try {
            const { files } = await bundleCli(root);
            const entry = files.find(file => file.file === 'main.js');
            const total = files.reduce((sum, file) => sum + file.bytes, 0);
            console.log(`perf bundle: ${BUNDLE_FOLDER}/main.js ${kibibytes(entry?.bytes ?? 0)} + ${files.length - 1} chunks, `
                + `${kibibytes(total)} in all, in ${Date.now() - started} ms`);
            break;
        } catch (error) {
            if (error instanceof LibChangedError && attempt < 3) {
                continue;
            }
            if (error instanceof LibChangedError) {
                // Not a failed build: the old bundle is stale by its own stamp, so bin/perf.js runs lib/.
                console.warn(`perf bundle: not written, ${error.message}; bin/perf.js runs lib/ until the next \`npm run build\``);
                break;
            }
            console.error(`perf bundle: ${error.message}`);
            process.exit(1);
        }
    }
}
