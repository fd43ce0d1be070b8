// Reading the input files of a command: light (no Langium), so `perf check` reads its files before it starts
// its worker threads and loads the language.
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
