import { DefaultReferenceDescriptionProvider, type ReferenceDescription } from 'langium';
import { describe, expect, it } from 'vitest';
import { createServices, parseDocument, readReferenceExample } from '../helpers.js';

/** A description as plain data: what find references, rename and the rebuild of affected documents read. */
function plain(description: ReferenceDescription) {
    const { sourceUri, sourcePath, targetUri, targetPath, segment, local } = description;
    return { sourceUri: sourceUri.toString(), sourcePath, targetUri: targetUri.toString(), targetPath, segment, local };
}

describe('the compact reference index (CompactReferenceDescriptionProvider)', () => {
    it('describes every cross-reference exactly as Langium\'s default provider does', async () => {
        const services = await createServices();
        const table = await parseDocument(readReferenceExample(), services);
        const department = table.parseResult.value.departments[0].name;
        const summary = await parseDocument(`汇总 "区汇总" { 合计 1; 部门 "${department}" }`, services);
        const langiumDefault = new DefaultReferenceDescriptionProvider(services.perf);
        for (const document of [table, summary]) {
            const compact = await services.perf.workspace.ReferenceDescriptionProvider.createDescriptions(document);
            const expected = await langiumDefault.createDescriptions(document);
            expect(compact.map(plain)).toEqual(expected.map(plain));
        }
        const tableReferences = await services.perf.workspace.ReferenceDescriptionProvider.createDescriptions(table);
        // every indicator's level-2 code, plus the written level-1 codes (1/11), all into the built-in catalog
        expect(tableReferences.length).toBeGreaterThanOrEqual(183);
        expect(tableReferences.every(description => description.targetUri.scheme === 'builtin')).toBe(true);
        const summaryReferences = await services.perf.workspace.ReferenceDescriptionProvider.createDescriptions(summary);
        expect(summaryReferences.map(plain)).toEqual([expect.objectContaining({ targetUri: table.uri.toString(), local: false })]);
    });
});
