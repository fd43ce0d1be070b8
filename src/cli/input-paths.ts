// The files a command's arguments name, worked out before anything heavy loads: `perf --help` and a cached
// check must not pay for the decoders (iconv-lite) that reading the files needs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './input-error.js';

/**
 * The files a command's arguments name: a file as given, a folder as every .perf file below it (sorted, skipping
 * node_modules and hidden folders), so `perf check tables/` checks a whole workspace. A folder without a .perf
 * file is a one-line InputError: a mistyped folder must not pass as "0 files checked".
 */
export function expandFolders(paths: readonly string[]): string[] {
    return paths.flatMap(given => {
        if (!isFolder(given)) {
            return [given];
        }
        const found = perfFilesBelow(given).sort();
        if (found.length === 0) {
            throw new InputError(`${given}: the folder holds no .perf file: name the .perf files or a folder that has some`);
        }
        return found;
    });
}

function isFolder(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false; // reading it says what is wrong, with the file's name
    }
}

function perfFilesBelow(folder: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const child = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : perfFilesBelow(child);
        }
        return entry.isFile() && entry.name.endsWith('.perf') ? [child] : [];
    });
}
