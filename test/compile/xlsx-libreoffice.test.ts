/**
 * perf writes the XLSX package itself (src/compile/xlsx.ts), so a real office suite must open it: LibreOffice
 * headless converts the compiled reference table to CSV (cells as shown, so amounts through their #,##0.00
 * format) and to PDF (through the sheet's print setup), and both are compared with what the table holds.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { Column, type OfficialTable } from '../../src/compile/official-table.js';
import { indicatorItems } from '../../src/compile/list-sheet.js';
import { renderXlsx } from '../../src/compile/xlsx.js';
import { formatAmount, parseAmount } from '../../src/model/money.js';
import { ensurePackages, hasCommand } from '../debian-packages.js';
import { parseDocument, readReferenceExample } from '../helpers.js';
import { pdfPages, pdfText } from './pdf-tools.js';

const office = ensurePackages('LibreOffice', [
    { check: () => hasCommand('soffice'), package: 'libreoffice-calc' },
    { check: () => hasCommand('pdftotext'), package: 'poppler-utils' }
]);

/** CSV: comma-separated, double-quoted, UTF-8 (76); cells as shown is the filter's default. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76';
const AMOUNT_COLUMNS: readonly number[] = [Column.total, Column.fiscal, Column.specialAccount, Column.other];
// LibreOffice starts in ~2–10 s, more on a loaded machine or with a fresh profile.
const CONVERSION_TIMEOUT_MS = 180_000;

/** Converts `file` with LibreOffice headless into `format` and returns the converted file's path. */
function convertWithLibreOffice(file: string, format: string, extension: string, workDir: string): string {
    const outDir = path.join(workDir, extension);
    // A private profile: parallel runs (and a desktop LibreOffice) would otherwise share one and clash.
    const profile = pathToFileURL(path.join(workDir, 'profile')).href;
    const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, file],
        { encoding: 'utf8', timeout: CONVERSION_TIMEOUT_MS });
    const converted = path.join(outDir, `${path.basename(file, '.xlsx')}.${extension}`);
    if (result.status !== 0 || !fs.existsSync(converted)) {
        throw new Error(`LibreOffice could not convert ${file} to ${format} (exit ${result.status}, ${result.error?.message ?? ''}): ${result.stdout}${result.stderr}`);
    }
    return converted;
}

/** A cell as LibreOffice shows it: amounts through #,##0.00, text as written (a lone CR is a line break). */
/** As a spreadsheet shows a cell: amounts formatted, the numbered indicator items on lines of their own. */
function shownCell(text: string, column: number): string {
    const amount = AMOUNT_COLUMNS.includes(column) ? parseAmount(text) : undefined;
    if (column === Column.indicators) {
        return indicatorItems(text).join('\n');
    }
    return amount ? formatAmount(amount) : text.replace(/\r\n?/g, '\n');
}

function expectedHeaderRows(table: OfficialTable): string[][] {
    const blank = (n: number) => Array<string>(n).fill('');
    return [
        [table.title, ...blank(6)],
        [`部门名称：${table.department}`, ...blank(4), `单位：${table.unit}`, ''],
        table.columns
    ];
}

describe.skipIf(office.skipReason !== undefined)(`LibreOffice opens the XLSX perf writes${office.skipReason ? ` (SKIPPED: ${office.skipReason})` : ''}`, () => {
    let table: OfficialTable;
    let csvRows: string[][];
    let pdfFile: string;

    beforeAll(async () => {
        const document = (await parseDocument(readReferenceExample())).parseResult.value;
        table = buildOfficialTable(document);
        const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-xlsx-libreoffice-'));
        const xlsxFile = path.join(workDir, 'nansha-commerce-bureau.xlsx');
        fs.writeFileSync(xlsxFile, await renderXlsx(table));
        csvRows = parse(fs.readFileSync(convertWithLibreOffice(xlsxFile, CSV_FILTER, 'csv', workDir), 'utf8'), { relaxColumnCount: true });
        pdfFile = convertWithLibreOffice(xlsxFile, 'pdf', 'pdf', workDir);
    }, 2 * CONVERSION_TIMEOUT_MS);

    it('shows the title, the department line and the header row', () => {
        expect(csvRows.slice(0, 3)).toEqual(expectedHeaderRows(table));
        expect(csvRows[0][0]).toBe('项目支出绩效目标表（含转移支付项目）');
        expect(csvRows[1][0]).toBe('部门名称：广州南沙经济技术开发区商务局');
    });

    it('shows every row: name, the four amounts as #,##0.00, goal and indicators, as the table holds them', () => {
        const dataRows = csvRows.slice(3);
        expect(dataRows).toHaveLength(table.rows.length);
        expect(table.rows.filter(row => row.level === 2)).toHaveLength(28);
        table.rows.forEach((row, r) => {
            expect(dataRows[r], `row ${r + 4}: ${row.cells[Column.name]}`).toEqual(row.cells.map(shownCell));
        });
        // What the published table prints, independent of the table builder.
        expect(dataRows[0].slice(0, 3)).toEqual(['合计', '67,522.75', '67,522.75']);
        const support = dataRows.find(cells => cells[Column.name] === '产业扶持—企业扶持和奖励经费');
        expect(support?.[Column.total]).toBe('50,000.00');
        expect(support?.[Column.indicators]).toContain('扶持资金拨付及时率；实施周期指标值:99%；年度指标值:99%');
        // Each indicator on its own line in the cell; the lines joined are the published text.
        expect(support?.[Column.indicators].split('\n').length).toBeGreaterThan(1);
        expect(support?.[Column.indicators].replace(/\n/g, '')).toBe(table.rows.find(row => row.cells[Column.name] === '产业扶持—企业扶持和奖励经费')!.cells[Column.indicators]);
    });

    it('prints A4 landscape pages, each repeating the header row and numbered in its footer', () => {
        const { count, mediaBoxes } = pdfPages(fs.readFileSync(pdfFile));
        expect(count).toBeGreaterThan(0);
        expect(mediaBoxes.length).toBeGreaterThanOrEqual(count);
        for (const [x0, y0, x1, y1] of mediaBoxes) {
            expect([x0, y0, Math.round(x1), Math.round(y1)]).toEqual([0, 0, 842, 595]);
        }
        // pdftotext ends every page with a form feed.
        const pages = pdfText(pdfFile).split('\f').slice(0, -1);
        expect(pages).toHaveLength(count);
        pages.forEach((page, i) => {
            expect(page).toContain('项目名称（资金使用单位）');
            expect(page).toContain(`第 ${i + 1} 页，共 ${count} 页`);
        });
    });
});
