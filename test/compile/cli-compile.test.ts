import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_KEYS, unescapeCsvCell, UTF8_BOM } from '../../src/compile/csv-columns.js';
import { referenceExample, runPerf, stripWhitespace } from '../helpers.js';
import { ensurePdfTools, pdfPages, pdfText } from './pdf-tools.js';

const tools = ensurePdfTools();
const FORMULA_NAME = '=HYPERLINK("http://x","y")';
const SCRIPT_NAME = '<script>alert(1)</script>';

const HOSTILE_PERF = `部门 "测试部门" {
    单位 万元
    项目 "=HYPERLINK(\\"http://x\\",\\"y\\")" {
        总计 10.00
        财政拨款 10.00
        绩效目标 "目标"
        11 "数量" 指标值 ≥1个
    }
    项目 "<script>alert(1)</script>" {
        总计 2.50
        财政拨款 2.50
        绩效目标 "目标"
        31 "满意度" 指标值 ≥90%
    }
}
`;

const BROKEN_PERF = '部门 "d" {\n    项目 "p" {\n        财政拨款 1,2,3\n    }\n}\n';

/** A fresh working folder, as a user's project folder. */
function workspace(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'perf-compile-'));
}

/** The command line as a user runs it, in `cwd`. */
const perf = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) => runPerf(args, { cwd, env });

function write(dir: string, name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
}

