/**
 * The size limit of a .perf document, for every way text arrives: the CLI refuses a larger file before reading
 * it (src/cli/encoding.ts), and the language server, which gets text from any client, does not parse a larger
 * document but shows one error instead, so a 50 MB paste cannot exhaust the server's memory.
 */
import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type ParseResult, type ParserOptions, type URI } from 'langium';

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

/** Parses documents up to the limit; a larger one becomes an empty document with one error on its first line. */
export class SizeLimitedDocumentFactory extends DefaultLangiumDocumentFactory {

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return isOverSizeLimit(text) ? this.refused(super.parse<T>(uri, '', options), text) : super.parse<T>(uri, text, options);
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        return isOverSizeLimit(text)
            ? this.refused(await super.parseAsync<T>(uri, '', cancellationToken), text)
            : super.parseAsync<T>(uri, text, cancellationToken);
    }

    private refused<T extends AstNode>(empty: ParseResult<T>, text: string): ParseResult<T> {
        const message = sizeLimitMessage(new TextEncoder().encode(text).length);
        return { ...empty, lexerErrors: [{ offset: 0, line: 1, column: 1, length: 1, message }] };
    }
}

function megabytes(bytes: number): string {
    return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
