/**
 * The size limit of a .perf document, for every way text arrives: the CLI refuses a larger file before reading
 * it (encoding.ts), and the language server, which gets text from any client, does not parse a larger
 * document but shows one error instead (src/language/document-size.ts), so a 50 MB paste cannot exhaust the
 * server's memory.
 */

/**
 * 10 MB: over 400 times the reference table; building costs about 40 bytes of memory per byte of text
 * (measured in docs/guarantees.md: 10.4 MB in 8 s and 0.6 GB, 51.6 MB in 37 s and 2.1 GB), so the limit keeps
 * a server or an editor's process well inside its memory whatever is pasted into it.
 */
export const MAX_DOCUMENT_BYTES = limitFromEnvironment() ?? 10 * 1024 * 1024;

/**
 * PERF_MAX_DOCUMENT_MB raises (or lowers) the limit for one run, e.g. the benchmark's 250,000-indicator
 * document (30 MB, issue 7): a deliberate choice of whoever starts the process, never of the text.
 */
function limitFromEnvironment(): number | undefined {
    const megabytes = Number(globalThis.process?.env?.PERF_MAX_DOCUMENT_MB);
    return Number.isFinite(megabytes) && megabytes > 0 ? megabytes * 1024 * 1024 : undefined;
}

/** UTF-8 size of a text, computed only when it could be over the limit (a character is at most 3 bytes per UTF-16 unit). */
export function isOverSizeLimit(text: string, limit = MAX_DOCUMENT_BYTES): boolean {
    return text.length * 3 > limit && new TextEncoder().encode(text).length > limit;
}

export function sizeLimitMessage(bytes: number, limit = MAX_DOCUMENT_BYTES): string {
    return `文件过大 too large (${megabytes(bytes)} MB, the limit is ${megabytes(limit)} MB): `
        + 'a department\'s table is far smaller; check that this is the right file, or split it by department';
}

function megabytes(bytes: number): string {
    return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
