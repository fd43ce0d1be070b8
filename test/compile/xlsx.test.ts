import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Column } from '../../src/compile/official-table.js';
import { indicatorItems } from '../../src/compile/list-sheet.js';
import { amountValue, FALLBACK_SHEET_NAME, renderXlsx, sheetName } from '../../src/compile/xlsx.js';
import { FORMULA_NAME, MINUS_NAME, sampleTable } from '../fixtures/official-table.js';
import { unzip } from './read-zip.js';

const AMOUNT_COLUMNS: number[] = [Column.total, Column.fiscal, Column.specialAccount, Column.other];
const FIRST_DATA_ROW = 4;

describe('renderXlsx', () => {
    let buffer: Buffer;
    let workbook: ExcelJS.Workbook;
    let sheet: ExcelJS.Worksheet;

    beforeAll(async () => {
        buffer = await renderXlsx(sampleTable);
        workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
        sheet = workbook.worksheets[0];
    });

    it('has one sheet named after the department and the workbook properties', () => {
        expect(Buffer.isBuffer(buffer)).toBe(true);
        expect(workbook.worksheets).toHaveLength(1);
        expect(sheet.name).toBe(sampleTable.department);
        expect(workbook.creator).toBe('perf');
        expect(workbook.title).toBe(sampleTable.title);
    });

    it('writes the title, department line and header', () => {
        // The visible title carries the 预算年度 (the JSON title stays the 表名).
        expect(sheet.getCell('A1').value).toBe(`${sampleTable.year}年${sampleTable.title}`);
        expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
        expect(sheet.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
        expect(sheet.getCell('A2').value).toBe(`部门名称：${sampleTable.department}`);
        expect(sheet.getCell('F2').value).toBe('单位：万元');
        expect(sheet.getCell('F2').alignment).toMatchObject({ horizontal: 'right' });
        sampleTable.columns.forEach((text, i) => {
            const cell = sheet.getRow(3).getCell(i + 1);
            expect(cell.value).toBe(text);
            expect(cell.font).toMatchObject({ bold: true });
            expect(cell.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
            expect(cell.border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
        });
        expect(sheet.model.merges.sort()).toEqual(['A1:G1', 'A2:E2', 'F2:G2']);
    });

    it('writes every cell of every row: amounts as numbers, the rest as the exact text', () => {
        expect(sheet.rowCount).toBe(FIRST_DATA_ROW - 1 + sampleTable.rows.length);
        sampleTable.rows.forEach((row, r) => {
            const excelRow = sheet.getRow(FIRST_DATA_ROW + r);
            row.cells.forEach((text, i) => {
                const cell = excelRow.getCell(i + 1);
                expect(cell.border).toMatchObject({ left: { style: 'thin' }, right: { style: 'thin' } });
                if (AMOUNT_COLUMNS.includes(i)) {
                    expect(cell.numFmt).toBe('#,##0.00');
                    if (text === '') {
                        expect(cell.type).toBe(ExcelJS.ValueType.Null);
                        expect(cell.value).toBeNull();
                    } else {
                        expect(cell.type).toBe(ExcelJS.ValueType.Number);
                        expect(cell.value).toBe(Number(text.replaceAll(',', '')));
                        // Formatting the stored number back gives the published text.
                        expect((cell.value as number).toLocaleString('en-US', { minimumFractionDigits: 2 })).toBe(text);
                    }
                } else {
                    expect(cell.type).toBe(text === '' ? ExcelJS.ValueType.Null : ExcelJS.ValueType.String);
                    // The numbered indicator items stand on lines of their own in the cell, as in the HTML.
                    expect(cell.value ?? '').toBe((i === Column.indicators ? indicatorItems(text).join('\n') : text).replace(/\r/g, '\n'));
                }
            });
        });
    });

    it('indents project names and wraps goal and indicator text at the top', () => {
        sampleTable.rows.forEach((row, r) => {
            const excelRow = sheet.getRow(FIRST_DATA_ROW + r);
            expect(excelRow.getCell(Column.name + 1).alignment?.indent ?? 0).toBe(row.level === 2 ? 1 : 0);
            for (const column of [Column.goal, Column.indicators]) {
                expect(excelRow.getCell(column + 1).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
            }
            expect(excelRow.height).toBeGreaterThan(0);
        });
        const longRow = sheet.getRow(FIRST_DATA_ROW + 3);
        expect(longRow.height).toBeGreaterThan(sheet.getRow(FIRST_DATA_ROW + 2).height);
    });

    it('stores formula-like text as text, never as a formula', () => {
        const formulaCell = sheet.getCell(`A${FIRST_DATA_ROW + 4}`);
        expect(formulaCell.value).toBe(FORMULA_NAME);
        expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
        expect(formulaCell.formula).toBeUndefined();
        expect(sheet.getCell(`A${FIRST_DATA_ROW + 6}`).value).toBe(MINUS_NAME);
        sheet.eachRow(row => row.eachCell(cell => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.type).not.toBe(ExcelJS.ValueType.Hyperlink);
        }));

        const files = unzip(buffer);
        const sheetXml = files.get('xl/worksheets/sheet1.xml')!;
        expect(sheetXml).toBeDefined();
        expect(sheetXml).not.toMatch(/<f[ >]/);
        expect(sheetXml).not.toMatch(/<hyperlink/);
        expect(files.get('xl/sharedStrings.xml')).toContain('=HYPERLINK(');
    });

    it('sets column widths, the frozen header and the print setup', () => {
        expect([1, 2, 3, 4, 5, 6, 7].map(i => sheet.getColumn(i).width)).toEqual([28, 14, 14, 14, 14, 36, 100]);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
        expect(sheet.pageSetup).toMatchObject({
            paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3'
        });
        const workbookXml = unzip(buffer).get('xl/workbook.xml')!;
        expect(workbookXml).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>[^<]*\$3:\$3</);
    });
});

describe('amountValue', () => {
    it('parses published amounts and keeps empty and odd cells', () => {
        expect(amountValue('67,522.75')).toBe(67522.75);
        expect(amountValue('24.00')).toBe(24);
        expect(amountValue('1234567.89')).toBe(1234567.89);
        expect(amountValue('-1,000.50')).toBe(-1000.5);
        expect(amountValue('')).toBeNull();
        expect(amountValue('  ')).toBeNull();
        expect(amountValue('—')).toBe('—');
        expect(amountValue('1,23.00')).toBe('1,23.00');
    });
});

describe('sheetName', () => {
    it('follows Excel sheet-name rules', () => {
        expect(sheetName('广州南沙经济技术开发区商务局')).toBe('广州南沙经济技术开发区商务局');
        expect(sheetName('a/b\\c?d*e[f]g:h')).toBe('a b c d e f g h');
        expect(Array.from(sheetName('很'.repeat(40)))).toHaveLength(31);
        expect(sheetName("'quoted'")).toBe('quoted');
        expect(sheetName('')).toBe(FALLBACK_SHEET_NAME);
        expect(sheetName('[]')).toBe(FALLBACK_SHEET_NAME);
        expect(sheetName('History')).toBe(FALLBACK_SHEET_NAME);
    });

    it('is accepted by exceljs for a hostile department', async () => {
        const buffer = await renderXlsx({ ...sampleTable, department: "'[部门]:名称/很长很长很长很长很长很长很长很长很长很长很长很长很长很长'" });
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
        expect(workbook.worksheets[0].name).toBe(sheetName("'[部门]:名称/很长很长很长很长很长很长很长很长很长很长很长很长很长很长'"));
    });
});

describe('renderXlsx text fidelity and reproducibility', () => {
    const table = {
        ...sampleTable,
        department: "O'Brien 商务局",
        rows: [
            { level: 2 as const, cells: ['_x0041_ 指标', '１，０００.００', '', '', '', ' 前后有空格 ', 'a\r\nb\rc\u0007d'] }
        ]
    };

    it('reads back exactly what was written: Excel escapes, blanks, line breaks, full-width amounts', async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await renderXlsx(table) as unknown as ExcelJS.Buffer);
        const row = workbook.worksheets[0].getRow(FIRST_DATA_ROW);
        // Excel would read a literal "_x0041_" as "A" unless its underscore is escaped.
        expect(row.getCell(Column.name + 1).value).toBe('_x0041_ 指标');
        // Not an ASCII amount: kept as the text, still formatted and aligned as an amount.
        expect(row.getCell(Column.total + 1).value).toBe('１，０００.００');
        expect(row.getCell(Column.total + 1).numFmt).toBe('#,##0.00');
        expect(row.getCell(Column.goal + 1).value).toBe(' 前后有空格 ');
        // XML 1.0 cannot hold a BEL character: it is dropped, the line breaks become LF.
        expect(row.getCell(Column.indicators + 1).value).toBe('a\nb\ncd');
    });

    it('estimates row heights by width units: a CJK character beyond U+FFFF is two units, like one within it', async () => {
        // The goal column wraps at 35 units; 70 characters of two units are 4 lines of 13.5 pt, plus 4 pt.
        const rows = ['𠀀', '中'].map(ch => ({ level: 2 as const, cells: ['x', '', '', '', '', ch.repeat(70), ''] }));
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await renderXlsx({ ...sampleTable, rows }) as unknown as ExcelJS.Buffer);
        const sheet = workbook.worksheets[0];
        expect(sheet.getRow(FIRST_DATA_ROW).height).toBe(4 * 13.5 + 4);
        expect(sheet.getRow(FIRST_DATA_ROW + 1).height).toBe(4 * 13.5 + 4);
    });

    it('quotes an apostrophe of the sheet name in the print titles', async () => {
        const buffer = await renderXlsx(table);
        expect(unzip(buffer).get('xl/workbook.xml')).toContain("'O''Brien 商务局'!$3:$3");
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
        expect(workbook.worksheets[0].name).toBe("O'Brien 商务局");
        expect(workbook.worksheets[0].pageSetup.printTitlesRow).toBe('3:3');
    });

    it('gives the same bytes for the same table (no timestamps), so a committed workbook changes only with its table', async () => {
        const first = await renderXlsx(sampleTable);
        const second = await renderXlsx(structuredClone(sampleTable));
        expect(first.equals(second)).toBe(true);
        expect(first.equals(await renderXlsx(table))).toBe(false);
    });
});
