import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The catalog a document uses when it names none. */
export const DEFAULT_CATALOG = '2015';

/** URI scheme of the built-in catalog documents, so they are never mistaken for user files. */
export const BUILTIN_SCHEME = 'builtin';

export interface BuiltinCatalog {
    uri: string;
    text: string;
}

/**
 * The catalogs shipped in the package's catalogs/ folder. They are data (.perf files), found by walking up
 * from this module to the package root, so the same code works from lib/ (tsc) and from a bundle.
 */
export function loadBuiltinCatalogs(): BuiltinCatalog[] {
    const folder = findCatalogFolder();
    return fs.readdirSync(folder)
        .filter(name => name.endsWith('.perf'))
        .sort()
        .map(name => ({
            uri: `${BUILTIN_SCHEME}:///catalogs/${name}`,
            text: fs.readFileSync(path.join(folder, name), 'utf8')
        }));
}

/** builtin:///catalogs/2015.perf → catalogs/2015.perf: only a file name inside catalogs/ is ever read. */
export function builtinCatalogFile(uriPath: string): string {
    return path.join('catalogs', path.posix.basename(uriPath));
}

function findCatalogFolder(): string {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (;;) {
        const candidate = path.join(dir, 'catalogs');
        if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) {
            return candidate;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            throw new Error('perf: the built-in catalogs folder (catalogs/) is missing from the installation');
        }
        dir = parent;
    }
}
