import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generateDocument } from '../../scripts/generate.mjs';
import { loadFiles } from '../../src/cli/documents.js';
import { createServices, parseDocument, readReferenceExample } from '../helpers.js';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-batch-'));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

function writeFile(name: string, text: string): string {
    const file = path.join(directory, name);
    fs.writeFileSync(file, text);
    return file;
}

const findings = (diagnostics: Array<{ range: { start: { line: number; character: number } }; severity?: number; code?: unknown; message: string }>) =>
    diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${String(d.code)} ${d.message}`).sort();

/** The CLI skips Langium's reference index (src/language/langium-speed/batch-module.ts): it must not change any finding. */
describe('one-shot commands without the reference index', () => {

    const documents: Array<[string, string]> = [
        ['the reference table', readReferenceExample()],
        ['a generated department of 1,500 indicators', (generateDocument({ indicators: 1500, seed: 7 }) as { text: string }).text]
    ];

    test.each(documents)('%s: the same diagnostics as the editor', async (name, text) => {
        const { files, services } = await loadFiles([writeFile(`${name.length}.perf`, text)]);
        const editor = await parseDocument(text);
        expect(files[0].diagnostics.length).toBeGreaterThan(0);
        expect(findings(files[0].diagnostics)).toEqual(findings(editor.diagnostics ?? []));
        // and the index indeed holds no reference, although the file's indicator codes resolve
        const referenced = files[0].document.references.find(reference => reference.ref !== undefined)?.ref;
        expect(referenced).toBeDefined();
        const uses = services.shared.workspace.IndexManager.findAllReferences(referenced!,
            services.workspace.AstNodeLocator.getAstNodePath(referenced!)).toArray();
        expect(uses).toEqual([]);
    });

    test('the editor still indexes references (find references, rename)', async () => {
        const services = await createServices();
        const document = await parseDocument(readReferenceExample(), services);
        const referenced = document.references.find(reference => reference.ref !== undefined)?.ref;
        expect(referenced).toBeDefined();
        const uses = services.shared.workspace.IndexManager.findAllReferences(referenced!,
            services.perf.workspace.AstNodeLocator.getAstNodePath(referenced!)).toArray();
        expect(uses.length).toBeGreaterThan(0);
    });
});
