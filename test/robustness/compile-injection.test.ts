/**
 * No injection, no crash in the writers: the reference table with hostile text in its names, goals and
 * targets (markup, spreadsheet formulas and DDE calls, quotes, control characters) compiles to every format
 * without throwing; the HTML escapes it, the XLSX stores it as text (never a formula), the CSV neutralises
 * formula triggers, and importing the XLSX gives back the same official table.
 * PDF is the same HTML printed by Chromium (test/compile/pdf.test.ts), so the HTML property covers its text.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import type { OfficialTable } from '../../src/compile/official-table.js';
import { unescapeCsvCell, UTF8_BOM } from '../../src/compile/csv-columns.js';
import { renderOutput } from '../../src/compile/write-outputs.js';
import { importCsv } from '../../src/import/csv.js';
import { importXlsx } from '../../src/import/xlsx.js';
import type { PerfFile } from '../../src/language/generated/ast.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { generateDocument } from '../../scripts/generate.mjs';
import { createServices, readReferenceExample } from '../helpers.js';
import { perfOf } from '../import/import-helpers.js';
import { documentCases, FUZZ_TEST_TIMEOUT_MS } from './fuzz-settings.js';
import { buildDocument, removeDocument, type Services } from './language-harness.js';

const PAYLOADS = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '</td></tr></table><iframe src=//evil>',
    '=HYPERLINK("http://evil.example","点击")', '=1+1', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1', '\'=已转义',
    '&amp;&lt;', '{{constructor.constructor(\'alert(1)\')()}}', '${process.exit()}', '../../etc/passwd', 'a\\b'
];

/** Hostile cell text: a payload or random text behind a formula trigger (= + - @), or any short text. */
const hostileText = fc.oneof(
    fc.constantFrom(...PAYLOADS),
    fc.tuple(fc.constantFrom('=', '+', '-', '@', ''), fc.string({ unit: 'grapheme', maxLength: 20 })).map(([trigger, rest]) => trigger + rest)
).filter(text => text.trim() !== '' && !/[\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text));

/** The .perf spelling of a text inside quotes: the STRING terminal's escapes are \" and \\. */
function quoted(text: string): string {
    return `"${text.replace(/[\\"]/g, ch => '\\' + ch)}"`;
}

const STRING_LITERAL = /"(?:\\.|[^"\\\r\n])*"/g;
const reference = readReferenceExample();
const literalCount = [...reference.matchAll(STRING_LITERAL)].length;

/** The reference table with some of its quoted texts (names, goals, qualitative targets) replaced. */
function withReplacedStrings(replacements: [number, string][]): string {
    const byIndex = new Map(replacements.map(([index, text]) => [index % literalCount, text]));
    let index = 0;
    return reference.replace(STRING_LITERAL, literal => {
        const replacement = byIndex.get(index++);
        return replacement === undefined ? literal : quoted(replacement);
    });
}

/** Element names in an HTML text: hostile text may only ever add characters, never an element. */
function tagsOf(html: string): string[] {
    return [...new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map(match => match[1].toLowerCase()))];
}

/**
 * The importer trims the whitespace around a cell (published tables are full of stray spaces), so a name such
 * as "\t=1" comes back as "=1": compare with every cell trimmed.
 */
function trimmedCells(table: OfficialTable): OfficialTable {
    return { ...table, department: table.department.trim(), rows: table.rows.map(row => ({ ...row, cells: row.cells.map(cell => cell.trim()) })) };
}

let services: Services;
let referenceTags: Set<string>;
beforeAll(async () => {
    services = await createServices();
    const document = await buildDocument(services, reference);
    referenceTags = new Set(tagsOf((await renderOutput('html', document.parseResult.value as PerfFile)).toString('utf8')));
    await removeDocument(services, document);
});

async function cellsOfXlsx(bytes: Buffer): Promise<ExcelJS.Cell[]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet(sheet => sheet.eachRow(row => row.eachCell(cell => { cells.push(cell); })));
    return cells;
}

