import { describe, expect, test } from 'vitest';
import type { InlayHint, Position } from 'vscode-languageserver';
import { createServices } from '../helpers.js';
import { buildDocuments, positionOf, referenceDocument, type Services } from './lsp-helpers.js';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

async function hintsOf(services: Services, text: string): Promise<InlayHint[]> {
    const [document] = await buildDocuments(services, text);
    return services.perf.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: WHOLE });
}

/** The hint label at the end of `needle` (after `after`). */
function labelAt(hints: InlayHint[], text: string, needle: string, after?: string): string | undefined {
    const start = positionOf(text, needle, { after });
    const end: Position = { line: start.line, character: start.character + needle.length };
    return hints.find(hint => hint.position.line === end.line && hint.position.character === end.character)?.label as string | undefined;
}

describe('inlay hints', () => {
    test('the reference table: its 合计 is 0.01 off by rounding, a project total agrees', async () => {
        const { services, text } = await referenceDocument();
        const hints = await hintsOf(services, text);
        expect(labelAt(hints, text, '67,522.75', '    合计 ')).toBe('Σ 67,522.74 · 相差 +0.01（四舍五入 rounding）');
        expect(labelAt(hints, text, '24.00', '项目 "工作经费"')).toBe('Σ ✓');
        expect(hints.find(hint => hint.label === 'Σ ✓')!.tooltip).toContain('财政拨款、财政专户拨款、其他资金之和 = ');
    });

    test('a stated figure beyond rounding is a mismatch; a row without a total shows the computed one after its name', async () => {
        const text = [
            '部门 "示例局" {',
            '    单位 万元',
            '    项目 "甲" {',
            '        总计 10.00',
            '        财政拨款 8.00',
            '        其他资金 1.00',
            '    }',
            '    项目 "乙" {',
            '        财政拨款 2.125',
            '        其他资金 0.375',
            '    }',
            '}',
            ''
        ].join('\n');
        const hints = await hintsOf(await createServices(), text);
        expect(labelAt(hints, text, '10.00')).toBe('Σ 9.00 · 相差 +1.00（不符 mismatch）');
        expect(labelAt(hints, text, '"乙"')).toBe('总计 Σ 2.50');
        expect(labelAt(hints, text, '"示例局"')).toBe('合计 Σ 12.50');
        expect(hints).toHaveLength(3);
    });

    test('only the rows inside the asked range', async () => {
        const { services, document, text } = await referenceDocument();
        const line = positionOf(text, '项目 "工作经费"').line;
        const hints = await services.perf.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line, character: 0 }, end: { line: line + 3, character: 0 } }
        });
        expect(hints.map(hint => hint.label)).toEqual(['Σ ✓']);
    });
});
