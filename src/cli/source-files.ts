// Reading the input files of a command: light (no Langium), so `perf check` reads its files before it starts
// its worker threads and loads the language.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSourceEncoding, readSourceText, SourceTextError, type SourceEncoding } from '../source/encoding.js';
import { InputError } from './input-error.js';

/** A file's path as given and its decoded text. */
export interface SourceFile {
    path: string;
    text: string;
}

/** The texts of the given files, in their order; the first that cannot be read is a one-line InputError. */
export function readSourceFiles(paths: readonly string[], encodingName: string | undefined): SourceFile[] {
    const encoding = sourceEncoding(encodingName);
    return paths.map(file => ({ path: file, text: readSourceFile(file, encoding) }));
}

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

/** `--encoding`: undefined means detected per file; a name perf does not know is a one-line InputError. */
export function sourceEncoding(name: string | undefined): SourceEncoding {
    try {
        return name === undefined ? 'auto' : parseSourceEncoding(name);
    } catch (error) {
        throw new InputError((error as Error).message);
    }
}

/**
 * The text of a .perf file: UTF-8 (a BOM is dropped), GBK/GB18030 or UTF-16 with a BOM, as src/source/encoding.ts
 * detects it or `--encoding` names it; otherwise a one-line InputError with file:line:col saying what to do.
 */
export function readSourceFile(file: string, encoding: SourceEncoding = 'auto'): string {
    try {
        return readSourceText(file, encoding).text;
    } catch (error) {
        throw error instanceof SourceTextError ? new InputError(error.message) : error;
    }
}