describe('hostile text in a table without errors', () => {
    test('compiles to every format; HTML escaped, XLSX without formulas, CSV neutralised, XLSX and CSV import back', async () => {
        let compiled = 0;
        await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(), hostileText), { minLength: 1, maxLength: 6 }), async replacements => {
            const document = await buildDocument(services, withReplacedStrings(replacements));
            try {
                const errors = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1);
                fc.pre(errors.length === 0); // compile's promise is for documents without errors
                compiled++;
                const file = document.parseResult.value as PerfFile;
                const table = buildOfficialTable(file);
                const texts = new Set(replacements.map(([, text]) => text));

                const html = (await renderOutput('html', file, table)).toString('utf8');
                expect(tagsOf(html).every(tag => referenceTags.has(tag)), `tags ${tagsOf(html)}`).toBe(true);
                expect(html).not.toMatch(/<[^>]*\son\w+=/i); // no event handler inside any tag

                const xlsx = await renderOutput('xlsx', file, table);
                const cells = await cellsOfXlsx(xlsx);
                for (const cell of cells) {
                    expect(cell.formula, `cell ${cell.address}`).toBeUndefined();
                    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
                }

                const csv = (await renderOutput('csv', file, table)).toString('utf8');
                expect(csv.startsWith(UTF8_BOM)).toBe(true);
                const rows = parse(csv.slice(UTF8_BOM.length)) as string[][];
                for (const cell of rows.flat()) {
                    const plainNumber = /^-?\d[\d,]*(?:\.\d+)?$/.test(cell);
                    expect(/^[=+\-@\t\r]/.test(cell) && !plainNumber, `CSV cell ${JSON.stringify(cell)}`).toBe(false);
                }
                const csvTexts = new Set(rows.flat().map(unescapeCsvCell));
                for (const project of file.departments.flatMap(department => department.projects)) {
                    expect(csvTexts.has(project.name)).toBe(true);
                }

                JSON.parse((await renderOutput('json', file, table)).toString('utf8'));

                const imported = await perfOf(await importXlsx(xlsx, 'hostile.xlsx'), services);
                expect(imported.errors).toEqual([]);
                // Known importer heuristic, reported: a name cell starting with whitespace reads as an indented
                // project, so a department named " 商务局" comes back as a project (and 合计 doubles).
                if (![...texts].some(text => /^\s/.test(text))) {
                    expect(trimmedCells(imported.official)).toEqual(trimmedCells(table));
                    // The CSV carries project rows only (no department amounts).
                    const fromCsv = await perfOf(importCsv(csv, 'hostile.csv'), services);
                    expect(fromCsv.errors).toEqual([]);
                    const projectRows = (t: OfficialTable) => trimmedCells(t).rows.filter(row => row.level === 2);
                    expect(projectRows(fromCsv.official)).toEqual(projectRows(table));
                }
            } finally {
                await removeDocument(services, document);
            }
        }), { ...documentCases(20), timeout: 60_000 });
        expect(compiled, 'cases that reached the writers').toBeGreaterThan(0);
    }, FUZZ_TEST_TIMEOUT_MS);
});

describe('generated tables (scripts/generate.mjs: the reference table\'s vocabulary, random structure)', () => {
    test('every one without errors compiles to every format and comes back through XLSX, 预算年度 included (it is in the visible title)', async () => {
        let compiled = 0;
        await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 120 }), async (seed, indicators) => {
            const { text } = generateDocument({ indicators, seed });
            const document = await buildDocument(services, text);
            try {
                fc.pre(!(document.diagnostics ?? []).some(diagnostic => diagnostic.severity === 1));
                compiled++;
                const file = document.parseResult.value as PerfFile;
                const table = buildOfficialTable(file);
                for (const format of ['html', 'csv', 'json'] as const) {
                    expect((await renderOutput(format, file, table)).length).toBeGreaterThan(0);
                }
                const imported = await perfOf(await importXlsx(await renderOutput('xlsx', file, table), 'generated.xlsx'), services);
                expect(imported.errors).toEqual([]);
                expect(imported.official).toEqual(table);
            } finally {
                await removeDocument(services, document);
            }
        }), { ...documentCases(10), timeout: 60_000 });
        expect(compiled, 'generated tables that reached the writers').toBeGreaterThan(0);
    }, FUZZ_TEST_TIMEOUT_MS);
});

describe('cells that start like a formula', () => {
    const formulaLike = fc.tuple(fc.constantFrom('=', '+', '-', '@'), fc.string({ unit: 'grapheme', maxLength: 30 }))
        .map(([trigger, rest]) => trigger + rest)
        .filter(text => !/[\r\n\u0000-\u001F"\\]/.test(text));

    test('as a project name and a qualitative target: XLSX read back has text, CSV cell starts with an apostrophe', async () => {
        await fc.assert(fc.asyncProperty(formulaLike, formulaLike, async (name, target) => {
            const text = `部门 "d" {\n    项目 ${quoted(name)} {\n        11 "指标" 指标值 ${quoted(target)}\n    }\n}\n`;
            const document = await buildDocument(services, text);
            try {
                fc.pre(!(document.diagnostics ?? []).some(diagnostic => diagnostic.severity === 1));
                const file = document.parseResult.value as PerfFile;
                const cells = await cellsOfXlsx(await renderOutput('xlsx', file));
                const nameCell = cells.find(cell => cell.value === name);
                expect(nameCell, 'the name as a text cell').toBeDefined();
                expect(nameCell!.type).toBe(ExcelJS.ValueType.String);
                expect(cells.every(cell => cell.formula === undefined)).toBe(true);

                const rows = parse((await renderOutput('csv', file)).toString('utf8').slice(UTF8_BOM.length)) as string[][];
                const [header, row] = rows;
                const projectCell = row[header.indexOf('项目名称')];
                const targetCell = row[header.indexOf('年度指标值')];
                if (!/^-?\d[\d,]*(?:\.\d+)?$/.test(name)) { expect(projectCell).toBe(`'${name}`); }
                if (!/^-?\d[\d,]*(?:\.\d+)?$/.test(target)) { expect(targetCell).toBe(`'${target}`); }
                expect(unescapeCsvCell(projectCell)).toBe(name);
            } finally {
                await removeDocument(services, document);
            }
        }), { ...documentCases(25), timeout: 60_000 });
    }, FUZZ_TEST_TIMEOUT_MS);
});
