/**
 * The extension's wiring: package.json contributions agree with the code and the files, the bundles build,
 * the client registers every contributed command, and the .vsix's server starts (from the unpacked .vsix,
 * so the built-in catalogs are found as installed) and answers LSP and the perf/* requests over stdio.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PERF_COMMANDS, SELF_CHECK_COMMAND } from '../../src/extension/commands.js';
import {
    CHECK_WORKSPACE_REQUEST, COMPILE_REQUEST, DOCUMENT_SUMMARY_REQUEST, IMPORT_TABLE_REQUEST, NEW_TABLE_REQUEST, OFFICIAL_TABLE_REQUEST,
    type NewTableResult, type CheckWorkspaceResult, type CompileResult, type DocumentSummaryResult, type ImportTableResult, type OfficialTableResult
} from '../../src/protocol/perf-protocol.js';
import { diagnosticsOf, parseDocument, readReferenceExample, referenceExample, referenceText, repoRoot } from '../helpers.js';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const contributedCommands: string[] = contributes.commands.map((command: { command: string }) => command.command);
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
const english: Record<string, string> = readJson('package.nls.json');
const chinese: Record<string, string> = readJson('package.nls.zh-cn.json');

describe('package.json contributions', () => {
    test('the contributed commands are exactly the extension\'s commands (the self-check stays hidden)', () => {
        expect([...contributedCommands].sort()).toEqual(Object.values(PERF_COMMANDS).sort());
        expect(contributedCommands).not.toContain(SELF_CHECK_COMMAND);
        for (const command of contributes.commands) {
            expect(command.title, command.command).toMatch(/^%[\w.]+%$/);
            expect(chinese[command.title.slice(1, -1)], command.command).toMatch(/[\u4e00-\u9fff]/); // a Chinese title for budget officers
        }
    });

    test('the UI in English and Chinese: every %key% of package.json in both package.nls files, the l10n bundle declared', () => {
        const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map(match => match[1]);
        expect(keys.length).toBeGreaterThan(20);
        expect(Object.keys(english).sort()).toEqual([...new Set(keys)].sort());
        expect(Object.keys(chinese).sort()).toEqual([...new Set(keys)].sort());
        expect(manifest.l10n).toBe('./l10n');
        // The client's vscode.l10n.t keys and their bundle: test/extension/l10n.test.ts.
    });

    test('activation only on .perf files and on the commands', () => {
        expect(manifest.activationEvents).toEqual(['onLanguage:perf', ...contributedCommands.map(command => `onCommand:${command}`)]);
    });

    test('menus and keybindings name contributed commands only', () => {
        const referenced = [
            ...Object.values(contributes.menus as Record<string, { command: string }[]>).flat().map(entry => entry.command),
            ...contributes.keybindings.map((binding: { command: string }) => binding.command)
        ];
        expect(referenced.filter(command => !contributedCommands.includes(command))).toEqual([]);
        expect(contributes.keybindings[0]).toMatchObject({ command: PERF_COMMANDS.openPreviewToSide, when: 'editorLangId == perf' });
    });

    test('every path the manifest names exists', () => {
        const paths = [
            manifest.icon, contributes.languages[0].configuration, contributes.languages[0].icon.light,
            ...contributes.grammars.map((grammar: { path: string }) => grammar.path),
            ...contributes.snippets.map((snippet: { path: string }) => snippet.path),
            ...contributes.jsonValidation.map((validation: { url: string }) => validation.url),
            ...contributes.walkthroughs.flatMap((walkthrough: { steps: { media: { markdown: string } }[] }) => walkthrough.steps.map(step => step.media.markdown))
        ];
        for (const file of paths) {
            expect(fs.existsSync(path.join(repoRoot, file)), file).toBe(true);
        }
        expect(manifest.main).toBe('./dist/extension.cjs');
        expect(contributes.grammars[0]).toMatchObject({ language: 'perf', scopeName: 'source.perf' });
        expect(JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes/perf.tmLanguage.json'), 'utf8')).scopeName).toBe('source.perf');
    });

    test('the walkthrough: new file, first project, check, preview, compile; its command links name contributed commands', () => {
        const [walkthrough] = contributes.walkthroughs;
        expect(walkthrough.steps.map((step: { id: string }) => step.id)).toEqual(['newFile', 'firstProject', 'check', 'preview', 'compile']);
        for (const strings of [english, chinese]) {
            const linked = walkthrough.steps.flatMap((step: { description: string }) =>
                [...strings[step.description.slice(1, -1)].matchAll(/\(command:([\w.]+)\)/g)].map(match => match[1]));
            expect(linked).toEqual([PERF_COMMANDS.newTable, PERF_COMMANDS.checkWorkspace, PERF_COMMANDS.openPreviewToSide, PERF_COMMANDS.compileHtml]);
        }
    });

    test('settings: catalog, rule severities, rounding tolerance', () => {
        const properties = contributes.configuration.properties;
        // Empty by default, so perf.config.json's catalog applies unless the user sets one.
        expect(properties['perf.catalog']).toMatchObject({ type: 'string', default: '' });
        expect(properties['perf.rules'].additionalProperties.enum).toEqual(['off', 'error', 'warning', 'info']);
        expect(properties['perf.roundingTolerance']).toMatchObject({ type: ['number', 'null'], default: null, minimum: 0 });
    });

    test('language configuration: comments, Chinese brackets, auto-closing, folding', () => {
        const configuration = JSON.parse(fs.readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8'));
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        for (const pair of [['《', '》'], ['“', '”'], ['（', '）'], ['{', '}']]) {
            expect(configuration.brackets).toContainEqual(pair);
            expect(configuration.autoClosingPairs).toContainEqual(expect.objectContaining({ open: pair[0], close: pair[1] }));
        }
        expect(configuration.folding.markers.start).toBeTruthy();
    });

    test('snippets: a new project, and a new indicator for every level-2 code of the built-in catalogs', () => {
        const snippets = Object.values(JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets/perf.json'), 'utf8'))) as { prefix: string[]; body: string[] }[];
        expect(snippets.some(snippet => snippet.prefix.includes('项目') && snippet.body[0].startsWith('项目 "'))).toBe(true);
        const codes = new Set(['2015.perf', '2021.perf'].flatMap(name =>
            [...fs.readFileSync(path.join(repoRoot, 'catalogs', name), 'utf8').matchAll(/^\s+(\d\d) "/gm)].map(match => match[1])));
        expect(codes.size).toBeGreaterThanOrEqual(9);
        for (const code of codes) {
            // Prefixed 指标11, not 11: typing a code is the server's completion (catalog-aware, in every editor).
            expect(snippets.some(snippet => snippet.prefix.includes(`指标${code}`) && !snippet.prefix.includes(code)
                && snippet.body[0].startsWith(`${code} "`)), code).toBe(true);
        }
    });
});

describe('bundles and the .vsix', () => {
    let unpacked: string;
    let vsixFiles: string[];

    beforeAll(async () => {
        execFileSync(process.execPath, [path.join(repoRoot, 'scripts/extension/bundle.mjs')], { cwd: repoRoot, stdio: 'pipe' });
        execFileSync(process.execPath, [path.join(repoRoot, 'scripts/extension/package.mjs')], { cwd: repoRoot, stdio: 'pipe' });
        const zip = await JSZip.loadAsync(fs.readFileSync(path.join(repoRoot, 'perf-budget.vsix')));
        vsixFiles = Object.keys(zip.files).filter(name => !zip.files[name].dir).sort();
        unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-vsix-test-'));
        for (const name of vsixFiles) {
            const target = path.join(unpacked, name);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, await zip.files[name].async('nodebuffer'));
        }
    }, 120_000);

    afterAll(() => {
        fs.rmSync(unpacked, { recursive: true, force: true });
    });

    test('the .vsix holds only the bundles, catalogs, grammar, snippets, configuration, icon, walkthrough, README and LICENSE', () => {
        const extensionFiles = vsixFiles.filter(name => name.startsWith('extension/')).map(name => name.slice('extension/'.length));
        expect(extensionFiles).toEqual([
            'LICENSE.txt', 'catalogs/2015.perf', 'catalogs/2021.perf', 'dist/extension.cjs', 'dist/server.cjs',
            'images/extension-completion.png', 'images/extension-diagnostics.png', 'images/extension-preview.png',
            'images/icon.png', 'l10n/bundle.l10n.zh-cn.json', 'language-configuration.json', 'package.json', 'package.nls.json',
            'package.nls.zh-cn.json', 'readme.md', 'schemas/perf.config.schema.json', 'snippets/perf.json',
            'syntaxes/perf.tmLanguage.json', 'walkthrough/check.md', 'walkthrough/compile.md', 'walkthrough/first-project.md',
            'walkthrough/new-file.md', 'walkthrough/preview.md'
        ]);
    });

    test("the .vsix README is the extension user's page, and every image it shows is inside the package", () => {
        const readme = fs.readFileSync(path.join(unpacked, 'extension/readme.md'), 'utf8');
        expect(readme).toBe(fs.readFileSync(path.join(repoRoot, 'docs/extension-readme.md'), 'utf8'));
        expect(readme).not.toMatch(/npm (install|run|test)|perf check|perf compile/); // not the command-line manual
        const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(match => match[1]);
        expect(images.length).toBeGreaterThan(0);
        for (const image of images) {
            expect(image).not.toMatch(/^[a-z]+:|^\/|\.\./); // relative, inside the package
            expect(vsixFiles).toContain(`extension/${image}`);
        }
        for (const command of contributes.commands as Array<{ command: string; title: string }>) {
            expect(readme, `${command.command} is described`).toContain(`perf: ${english[command.title.slice(1, -1)]}`);
        }
    });

    test('the example table of the .vsix README checks without a problem', async () => {
        const example = /```perf\n([\s\S]*?)```/.exec(fs.readFileSync(path.join(repoRoot, 'docs/extension-readme.md'), 'utf8'))![1];
        expect(diagnosticsOf(await parseDocument(example))).toEqual([]);
    });

    test('the client bundle loads outside VS Code and registers every contributed command on activation', () => {
        const probe = `
            const Module = require('module');
            const { createFakeVscode } = require(${JSON.stringify(path.join(repoRoot, 'test/extension/fake-vscode.cjs'))});
            const fake = createFakeVscode();
            const load = Module._load;
            Module._load = function (request, ...rest) { return request === 'vscode' ? fake.api : load.call(this, request, ...rest); };
            const extension = require(${JSON.stringify(path.join(unpacked, 'extension/dist/extension.cjs'))});
            const context = { subscriptions: [], asAbsolutePath: file => ${JSON.stringify(path.join(unpacked, 'extension'))} + '/' + file };
            extension.activate(context).catch(() => undefined).finally(() => {
                process.stdout.write(JSON.stringify(fake.registeredCommands));
                process.exit(0);
            });`;
        const registered = JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 20_000 }));
        expect([...registered].sort()).toEqual([...contributedCommands].sort());
    });

    describe('the server of the .vsix over stdio', () => {
        let server: ChildProcess;
        let connection: MessageConnection;
        let workspace: string;
        let exampleUri: string;
        const diagnostics = new Map<string, unknown[]>();

        beforeAll(async () => {
            workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-server-test-'));
            const example = path.join(workspace, path.basename(referenceExample));
            fs.copyFileSync(referenceExample, example);
            exampleUri = `file://${example}`;
            // Plain `node`, as an editor would run it: Node 20 needs the bundled Object.groupBy polyfill.
            server = spawn(process.execPath, [path.join(unpacked, 'extension/dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
            connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
            connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) => {
                diagnostics.set(params.uri, params.diagnostics);
            });
            connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
            connection.onRequest('client/registerCapability', () => null);
            connection.onRequest('window/workDoneProgress/create', () => null);
            connection.listen();
        });

        afterAll(() => {
            connection?.dispose();
            server?.kill();
            fs.rmSync(workspace, { recursive: true, force: true });
        });

        test('answers initialize, then the perf/* requests for the reference example', async () => {
            const initialized = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
                processId: process.pid, rootUri: `file://${workspace}`, capabilities: {},
                workspaceFolders: [{ uri: `file://${workspace}`, name: 'test' }]
            });
            expect(initialized.capabilities).toHaveProperty('completionProvider');
            expect(initialized.capabilities).toHaveProperty('textDocumentSync');
            await connection.sendNotification('initialized', {});
            await connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri: exampleUri, languageId: 'perf', version: 1, text: readReferenceExample() }
            });

            const table = await retryWhileUnknown(() => connection.sendRequest<OfficialTableResult>(OFFICIAL_TABLE_REQUEST, { uri: exampleUri }));
            expect(table.errorCount).toBe(0);
            expect(table.table?.rows).toHaveLength(1 + 1 + 28); // 合计, the department, 28 projects
            expect(table.table?.rows[0].cells.slice(0, 2)).toEqual(['合计', '67,522.75']);

            const summary = await connection.sendRequest<DocumentSummaryResult>(DOCUMENT_SUMMARY_REQUEST, { uri: exampleUri });
            expect(summary).toMatchObject({ total: '67,522.75', unit: '万元', projectCount: 28, errorCount: 0 });
            // 合计 and 财政拨款 are 0.01 off the projects' sums: within rounding, so the table reconciles.
            expect(summary.reconciles).toBe(true);
            expect(summary.mismatches).toEqual([
                expect.objectContaining({ line: 7, code: 'rounding-difference', rounding: true, message: expect.stringContaining('67,522.74') }),
                expect.objectContaining({ line: 8, code: 'rounding-difference', rounding: true })
            ]);
            expect(diagnostics.has(exampleUri)).toBe(true);

            const compiled = await connection.sendRequest<CompileResult>(COMPILE_REQUEST, { uri: exampleUri, format: 'html' });
            expect(compiled).toEqual({ output: path.join(workspace, 'nansha-commerce-bureau.html') });
            expect(fs.readFileSync(path.join(workspace, 'nansha-commerce-bureau.html'), 'utf8')).toContain('产业扶持—企业扶持和奖励经费');

            const checked = await connection.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {});
            expect(checked).toMatchObject({ files: 1, errors: 0 });
        });

        test('imports the published reference text as .perf text (28 projects), and says why a file cannot be imported', async () => {
            const imported = await connection.sendRequest<ImportTableResult>(IMPORT_TABLE_REQUEST, { path: referenceText });
            expect('text' in imported).toBe(true);
            const text = (imported as { text: string }).text;
            expect(text.match(/^\s*项目 "/gm)).toHaveLength(28);
            expect(text).toContain('部门 "广州南沙经济技术开发区商务局"');
            const missing = await connection.sendRequest<ImportTableResult>(IMPORT_TABLE_REQUEST, { path: path.join(workspace, 'missing.xlsx') });
            expect(missing).toEqual({ message: expect.stringMatching(/^导入 missing\.xlsx 失败：/) });
        });

        test('writes the starter table of "perf: New Table", which the server then finds clean; refuses a bad year', async () => {
            const answer = await connection.sendRequest<NewTableResult>(NEW_TABLE_REQUEST, { department: '某县教育局', year: '2026', unit: '万元', catalog: '2021' });
            const text = (answer as { text: string }).text;
            expect(text).toContain('部门 "某县教育局" {\n    预算年度 2026\n    单位 万元\n    指标体系 "2021"\n');
            const starterUri = `file://${path.join(workspace, 'starter.perf')}`;
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: starterUri, languageId: 'perf', version: 1, text } });
            const summary = await retryWhileUnknown(() => connection.sendRequest<DocumentSummaryResult>(DOCUMENT_SUMMARY_REQUEST, { uri: starterUri }));
            expect(summary).toMatchObject({ total: '10.00', projectCount: 1, errorCount: 0, reconciles: true });
            expect(diagnostics.get(starterUri) ?? []).toEqual([]);
            expect(await connection.sendRequest<NewTableResult>(NEW_TABLE_REQUEST, { department: '某局', year: '26', unit: '万元', catalog: '2015' }))
                .toEqual({ message: '预算年度“26”应为四位年份，如 2026 (a four-digit year)' });
        });

        test('a document with errors gets no table and no compile, with the first error said in Chinese', async () => {
            const brokenUri = `file://${path.join(workspace, 'broken.perf')}`;
            await connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri: brokenUri, languageId: 'perf', version: 1, text: '部门 "测试" {\n    项目 "x" {\n        总计 abc\n    }\n}\n' }
            });
            const table = await retryWhileUnknown(() => connection.sendRequest<OfficialTableResult>(OFFICIAL_TABLE_REQUEST, { uri: brokenUri }));
            expect(table.table).toBeUndefined();
            expect(table.errorCount).toBeGreaterThan(0);
            expect(table.firstError?.line).toBe(2);
            const compiled = await connection.sendRequest<CompileResult>(COMPILE_REQUEST, { uri: brokenUri, format: 'xlsx' });
            expect(compiled).toEqual({ message: expect.stringMatching(/^文档有 \d+ 个错误，未生成 XLSX；先改正第 3 行/) });
            expect(fs.existsSync(path.join(workspace, 'broken.xlsx'))).toBe(false);
        });
    });
});

/** The server learns of a just-opened document asynchronously: retry while it says it does not know it. */
async function retryWhileUnknown<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
        try {
            return await request();
        } catch (error) {
            if (attempt > 50) {
                throw error;
            }
            await new Promise(resolve => setTimeout(resolve, 100));
        }
    }
}

