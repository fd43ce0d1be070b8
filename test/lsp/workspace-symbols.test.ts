import { beforeAll, describe, expect, test } from 'vitest';
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver';
import { createServices } from '../helpers.js';
import { buildDocuments, type Services } from './lsp-helpers.js';

// Two made-up department files of one workspace.
const FINANCE = [
    '部门 "某县财政局" {',
    '    单位 万元',
    '    项目 "会计人员培训" {',
    '        总计 10.00',
    '        财政拨款 10.00',
    '        绩效目标 "完成培训。"',
    '        11 "培训场次" 指标值 ≥3场',
    '        22 "会计信息质量提升" 指标值 "明显提升"',
    '        31 "学员满意度" 指标值 ≥90%',
    '    }',
    '}',
    ''
].join('\n');
const EDUCATION = FINANCE.replace('某县财政局', '某县教育局').replace('会计人员培训', '教师培训').replace('会计信息质量提升', '教学质量提升');

let services: Services;
let uris: string[];
beforeAll(async () => {
    services = await createServices();
    uris = (await buildDocuments(services, FINANCE, EDUCATION)).map(document => document.uri.toString());
});

async function search(query: string): Promise<WorkspaceSymbol[]> {
    return services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query });
}

describe('workspace symbols', () => {
    test('会计 finds the project 会计人员培训 and the indicator 会计信息质量提升, with their containers', async () => {
        const found = await search('会计');
        expect(found.map(symbol => [symbol.name, symbol.kind, symbol.containerName, 'uri' in symbol.location && symbol.location.uri])).toEqual([
            ['会计人员培训', SymbolKind.Package, '某县财政局', uris[0]],
            ['会计信息质量提升', SymbolKind.Field, '会计人员培训', uris[0]]
        ]);
        const project = found[0].location as { range: { start: { line: number; character: number } } };
        expect(project.range.start).toEqual({ line: 2, character: FINANCE.split('\n')[2].indexOf('"会计') });
    });

    test('a part inside a name matches, across files; departments are found by any part too', async () => {
        expect((await search('培训')).map(symbol => symbol.name)).toEqual(['会计人员培训', '培训场次', '教师培训', '培训场次']);
        expect((await search('教育')).map(symbol => [symbol.name, symbol.kind])).toEqual([['某县教育局', SymbolKind.Namespace]]);
    });

    test('a query no name contains finds nothing', async () => {
        expect(await search('水利')).toEqual([]);
    });

    test('a department\'s own indicators (部门整体) are found too, with the department as container', async () => {
        const own = await createServices();
        await buildDocuments(own, '部门 "某县审计局" {\n    表式 "部门整体"\n    11 "审计项目完成数" 指标值 ≥20个\n}\n');
        const found = await own.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '审计项目' });
        expect(found.map(symbol => [symbol.name, symbol.kind, symbol.containerName])).toEqual([['审计项目完成数', SymbolKind.Field, '某县审计局']]);
    });
});
