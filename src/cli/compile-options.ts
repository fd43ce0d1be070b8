/** The options of `perf compile`, apart from the command so that `perf --help` loads neither Langium nor a writer. */
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from '../compile/output-formats.js';
import type { InputOptions } from './documents.js';
import { InputError } from './input-error.js';
import type { RuleOptions } from './rule-options.js';

export const DEFAULT_OUTPUT_FOLDER = 'out';

export interface CompileOptions extends InputOptions, RuleOptions {
    /** Formats to write; none given means DEFAULT_FORMATS (html and xlsx). */
    format?: OutputFormat[];
    /** One file and one format: the output file (or a folder: existing, ending in /, or without extension). Otherwise: the output folder. */
    output?: string;
}

export const COMPILE_OUTPUT_HELP =
    'with one file and one format: the output file (an existing folder, a path ending in / or a path without '
    + 'extension is used as a folder); '
    + `with several files or formats: the output folder, created if needed (default folder: ${DEFAULT_OUTPUT_FOLDER}/). `
    + 'Files are named <name of the .perf file>.<format>';

/** Parses one --format value ("pdf" or "html,xlsx") and adds it to the ones given before. */
export function collectFormats(value: string, previous: OutputFormat[] | undefined): OutputFormat[] {
    const formats = value.split(',').map(part => part.trim().toLowerCase()).filter(part => part !== '');
    const unknown = formats.filter(format => !isOutputFormat(format));
    if (unknown.length > 0 || formats.length === 0) {
        throw new InputError(`未知的输出格式 unknown format "${value}": use ${OUTPUT_FORMATS.join(', ')} (several with commas: html,xlsx)`);
    }
    return [...new Set([...(previous ?? []), ...formats as OutputFormat[]])];
}