function files(dir: string): string[] {
    return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

describe('perf compile', () => {
    it('with no --format writes HTML and XLSX into out/, printing warnings and going on', async () => {
        const cwd = workspace();
        const result = perf(cwd, ['compile', referenceExample]);
        expect(result.code).toBe(0);
        expect(result.stderr).toMatch(/nansha-commerce-bureau\.perf:\d+:\d+: warning: /);
        expect(result.stderr).not.toMatch(/: error: /);
        expect(files(path.join(cwd, 'out'))).toEqual(['nansha-commerce-bureau.html', 'nansha-commerce-bureau.xlsx']);
        expect(result.stderr).toContain(`→ ${path.join('out', 'nansha-commerce-bureau.html')}`);
        const html = fs.readFileSync(path.join(cwd, 'out', 'nansha-commerce-bureau.html'), 'utf8');
        expect(html).toContain('<h1>项目支出绩效目标表（含转移支付项目）</h1>');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(cwd, 'out', 'nansha-commerce-bureau.xlsx'));
        expect(workbook.worksheets[0].getCell('A1').value).toBe('项目支出绩效目标表（含转移支付项目）');
    });

    it.each(['html', 'xlsx', 'csv', 'json'])('--format %s -o FILE writes that one file', format => {
        const cwd = workspace();
        const output = path.join(cwd, `table.${format}`);
        const result = perf(cwd, ['compile', referenceExample, '--format', format, '-o', output]);
        expect(result.code).toBe(0);
        expect(files(cwd)).toEqual([`table.${format}`]);
        const bytes = fs.readFileSync(output);
        const signature = { html: '<!DOCTYPE html>', xlsx: 'PK', csv: UTF8_BOM + '部门名称,', json: '{\n  "title"' }[format]!;
        expect(bytes.toString('utf8').startsWith(signature)).toBe(true);
    });

    it.skipIf(tools.skipReason !== undefined)(`--format pdf writes an A4 landscape PDF${tools.skipReason ? ` (SKIPPED: ${tools.skipReason})` : ''}`, () => {
        const cwd = workspace();
        const result = perf(cwd, ['compile', referenceExample, '--format', 'pdf']);
        expect(result.code).toBe(0);
        const pdf = fs.readFileSync(path.join(cwd, 'out', 'nansha-commerce-bureau.pdf'));
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdfPages(pdf).count).toBeGreaterThanOrEqual(1);
    });

    it('several formats (commas or repeated --format) and files go into the -o folder', () => {
        const cwd = workspace();
        const second = write(cwd, 'second.perf', HOSTILE_PERF);
        const result = perf(cwd, ['compile', referenceExample, second, '--format', 'csv,json', '-f', 'html', '-o', 'tables']);
        expect(result.code).toBe(0);
        expect(files(path.join(cwd, 'tables'))).toEqual([
            'nansha-commerce-bureau.csv', 'nansha-commerce-bureau.html', 'nansha-commerce-bureau.json',
            'second.csv', 'second.html', 'second.json'
        ]);
    });

    it('-o naming an existing folder with one format writes into it', () => {
        const cwd = workspace();
        fs.mkdirSync(path.join(cwd, 'dist'));
        expect(perf(cwd, ['compile', referenceExample, '-f', 'json', '-o', 'dist']).code).toBe(0);
        expect(files(path.join(cwd, 'dist'))).toEqual(['nansha-commerce-bureau.json']);
    });

    it('-o with one format and a path without extension is a folder, and stderr says what was written', () => {
        const cwd = workspace();
        const result = perf(cwd, ['compile', referenceExample, '-f', 'json', '-o', 'tables']);
        expect(result.code).toBe(0);
        expect(files(cwd)).toEqual(['tables']);
        expect(files(path.join(cwd, 'tables'))).toEqual(['nansha-commerce-bureau.json']);
        expect(result.stderr).toContain(`${referenceExample} → ${path.join('tables', 'nansha-commerce-bureau.json')}\n`);
    });

    it('--rule and --rounding-tolerance re-level the checks of compile as they do for check', () => {
        const cwd = workspace();
        // The project's 总计 is 0.50 above its source: an error by default, so the compile stops.
        const source = write(cwd, 'off.perf', HOSTILE_PERF.replace('总计 10.00', '总计 10.50'));
        const stopped = perf(cwd, ['compile', source, '-f', 'json']);
        expect(stopped.code).toBe(1);
        expect(stopped.stderr).toMatch(/error: .*\[total-mismatch\]/);
        expect(files(path.join(cwd, 'out'))).toEqual([]);

        const relevelled = perf(cwd, ['compile', source, '-f', 'json', '--rule', 'total-mismatch=warning']);
        expect(relevelled.code).toBe(0);
        expect(relevelled.stderr).toMatch(/warning: .*\[total-mismatch\]/);
        expect(files(path.join(cwd, 'out'))).toEqual(['off.json']);

        fs.rmSync(path.join(cwd, 'out'), { recursive: true });
        const tolerated = perf(cwd, ['compile', source, '-f', 'json', '--rounding-tolerance', '0.5']);
        expect(tolerated.code).toBe(0);
        expect(tolerated.stderr).toMatch(/warning: .*\[rounding-difference\]/);
        expect(files(path.join(cwd, 'out'))).toEqual(['off.json']);

        const bad = perf(cwd, ['compile', source, '-f', 'json', '--rule', 'no-such-rule=off']);
        expect(bad.code).toBe(2);
        expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('an error stops that file with its diagnostics; the other files are still compiled', () => {
        const cwd = workspace();
        const broken = write(cwd, 'broken.perf', BROKEN_PERF);
        const good = write(cwd, 'good.perf', HOSTILE_PERF);
        const result = perf(cwd, ['compile', broken, good, '--format', 'json']);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`${broken}:3:14: error: `);
        expect(result.stderr).toMatch(/\[amount-format\]/);
        expect(result.stderr).toContain(`${broken}: 有错误，未编译 not compiled`);
        expect(files(path.join(cwd, 'out'))).toEqual(['good.json']);
    });

    it.each([
        ['an unknown format', ['--format', 'docx'], /unknown format "docx": use html, xlsx, csv, json, pdf/],
        ['-o naming a file for several formats', ['--format', 'html,csv', '-o', 'taken.txt'], /-o taken\.txt: is a file, but several files or formats need a folder/]
    ])('%s is a one-line error (exit code 2) and writes nothing', (_, args, message) => {
        const cwd = workspace();
        write(cwd, 'taken.txt', 'x');
        const result = perf(cwd, ['compile', referenceExample, ...args]);
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(message);
        expect(files(cwd)).toEqual(['taken.txt']);
    });

    it('two files of the same name would overwrite each other: a one-line error', () => {
        const cwd = workspace();
        fs.mkdirSync(path.join(cwd, 'a'));
        fs.mkdirSync(path.join(cwd, 'b'));
        const result = perf(cwd, ['compile', write(cwd, 'a/t.perf', HOSTILE_PERF), write(cwd, 'b/t.perf', HOSTILE_PERF)]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/would both be written as t\.\*/);
        expect(files(path.join(cwd, 'out'))).toEqual([]);
    });

    it('without Chromium, PDF is a one-line message and exit code 1; the other formats are written', () => {
        const cwd = workspace();
        const result = perf(cwd, ['compile', referenceExample, '--format', 'pdf,html'], { PERF_CHROMIUM: path.join(cwd, 'no-chromium') });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`${referenceExample}: PERF_CHROMIUM names ${path.join(cwd, 'no-chromium')}, which is not a program`);
        expect(result.stderr.split('\n').filter(line => line.includes('Chromium'))).toHaveLength(1);
        expect(files(path.join(cwd, 'out'))).toEqual(['nansha-commerce-bureau.html']);
    });
});

