import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createPerfServices } from '../../src/language/perf-module.js';
import { createServices, parseDocument, runPerf } from '../helpers.js';

/** Codes of both catalogs: 41 (经济成本指标) exists only in the 2021 catalog. */
const TABLE = [
    '部门 "d" {',
    '    项目 "p" {',
    '        财政拨款 1.00',
    '        11 "数量" 指标值 1个',
    '        22 "社会" 指标值 1个',
    '        31 "满意度" 指标值 ≥90%',
    '        41 "经济成本" 指标值 ≤1万元',
    '    }',
    '}'
].join('\n');

const unknownCodes = (document: Awaited<ReturnType<typeof parseDocument>>) =>
    (document.diagnostics ?? []).filter(d => d.code === 'unknown-code').map(d => d.range.start.line + 1);

describe('perf.catalog: the catalog of a department that names none', () => {
    test('is 2015 by default', async () => {
        expect(unknownCodes(await parseDocument(TABLE))).toEqual([7]);
    });

    test('a change of the setting relinks the documents already built', async () => {
        const services = await createServices();
        const document = await parseDocument(TABLE, services);
        expect(unknownCodes(document)).toEqual([7]);
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { perf: { catalog: '2021' } } });
        await services.shared.workspace.WorkspaceLock.write(async () => undefined); // after the relink queued before it
        expect(unknownCodes(document)).toEqual([]);
        const cost = document.parseResult.value.departments[0].projects[0].indicators[3];
        expect(cost.category?.ref?.label).toBe('经济成本指标');
        expect(cost.category?.ref?.$container.label).toBe('成本指标');
    });

    test('a document that names its catalog keeps it', async () => {
        const services = await createServices();
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { perf: { catalog: '2021' } } });
        const document = await parseDocument(TABLE.replace('部门 "d" {', '部门 "d" {\n    指标体系 "2015"'), services);
        expect(unknownCodes(document)).toEqual([8]);
    });

    test('perf --catalog 2021 is the same on the command line', () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-catalog-')), 'cost.perf');
        fs.writeFileSync(file, TABLE);
        const run = (...args: string[]) => runPerf(args);
        expect(run('check', file).stdout).toContain(`${file}:7:9: error: 二级指标代码“41”不在指标体系“2015”中`);
        const with2021 = run('check', '--catalog', '2021', file);
        expect(with2021.code).toBe(0);
        expect(with2021.stdout).not.toContain('unknown-code');
    });
});

describe('the editor\'s configuration arriving while the workspace starts', () => {
    test('the settings rebuild that cancels the first build still links the codes to the built-in catalogs', async () => {
        // As in the server: the client's configuration is announced while the workspace manager loads the files
        // and built-in catalogs; the settings rebuild takes the lock and so cancels the first build.
        const { shared: { workspace } } = createPerfServices(EmptyFileSystem);
        const document = workspace.LangiumDocuments.createDocument(URI.parse('file:///workspace/table.perf'), TABLE);
        const startup = workspace.WorkspaceManager.initialized({});
        workspace.ConfigurationProvider.updateConfiguration({ settings: { perf: { catalog: '2021' } } });
        await startup;
        await workspace.WorkspaceLock.read(async () => undefined); // a read waits for the rebuild (a write would cancel it)
        expect(document.diagnostics?.filter(d => d.message.includes('找不到所选的指标体系')).map(d => d.message)).toEqual([]);
        expect(unknownCodes(document)).toEqual([]);
    });
});
