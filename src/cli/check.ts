import { CheckCache, type CheckedFile } from './check-cache.js';
import type { LoadOptions } from './documents.js';
import { InputError } from './input-error.js';
import { projectConfigFor } from './project-config.js';
import { formatDiagnostics, isError, summary, summaryCounts } from './report.js';
import type { CheckOptions } from './check-options.js';
import { ruleLoadOptions } from './rule-load-options.js';

/** `perf check FILE…`: every problem, a summary line; exit code 1 when there is an error. */
export async function checkCommand(paths: string[], options: CheckOptions = {}): Promise<number> {
    const format = options.format ?? 'text';
    if (options.summary && format === 'sarif') {
        throw new InputError('--summary: SARIF has no summary-only form; use --format text or json');
    }
    // perf.config.json is part of the settings, and so of the cache key: a change to it is a new check.
    const files = await checkedFiles(paths, {
        encoding: options.encoding,
        catalog: options.catalog,
        ...ruleLoadOptions(options),
        project: projectConfigFor(paths)
    }, options.cache !== false);
    const listed = files.map(file => ({ path: file.path, diagnostics: options.quiet ? file.diagnostics.filter(isError) : file.diagnostics }));
    const all = files.flatMap(file => file.diagnostics);
    if (format === 'json') {
        const { jsonReport } = await import('./report-json.js');
        process.stdout.write(jsonReport(listed, summaryCounts(files.length, all), options.summary === true));
    } else if (format === 'sarif') {
        const { sarifReport } = await import('./report-sarif.js');
        process.stdout.write(sarifReport(listed));
    } else {
        if (!options.summary) {
            // One write per file: thousands of console.log calls cost more than the formatting.
            for (const file of listed) {
                process.stdout.write(formatDiagnostics(file.path, file.diagnostics));
            }
        }
        console.log(summary(files.length, all));
    }
    return all.some(isError) ? 1 : 0;
}

/**
 * The diagnostics of each file: from the cache when nothing they depend on changed, else from Langium (loaded
 * only then), on several threads when the run is large enough (check-parallel.ts).
 */
async function checkedFiles(paths: string[], settings: LoadOptions, useCache: boolean): Promise<CheckedFile[]> {
    const cache = useCache ? CheckCache.open(paths, settings) : undefined;
    const cached = cache?.lookup();
    if (cached) {
        return cached;
    }
    const { readSourceFiles } = await import('./source-files.js');
    const texts = readSourceFiles(paths, settings.encoding);
    const { checkTexts } = await import('./check-parallel.js');
    const files = await checkTexts(texts, { ...settings, project: settings.project ?? projectConfigFor(paths) });
    cache?.store(files);
    return files;
}