describe('hostile project names come out as plain text in every format', () => {
    const cwd = workspace();
    const out = (format: string) => path.join(cwd, 'out', `hostile.${format}`);
    let result: ReturnType<typeof perf>;

    beforeAll(() => {
        const source = write(cwd, 'hostile.perf', HOSTILE_PERF);
        const formats = tools.skipReason ? 'html,xlsx,csv,json' : 'html,xlsx,csv,json,pdf';
        result = perf(cwd, ['compile', source, '--format', formats]);
    });

    it('compiles', () => {
        expect(result.stderr).not.toMatch(/: error: /);
        expect(result.code).toBe(0);
    });

    it('json', () => {
        const table = JSON.parse(fs.readFileSync(out('json'), 'utf8'));
        expect(table.rows.map((row: { cells: string[] }) => row.cells[0])).toEqual(['合计', '测试部门', FORMULA_NAME, SCRIPT_NAME]);
    });

    it('html: escaped, no script element', () => {
        const html = fs.readFileSync(out('html'), 'utf8');
        expect(html).toContain('<td class="name">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
        expect(html).toContain('<td class="name">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</td>');
        expect(html).not.toMatch(/<script/i);
    });

    it('xlsx: string cells, never a formula', async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(out('xlsx'));
        const sheet = workbook.worksheets[0];
        for (const [address, name] of [['A6', FORMULA_NAME], ['A7', SCRIPT_NAME]]) {
            const cell = sheet.getCell(address);
            expect(cell.value).toBe(name);
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.formula).toBeUndefined();
        }
    });

    it('csv: the formula escaped with an apostrophe, both read back exactly', () => {
        const csv = fs.readFileSync(out('csv'), 'utf8');
        const [, ...rows] = parse(csv.slice(UTF8_BOM.length)) as string[][];
        const project = CSV_KEYS.indexOf('project');
        expect(rows.map(row => row[project])).toEqual([`'${FORMULA_NAME}`, SCRIPT_NAME]);
        expect(rows.map(row => unescapeCsvCell(row[project]))).toEqual([FORMULA_NAME, SCRIPT_NAME]);
    });

    it.skipIf(tools.skipReason !== undefined)(`pdf: the names as printed text${tools.skipReason ? ` (SKIPPED: ${tools.skipReason})` : ''}`, () => {
        const text = stripWhitespace(pdfText(out('pdf'), [30, 146]));
        expect(text).toContain(stripWhitespace(FORMULA_NAME));
        expect(text).toContain(SCRIPT_NAME);
    });
});
