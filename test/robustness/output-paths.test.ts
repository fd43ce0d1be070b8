/**
 * No command writes outside the place it was asked to: output names come from the input file's name (or -o),
 * never from the document's content, so a department named "../../x" or a project named "a/b" cannot steer a
 * write. Every command runs in a scratch folder; afterwards the set of files under it is exactly what was asked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { renderXlsx } from '../../src/compile/xlsx.js';
import { COMPILE_REQUEST, type CompileResult } from '../../src/protocol/perf-protocol.js';
import type { PerfFile } from '../../src/language/generated/ast.js';
import { parseDocument } from '../helpers.js';
import { filesUnder, perf, scratchFolder } from './cli-run.js';
import { RawLspClient } from './lsp-client.js';

/** A valid table whose names look like paths. */
const PATH_LIKE_TABLE = [
    '部门 "../../escaped-department" {',
    '    合计 2.00',
    '    项目 "a/b/../../../escaped-project" {',
    '        总计 1.00',
    '        11 "../../指标/x" 指标值 ≥1个',
    '    }',
    '    项目 "C:\\\\Windows\\\\evil" {',
    '        总计 1.00',
    '        11 "指标" 指标值 "/etc/passwd"',
    '    }',
    '}',
    ''
].join('\n');

let root: string;
let work: string;

beforeAll(() => {
    // root/work is the working folder; anything written to root (outside work) is an escape.
    root = scratchFolder('perf-paths-');
    work = path.join(root, 'work');
    fs.mkdirSync(path.join(work, 'in'), { recursive: true });
    fs.writeFileSync(path.join(work, 'in', 'table.perf'), PATH_LIKE_TABLE);
});

afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
});

describe('output files are named after the input file', () => {
    test('compile to every text format into -o: table.* only, inside the folder', () => {
        const result = perf(['compile', 'in/table.perf', '-f', 'html,xlsx,csv,json', '-o', 'out'], { cwd: work });
        expect(result.stderr).not.toMatch(/error:/);
        expect(result.code).toBe(0);
        expect(filesUnder(root)).toEqual([
            'work/in/table.perf', 'work/out/table.csv', 'work/out/table.html', 'work/out/table.json', 'work/out/table.xlsx'
        ].map(file => file.split('/').join(path.sep)));
    });

    test('an input path with .. segments writes into the output folder by its base name', () => {
        const nested = path.join(work, 'deep', 'er');
        fs.mkdirSync(nested, { recursive: true });
        const result = perf(['compile', '../../in/table.perf', '-f', 'json', '-o', 'result/'], { cwd: nested });
        expect(result.code).toBe(0);
        expect(fs.existsSync(path.join(nested, 'result', 'table.json'))).toBe(true);
        expect(filesUnder(root).filter(file => !file.startsWith(`work${path.sep}out`) && !file.startsWith(`work${path.sep}in`)))
            .toEqual([path.join('work', 'deep', 'er', 'result', 'table.json')]);
        fs.rmSync(path.join(work, 'deep'), { recursive: true });
    });

    test('format in place rewrites only the file itself', () => {
        const before = filesUnder(root);
        const result = perf(['format', 'in/table.perf'], { cwd: work });
        expect(result.code).toBe(0);
        expect(filesUnder(root)).toEqual(before);
    });

    test('import -o writes exactly the named file; without -o nothing is written', async () => {
        const document = await parseDocument(PATH_LIKE_TABLE);
        const xlsx = await renderXlsx(buildOfficialTable(document.parseResult.value as PerfFile));
        fs.writeFileSync(path.join(work, 'in', 'published.xlsx'), xlsx);
        const before = filesUnder(root);

        const toStdout = perf(['import', 'in/published.xlsx'], { cwd: work });
        expect(toStdout.code).toBe(0);
        expect(toStdout.stdout).toContain('../../escaped-department');
        expect(filesUnder(root)).toEqual(before);

        const toFile = perf(['import', 'in/published.xlsx', '-o', 'imported/again.perf'], { cwd: work });
        expect(toFile.code).toBe(0);
        expect(filesUnder(root)).toEqual([...before, path.join('work', 'imported', 'again.perf')].sort());
    });
});

describe('the language server\'s compile request', () => {
    test('writes beside the .perf file by its name, and refuses a format that looks like a path', async () => {
        const client = new RawLspClient();
        try {
            await client.request('initialize', { processId: null, rootUri: null, capabilities: {} });
            client.notify('initialized', {});
            const uri = `file://${path.join(work, 'in', 'table.perf')}`;
            client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'perf', version: 1, text: PATH_LIKE_TABLE } });
            const before = filesUnder(root);

            const refused = await client.request(COMPILE_REQUEST, { uri, format: '../../../escaped' });
            expect((refused.result as { message?: string }).message).toMatch(/^不支持的格式 \.\.\/\.\.\/\.\.\/escaped：可用 html、xlsx、pdf$/);
            expect(filesUnder(root)).toEqual(before);

            const written = await client.request(COMPILE_REQUEST, { uri, format: 'html' });
            expect((written.result as CompileResult & { output: string }).output).toBe(path.join(work, 'in', 'table.html'));
            expect(filesUnder(root)).toEqual([...before, path.join('work', 'in', 'table.html')].sort());
        } finally {
            await client.stop();
        }
    });
});
