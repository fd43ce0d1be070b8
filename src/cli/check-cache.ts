/**
 * `perf check`'s cache, as ESLint's and Ruff's `--cache`: the diagnostics of one run, content-addressed by
 * everything they depend on, so a run over files that have not changed prints them without loading Langium.
 *
 * The key covers: the bytes and full paths of the files checked together (a file's diagnostics depend on the
 * others: catalogs they declare, departments a summary lists), the settings (encoding, catalog, rule levels,
 * rounding tolerance, the document size limit), the built-in catalogs' text, and perf's own build (the version
 * and the size and modification time of every file of the code that runs). One entry holds one run; a change
 * to any part is a new key. Stored in node_modules/.cache/perf of the nearest package, else the OS cache folder
 * (~/.cache/perf on Linux); PERF_CACHE_DIR overrides both. A cache that cannot be read or written is skipped:
 * the check then runs as without it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';
import findCacheDirectory from 'find-cache-directory';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadBuiltinCatalogs, type BuiltinCatalog } from '../catalog/builtin-catalogs.js';

/** What one checked file contributes to the report. */
export interface CheckedFile {
    path: string;
    diagnostics: Diagnostic[];
}

/** What a run depends on beside its files and settings; the tests vary each part. */
export interface CheckContext {
    build: unknown[];
    catalogs: BuiltinCatalog[];
}

/** Bumped when the stored shape changes. */
const ENTRY_FORMAT = 1;
/** Runs kept; the oldest beyond this are removed when a run is stored. */
const MAX_ENTRIES = 32;
/** Environment variables that change what a check finds. */
const RELEVANT_ENVIRONMENT = ['PERF_MAX_DOCUMENT_MB'];

export class CheckCache {

    private constructor(readonly file: string) {}

    /**
     * The cache entry of this run, or undefined when an input cannot be read (the check then reports that
     * as it always does) or no cache folder is usable.
     */
    static open(paths: readonly string[], settings: object, context: CheckContext = currentContext()): CheckCache | undefined {
        const folder = cacheFolder();
        if (!folder) {
            return undefined;
        }
        const hash = createHash('sha256');
        const part = (text: string | Buffer) => hash.update(`${text.length}:`).update(text);
        const environment = RELEVANT_ENVIRONMENT.map(name => process.env[name] ?? null);
        part(JSON.stringify({ format: ENTRY_FORMAT, build: context.build, settings, environment }));
        for (const catalog of context.catalogs) {
            part(catalog.uri);
            part(catalog.text);
        }
        for (const file of paths) {
            let bytes: Buffer;
            try {
                bytes = fs.readFileSync(file);
            } catch {
                return undefined;
            }
            part(file);
            part(path.resolve(file));
            part(bytes);
        }
        return new CheckCache(path.join(folder, `check-${hash.digest('hex')}.json`));
    }

    /** The stored diagnostics of exactly this run, if any. */
    lookup(): CheckedFile[] | undefined {
        try {
            const entry = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { format?: number; files?: CheckedFile[] };
            return entry.format === ENTRY_FORMAT && Array.isArray(entry.files) ? entry.files : undefined;
        } catch {
            return undefined;
        }
    }

    store(files: readonly CheckedFile[]): void {
        try {
            fs.mkdirSync(path.dirname(this.file), { recursive: true });
            // Written beside and renamed: a run reading the entry at the same time sees all of it or nothing.
            const temporary = `${this.file}.${process.pid}.tmp`;
            fs.writeFileSync(temporary, JSON.stringify({ format: ENTRY_FORMAT, files }));
            fs.renameSync(temporary, this.file);
            removeOldEntries(path.dirname(this.file));
        } catch {
            // A read-only or full disk costs the next run its speed, not its result.
        }
    }
}

function currentContext(): CheckContext {
    return { build: buildIdentity(), catalogs: loadBuiltinCatalogs() };
}

function cacheFolder(): string | undefined {
    return process.env.PERF_CACHE_DIR || findCacheDirectory({ name: 'perf' }) || envPaths('perf', { suffix: '' }).cache;
}

/**
 * perf's version and the size and modification time of every file of the code that runs (dist/, lib/ or,
 * under the tests, src/): a rebuild is a new build even when the version stays.
 */
export function buildIdentity(here = fileURLToPath(import.meta.url)): unknown[] {
    const root = packageRoot(path.dirname(here));
    const codeFolder = path.join(root, path.relative(root, here).split(path.sep)[0]);
    const states: unknown[] = [readVersion(root), fileState(path.join(root, 'node_modules', '.package-lock.json'))];
    for (const entry of fs.readdirSync(codeFolder, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && !entry.name.endsWith('.map')) {
            const file = path.join(entry.parentPath, entry.name);
            states.push(path.relative(codeFolder, file), fileState(file));
        }
    }
    return states;
}

/** Size and modification time; null for a file that is not there (npm rewrites the lock file on every install). */
function fileState(file: string): [number, number] | null {
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    return stats ? [stats.size, stats.mtimeMs] : null;
}

/** The nearest folder from start upwards with a package.json (perf's own, from lib/, dist/cli/ or src/). */
export function packageRoot(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'package.json'))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            return start;
        }
    }
}

function readVersion(root: string): string {
    try {
        return String((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown }).version);
    } catch {
        return 'unknown';
    }
}

function removeOldEntries(folder: string): void {
    const entries = fs.readdirSync(folder)
        .filter(name => name.startsWith('check-') && name.endsWith('.json'))
        .map(name => ({ file: path.join(folder, name), time: fs.statSync(path.join(folder, name)).mtimeMs }))
        .sort((a, b) => b.time - a.time);
    for (const old of entries.slice(MAX_ENTRIES)) {
        fs.rmSync(old.file, { force: true });
    }
}
