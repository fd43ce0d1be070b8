import { describe, expect, test } from 'vitest';
import { AstUtils, type AstNode } from 'langium';
// @ts-expect-error: a plain .mjs script without types
import { generateDocument } from '../../scripts/generate.mjs';
import { walkAst } from '../../src/language/langium-speed/ast-walk.js';
import { parseDocument, readReferenceExample } from '../helpers.js';

/** The validator walks the AST with walkAst instead of Langium's streamAst: the same nodes, in the same order. */
describe('walkAst', () => {

    const documents: Array<[string, string]> = [
        ['the reference table', readReferenceExample()],
        ['a generated department of 1,500 indicators', (generateDocument({ indicators: 1500, seed: 3 }) as { text: string }).text],
        ['a summary and a broken line', '汇总 "区" { 合计 1.00 部门 "商务局" }\n部门 "商务局" { 项目 "经费" { 总计 1.00 11 "场次" 指标值 } }']
    ];

    test.each(documents)('%s: every node of streamAst, in its order', async (_name, text) => {
        const root = (await parseDocument(text)).parseResult.value;
        const walked: AstNode[] = [];
        walkAst(root, node => walked.push(node) > 0);
        const streamed = AstUtils.streamAst(root).toArray();
        expect(streamed.length).toBeGreaterThan(3);
        expect(walked.length).toBe(streamed.length);
        expect(walked.every((node, i) => node === streamed[i])).toBe(true);
    });

    test('leaves out the children of a node the visitor declines, as the stream\'s prune does', async () => {
        const root = (await parseDocument(readReferenceExample())).parseResult.value;
        const walked: AstNode[] = [];
        walkAst(root, node => walked.push(node) > 0 && node.$type !== 'Project');
        const pruned: AstNode[] = [];
        const nodes = AstUtils.streamAst(root).iterator();
        for (const node of nodes) {
            pruned.push(node);
            if (node.$type === 'Project') {
                nodes.prune();
            }
        }
        expect(walked.some(node => node.$type === 'Project')).toBe(true);
        expect(walked.some(node => node.$type === 'Indicator')).toBe(false);
        expect(walked).toEqual(pruned);
    });
});
