import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generateDocument, generateWorkspace } from '../../scripts/generate.mjs';
import { createServices, parseDocument } from '../helpers.js';

interface GeneratedDocument { text: string; name: string; projects: number; indicators: number }
interface GeneratedFile extends GeneratedDocument { fileName: string }

const generate = (options: { indicators: number; seed?: number; index?: number }): GeneratedDocument => generateDocument(options);
const workspace = (options: { files: number; indicatorsPerFile: number; seed?: number }): GeneratedFile[] => [...generateWorkspace(options)];

const INDICATOR_LINE = /^\s+(?:\d\/)?\d{2} "[^"]*" (?:指标值|实施周期) /;

describe('generator (scripts/generate.mjs)', () => {

    test('the same seed gives the same bytes; another seed another document', () => {
        const first = generate({ indicators: 700, seed: 42 });
        expect(generate({ indicators: 700, seed: 42 }).text).toBe(first.text);
        expect(generate({ indicators: 700, seed: 43 }).text).not.toBe(first.text);
    });

    test('file i of a workspace does not depend on how many files are asked for', () => {
        const small = workspace({ files: 3, indicatorsPerFile: 20, seed: 5 });
        const large = workspace({ files: 12, indicatorsPerFile: 20, seed: 5 });
        expect(large.slice(0, 3).map(file => file.text)).toEqual(small.map(file => file.text));
        expect(new Set(large.map(file => file.name)).size).toBe(12);
    });

    test('writes exactly the indicators asked for, about 7 per project, one department', () => {
        const document = generate({ indicators: 2000, seed: 1 });
        const lines = document.text.split('\n');
        expect(lines.filter(line => INDICATOR_LINE.test(line))).toHaveLength(2000);
        expect(lines.filter(line => /^部门 "/.test(line))).toHaveLength(1);
        expect(document.indicators / document.projects).toBeGreaterThan(5.5);
        expect(document.indicators / document.projects).toBeLessThan(8.5);
    });

    test('uses every kind of value seen in the reference table', () => {
        const text = generate({ indicators: 3000, seed: 1 }).text;
        expect(text).toMatch(/指标值 ≥\d+%/);          // simple
        expect(text).toMatch(/指标值 \d+%/);           // no comparator
        expect(text).toMatch(/指标值 ≧\d/);            // ≧ beside ≥
        expect(text).toMatch(/指标值 ＞\d/);           // full-width >
        expect(text).toMatch(/指标值 ≦0/);
        expect(text).toMatch(/指标值 ≥\d+％/);         // full-width %
        expect(text).toMatch(/指标值 大于等于\d/);     // word comparator
        expect(text).toMatch(/指标值 小于\d+秒/);
        expect(text).toMatch(/指标值 "新增\d+[^"]*及以上"/);          // quoted wording
        expect(text).toMatch(/指标值 "读取时间≤\d+毫秒、读取率≥[\d.]+%"/); // composite
        expect(text).toMatch(/实施周期 "无" 年度 \d份/);               // 无 with period and annual targets
        expect(text).toMatch(/^\s+\d\/\d{2} "/m);                       // level-1 code written
        expect(text).toMatch(/^\s+其他资金 /m);
    });

    test('parses and links with no error; some totals differ by a rounding difference only (warnings)', async () => {
        const services = await createServices();
        const files = workspace({ files: 4, indicatorsPerFile: 400, seed: 3 });
        const codes = new Set<unknown>();
        for (const file of files) {
            const document = await parseDocument(file.text, services);
            expect(document.parseResult.lexerErrors).toEqual([]);
            expect(document.parseResult.parserErrors).toEqual([]);
            const errors = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1);
            expect(errors.map(error => `${error.range.start.line + 1}: ${error.message}`)).toEqual([]);
            for (const diagnostic of document.diagnostics ?? []) {
                codes.add(diagnostic.code);
            }
        }
        expect(codes).toContain('rounding-difference');
        expect(codes).not.toContain('unknown-code');
    }, 120_000);
});
