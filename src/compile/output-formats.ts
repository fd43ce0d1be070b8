/** The formats `perf compile` and the editor's compile commands write; apart so that the command line's help loads no writer. */
export const OUTPUT_FORMATS = ['html', 'xlsx', 'csv', 'json', 'pdf'] as const;
export type OutputFormat = typeof OUTPUT_FORMATS[number];

/** What `perf compile` writes when no --format is given. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['html', 'xlsx'];

export function isOutputFormat(text: string): text is OutputFormat {
    return (OUTPUT_FORMATS as readonly string[]).includes(text);
}
