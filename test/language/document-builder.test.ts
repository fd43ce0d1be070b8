import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cancellation, OperationCancelled, TextDocument, URI, type LangiumDocument } from 'langium';
import { PerfDocumentBuilder } from '../../src/language/langium-speed/perf-document-builder.js';
import { PerfLangiumDocuments } from '../../src/language/langium-speed/perf-documents.js';
import { PerfValidationRegistry } from '../../src/language/langium-speed/perf-validation-registry.js';
import { createServices, parseDocument } from '../helpers.js';

type Services = Awaited<ReturnType<typeof createServices>>;

const DEPARTMENT = (name: string) => `部门 "${name}" { 合计 1.00 财政拨款 1.00 项目 "经费" { 总计 1.00 财政拨款 1.00 11 "场次" 指标值 ≥1场 } }`;
const SUMMARY = '汇总 "区" { 合计 1.00 部门 "商务局" }';

async function build(services: Services, files: Record<string, string>): Promise<Record<string, LangiumDocument>> {
    const { LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = Object.entries(files).map(([name, text]) => LangiumDocuments.createDocument(URI.parse(`file:///ws/${name}`), text));
    await DocumentBuilder.build(documents, { validation: true });
    return Object.fromEntries(documents.map(document => [document.uri.path.slice('/ws/'.length).replace(/\.perf$/, ''), document]));
}

/** As the editor does: the open text document changes, then the builder updates the workspace. */
async function edit(services: Services, document: LangiumDocument, text: string, version: number): Promise<void> {
    services.shared.workspace.TextDocuments.set(TextDocument.create(document.uri.toString(), 'perf', version, text));
    await services.shared.workspace.DocumentBuilder.update([document.uri], []);
}

function codes(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => String(d.code));
}

describe('what an edit rebuilds (PerfDocumentBuilder)', () => {
    it('is the service the workspace uses', async () => {
        const { shared } = await createServices();
        expect(shared.workspace.DocumentBuilder).toBeInstanceOf(PerfDocumentBuilder);
        expect(shared.workspace.LangiumDocuments).toBeInstanceOf(PerfLangiumDocuments);
    });

    it('relinks a document with a linking error when the missing target appears, and again when it goes', async () => {
        const services = await createServices();
        const { summary, other } = await build(services, { 'summary.perf': SUMMARY, 'other.perf': DEPARTMENT('交通局') });
        expect(codes(summary)).toContain('unknown-department');
        // The department appears in a file that was open for another department: the summary links to it.
        await edit(services, other, DEPARTMENT('商务局'), 2);
        expect(codes(summary)).not.toContain('unknown-department');
        // It is renamed back: the summary refers into the changed file, so it is relinked and reports again.
        await edit(services, other, DEPARTMENT('交通局'), 3);
        expect(codes(summary)).toContain('unknown-department');
    });

    it('leaves documents the edit does not affect as they were, across several edits', async () => {
        const services = await createServices();
        const { edited, untouched } = await build(services, { 'edited.perf': DEPARTMENT('商务局'), 'untouched.perf': DEPARTMENT('交通局') });
        const untouchedDiagnostics = untouched.diagnostics;
        for (let version = 2; version < 5; version++) {
            await edit(services, edited, DEPARTMENT(`商务局${version}`), version);
        }
        expect(untouched.diagnostics).toBe(untouchedDiagnostics);
        // A document validated with the edit's fast checks only still gets the slow ones when they are asked for.
        const builder = services.shared.workspace.DocumentBuilder;
        let slowRuns = 0;
        services.perf.validation.ValidationRegistry.register({ Department: () => { slowRuns++; } }, undefined, 'slow');
        await builder.build([edited, untouched], { validation: true });
        expect(slowRuns).toBe(2);
    });

    it('lists documents as they are added and deleted', async () => {
        const services = await createServices();
        const documents = services.shared.workspace.LangiumDocuments;
        const before = documents.all.toArray().length;
        const { first } = await build(services, { 'first.perf': DEPARTMENT('甲'), 'second.perf': DEPARTMENT('乙') });
        expect(documents.all.toArray().length).toBe(before + 2);
        documents.deleteDocument(first.uri);
        expect(documents.all.map(document => document.uri.path).toArray()).toContain('/ws/second.perf');
        expect(documents.all.map(document => document.uri.path).toArray()).not.toContain('/ws/first.perf');
        documents.deleteDocuments(URI.parse('file:///ws'));
        expect(documents.all.toArray().length).toBe(before);
    });
});

describe('validation checks without promises (PerfValidationRegistry)', () => {
    // Langium logs a failing check's stack on the console, as the server does; the tests read the diagnostics.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    afterEach(() => consoleError.mockClear());

    it('reports a check that throws on its node, as Langium does, and keeps the other checks running', async () => {
        const services = await createServices();
        expect(services.perf.validation.ValidationRegistry).toBeInstanceOf(PerfValidationRegistry);
        services.perf.validation.ValidationRegistry.register({ Project: () => { throw new Error('boom'); } });
        const document = await parseDocument(DEPARTMENT('商务局'), services);
        const failure = document.diagnostics?.find(d => d.message.includes('boom'));
        expect(failure?.message).toBe('An error occurred during validation: boom');
        expect(consoleError).toHaveBeenCalled();
        expect(failure?.range.start.character).toBe(DEPARTMENT('商务局').indexOf('项目'));
        expect(document.diagnostics?.length).toBeGreaterThan(1); // perf's own checks ran too
    });

    it('awaits a check that returns a promise, including one that rejects', async () => {
        const services = await createServices();
        services.perf.validation.ValidationRegistry.register({
            Project: async (node, accept) => {
                await new Promise(resolve => setTimeout(resolve, 5));
                accept('warning', 'checked later', { node });
            },
            Department: async () => { await Promise.resolve(); throw new Error('late boom'); }
        });
        const messages = (await parseDocument(DEPARTMENT('商务局'), services)).diagnostics?.map(d => d.message);
        expect(messages).toContain('checked later');
        expect(messages).toContain('An error occurred during validation: late boom');
    });

    it('lets a cancellation through instead of reporting it', async () => {
        const services = await createServices();
        services.perf.validation.ValidationRegistry.register({ Project: () => { throw OperationCancelled; } });
        const document = services.shared.workspace.LangiumDocuments.createDocument(URI.parse('file:///ws/cancelled.perf'), DEPARTMENT('商务局'));
        await expect(services.shared.workspace.DocumentBuilder.build([document], { validation: true }, Cancellation.CancellationToken.None))
            .rejects.toBe(OperationCancelled);
    });
});
