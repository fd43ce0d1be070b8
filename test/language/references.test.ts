import { AstUtils, DefaultReferenceDescriptionProvider, GrammarAST, type ReferenceDescription, type ReferenceInfo } from 'langium';
import { describe, expect, it } from 'vitest';
import { PerfGrammar } from '../../src/language/generated/grammar.js';
import { REFERENCE_PROPERTIES, referencesOf } from '../../src/language/langium-speed/perf-linker.js';
import { createServices, parseDocument, readReferenceExample } from '../helpers.js';

describe('the cross-references the linker resolves (referencesOf)', () => {
    it('names every cross-reference of the grammar', () => {
        const inGrammar = AstUtils.streamAllContents(PerfGrammar())
            .filter(GrammarAST.isCrossReference)
            .map(reference => {
                const rule = AstUtils.getContainerOfType(reference, GrammarAST.isParserRule)!.name;
                return `${rule}.${AstUtils.getContainerOfType(reference, GrammarAST.isAssignment)!.feature}`;
            })
            .toArray();
        const walked = Object.entries(REFERENCE_PROPERTIES).flatMap(([type, properties]) => properties.map(property => `${type}.${property}`));
        expect(walked.sort()).toEqual(inGrammar.sort());
    });

    it('finds the same references, in the same order, as Langium\'s visit of every AST node', async () => {
        const services = await createServices();
        const table = await parseDocument(readReferenceExample(), services);
        const department = table.parseResult.value.departments[0].name;
        const documents = [
            table,
            await parseDocument(`汇总 "区汇总" { 合计 1; 部门 "${department}" 文件 "a.perf"; 部门 "别的局" }`, services),
            await parseDocument('部门 "局" { 指标体系 "2021"; 项目 "甲" { 1/11 "数量" 指标值 3个; 99 "错码" 指标值 1个 } }', services)
        ];
        const plainInfo = ({ reference, container, property, index }: ReferenceInfo) => ({ reference, container, property, index });
        for (const document of documents) {
            const visited = AstUtils.streamAst(document.parseResult.value).flatMap(AstUtils.streamReferences).map(plainInfo).toArray();
            expect([...referencesOf(document.parseResult.value)].map(plainInfo)).toEqual(visited);
            expect(visited.length).toBeGreaterThan(0);
        }
    });
});

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
