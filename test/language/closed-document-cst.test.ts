import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, TextDocument, URI, type AstNode, type LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import type { PerfFile } from '../../src/language/generated/ast.js';
import { officialTableOf } from '../../src/server/perf-requests.js';
import { createServices, repoRoot } from '../helpers.js';

// A workspace as the language server holds it: every example, two made-up departments in their own files, a
// catalog of their own and a summary (汇总) over them, which is the open file; every other file is closed and,
// with the release on, held without its CST once validated. Each feature must answer as with every CST kept.
const CATALOG = '指标体系 "自定义" {\n    1 "产出指标" {\n        11 "数量指标"\n    }\n}\n';
const COMMERCE = [
    '/** 某区负责商贸的部门（虚构）。 */', '部门 "某区商务局" {', '    指标体系 "自定义"', '    合计 10.00', '    财政拨款 10.00',
    '    项目 "展会经费" {', '        总计 10.00', '        财政拨款 10.00', '        11 "展会场次" 指标值 ≥2场', '    }', '}', ''
].join('\n');
const TRANSPORT = [
    '部门 "某区交通局" {', '    合计 5.00', '    财政拨款 5.00',
    '    项目 "道路养护" { 总计 5.00 财政拨款 5.00 11 "养护里程" 指标值 ≥10公里 31 "满意度" 指标值 ≥90% }', '}', ''
].join('\n');
const SUMMARY = '汇总 "某区" {\n    合计 15.01\n    部门 "某区商务局" 文件 "commerce.perf"\n    部门 "某区交通局"\n}\n';

const files: Record<string, string> = {
    ...Object.fromEntries(fs.readdirSync(path.join(repoRoot, 'examples')).map(name => [name, fs.readFileSync(path.join(repoRoot, 'examples', name), 'utf8')])),
    'catalog.perf': CATALOG, 'commerce.perf': COMMERCE, 'transport.perf': TRANSPORT, 'summary.perf': SUMMARY
};
const uriOf = (name: string) => `file:///ws/${name}`;

type Services = Awaited<ReturnType<typeof createServices>>;
type Workspace = { services: Services; documents: Record<string, LangiumDocument<PerfFile>> };

async function workspace(release: boolean, open = 'summary.perf'): Promise<Workspace> {
    const services = await createServices();
    services.perf.workspace.ClosedDocumentCst.enabled = release;
    const { shared } = services;
    shared.workspace.TextDocuments.set(TextDocument.create(uriOf(open), 'perf', 1, files[open]));
    const documents = Object.fromEntries(Object.entries(files).map(([name, text]) =>
        [name, shared.workspace.LangiumDocuments.createDocument(URI.parse(uriOf(name)), text) as LangiumDocument<PerfFile>]));
    await shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    return { services, documents };
}

let kept: Workspace;
let released: Workspace;
beforeAll(async () => {
    kept = await workspace(false);
    released = await workspace(true);
});

const cstOf = (workspace: Workspace) => workspace.services.perf.workspace.ClosedDocumentCst;
const positionIn = (text: string, needle: string) => {
    const before = text.slice(0, text.indexOf(needle) + 1).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length - 1 };
};

