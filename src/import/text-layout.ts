import type { TextLine } from './pdf-text.js';

/** Placeholder until layout text is cut into columns. */
export function unfoldLayoutColumns(lines: TextLine[]): TextLine[] {
    return lines;
}
