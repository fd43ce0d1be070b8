import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createPerfServices } from '../language/perf-module.js';
import { ImportError } from '../import/import-model.js';
import { importFile } from '../import/import-file.js';
import { InputError } from './input-error.js';

export interface ImportCommandOptions {
    output?: string;
    encoding?: string;
}

/**
 * `perf import FILE [-o OUT.perf] [--encoding gbk]`: a published table (.xlsx, .txt from a PDF, perf's .csv)
 * as a .perf document, on stdout without -o. What was not understood is listed on stderr (and kept as
 * comments in the document); exit code 0 either way, 2 when the file is refused.
 */
export async function importCommand(file: string, options: ImportCommandOptions): Promise<number> {
    const { shared, perf } = createPerfServices(NodeFileSystem);
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    let result: { text: string; notes: string[] };
    try {
        result = await importFile(file, perf, { ...(options.encoding ? { encoding: options.encoding } : {}) });
    } catch (error) {
        if (error instanceof ImportError) {
            throw new InputError(error.message);
        }
        throw error;
    }
    if (options.output) {
        fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
        fs.writeFileSync(options.output, result.text);
        console.error(`${file} → ${options.output}`);
    } else {
        process.stdout.write(result.text);
    }
    for (const note of result.notes) {
        console.error(`${file}: 未识别 ${note}`);
    }
    return 0;
}