describe('closed files held without their CST', () => {
    test('every closed file is released once validated; the open file and the catalog file are not', () => {
        const released_ = Object.entries(released.documents).filter(([, document]) => cstOf(released).isReleased(document)).map(([name]) => name);
        expect(released_.sort()).toEqual(Object.keys(files).filter(name => name !== 'summary.perf' && name !== 'catalog.perf').sort());
        const commerce = released.documents['commerce.perf'].parseResult.value;
        expect(AstUtils.streamAst(commerce).filter(node => node.$cstNode !== undefined).count()).toBe(0);
        expect(Object.values(kept.documents).some(document => cstOf(kept).isReleased(document))).toBe(false);
    });

    test('the diagnostics of every file are the same', () => {
        for (const name of Object.keys(files)) {
            expect(released.documents[name].diagnostics, name).toEqual(kept.documents[name].diagnostics);
        }
    });

    test('the text parsed again gives every node its CST back, pointing back at the same node', () => {
        for (const name of Object.keys(files)) {
            const document = released.documents[name];
            const root = document.parseResult.value;
            cstOf(released).restore(document);
            expect(document.parseResult.value, name).toBe(root);
            const again = AstUtils.streamAst(root).toArray();
            const before = AstUtils.streamAst(kept.documents[name].parseResult.value).toArray();
            expect(again.map(shapeOf), name).toEqual(before.map(shapeOf));
            expect(again.every(node => node.$cstNode?.astNode === node), name).toBe(true);
        }
    });

    test('find references of a catalog code and of a department, across closed files', async () => {
        const fresh = await workspace(true);
        const references = async (workspace: Workspace, name: string, needle: string) => workspace.services.perf.lsp.ReferencesProvider!.findReferences(
            workspace.documents[name], { textDocument: { uri: uriOf(name) }, position: positionIn(files[name], needle), context: { includeDeclaration: true } });
        for (const [name, needle] of [['catalog.perf', '11 "数量指标"'], ['summary.perf', '某区商务局']]) {
            cstOf(fresh).restore(fresh.documents[name]);
            const found = await references(fresh, name, needle);
            expect(found.length, needle).toBeGreaterThan(1);
            expect(found, needle).toEqual(await references(kept, name, needle));
        }
    });

    test('go to definition and rename from the open summary into a closed file', async () => {
        const fresh = await workspace(true);
        const params = { textDocument: { uri: uriOf('summary.perf') }, position: positionIn(SUMMARY, '某区交通局') };
        const definition = await fresh.services.perf.lsp.DefinitionProvider!.getDefinition(fresh.documents['summary.perf'], params);
        expect(definition).toEqual(await kept.services.perf.lsp.DefinitionProvider!.getDefinition(kept.documents['summary.perf'], params));
        expect(definition?.[0].targetUri).toBe(uriOf('transport.perf'));
        const rename = { ...params, newName: '某区交通运输局' };
        const edits = await fresh.services.perf.lsp.RenameProvider!.rename(fresh.documents['summary.perf'], rename);
        expect(Object.keys(edits?.changes ?? {}).sort()).toEqual([uriOf('summary.perf'), uriOf('transport.perf')]);
        expect(edits).toEqual(await kept.services.perf.lsp.RenameProvider!.rename(kept.documents['summary.perf'], rename));
    });

    test('completion of a summary\'s 部门 shows the comment above a department of a closed file', async () => {
        const fresh = await workspace(true);
        const complete = async (workspace: Workspace) => (await workspace.services.perf.lsp.CompletionProvider!.getCompletion(
            workspace.documents['summary.perf'], { textDocument: { uri: uriOf('summary.perf') }, position: positionIn(SUMMARY, '"某区商务局"') }))?.items;
        const items = await complete(fresh);
        expect(items?.find(item => item.label === '某区商务局')?.documentation).toEqual({ kind: 'markdown', value: '某区负责商贸的部门（虚构）。' });
        expect(items).toEqual(await complete(kept));
    });

    test('workspace symbols: the same names and ranges, without parsing a closed file again', async () => {
        const fresh = await workspace(true);
        for (const query of ['满意度', '某区', '经费', '商务局']) {
            const found = await fresh.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query });
            expect(found.length, query).toBeGreaterThan(0);
            expect(found, query).toEqual(await kept.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query }));
        }
        expect(Object.entries(fresh.documents).filter(([name, document]) => name !== 'catalog.perf' && name !== 'summary.perf'
            && !cstOf(fresh).isReleased(document))).toEqual([]);
    });

    test('an edit of a department revalidates the closed summary over it, as before', async () => {
        const [fresh, all] = [await workspace(true, 'commerce.perf'), await workspace(false, 'commerce.perf')];
        const summary = fresh.documents['summary.perf'];
        expect(cstOf(fresh).isReleased(summary)).toBe(true);
        const before = summary.diagnostics;
        const changed = COMMERCE.replace(/10\.00/g, '11.00');
        for (const { services } of [fresh, all]) {
            services.shared.workspace.TextDocuments.set(TextDocument.create(uriOf('commerce.perf'), 'perf', 2, changed));
            await services.shared.workspace.DocumentBuilder.update([URI.parse(uriOf('commerce.perf'))], []);
        }
        for (const name of Object.keys(files)) {
            const document = (workspace: Workspace) => workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf(name)))!;
            expect(document(fresh).diagnostics, name).toEqual(document(all).diagnostics);
        }
        expect(summary.diagnostics).not.toEqual(before);
        expect(cstOf(fresh).isReleased(summary)).toBe(true);
    });

    test('files parsed again for requests keep their CST only while few: at most 16, the oldest released first', async () => {
        const services = await createServices();
        services.perf.workspace.ClosedDocumentCst.enabled = true;
        const cst = services.perf.workspace.ClosedDocumentCst;
        const documents = Array.from({ length: 17 }, (_, i) => services.shared.workspace.LangiumDocuments.createDocument(
            URI.parse(uriOf(`department-${i}.perf`)), TRANSPORT.replace('某区交通局', `某区${i}局`)));
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        expect(documents.every(document => cst.isReleased(document))).toBe(true);
        documents.forEach(document => cst.restore(document));
        expect(documents.map(document => cst.isReleased(document))).toEqual([true, ...Array(16).fill(false)]);
        expect(documents[0].parseResult.value.$cstNode).toBeUndefined();
        expect(documents[16].parseResult.value.$cstNode?.text).toBe(TRANSPORT.replace('某区交通局', '某区16局').trimEnd());
    });

    test('the official table of a closed file, as the preview asks for it, is the same', async () => {
        for (const name of ['nansha-commerce-bureau.perf', 'project-form.perf', 'commerce.perf']) {
            expect(await officialTableOf(released.services.shared, uriOf(name)), name).toEqual(await officialTableOf(kept.services.shared, uriOf(name)));
        }
    });
});

function shapeOf(node: AstNode): unknown {
    return { type: node.$type, range: node.$cstNode?.range, text: node.$cstNode?.text };
}
