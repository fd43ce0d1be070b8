/**
 * The language server gets text from any client: a document over the size limit (src/source/size-limit.ts) is
 * not parsed but shows one error instead.
 */
import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type ParseResult, type ParserOptions, type URI } from 'langium';
import { isOverSizeLimit, sizeLimitMessage } from '../source/size-limit.js';

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
