/**
 * The Guangdong reference table in every container perf imports: a saved web page (perf's own HTML, and a
 * page as Excel's "save as web page" writes one, in GBK, inside a government site's layout table), a PDF
 * (printed by Chromium, read with pdfjs-dist), .xls and .et (LibreOffice), DOCX (a Word document written
 * here: paragraphs and a table, read with mammoth). Each must give the published table back and balance
 * the "nothing left out" account. The containers are built here from examples/nansha-commerce-bureau.perf,
 * never stored as hand-edited binaries.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { escapeHtml } from '../../src/compile/escape.js';
import { renderHtml } from '../../src/compile/html.js';
import { Column, type OfficialTable } from '../../src/compile/official-table.js';
import { renderPdf } from '../../src/compile/pdf.js';
import { renderXlsx } from '../../src/compile/xlsx.js';
import { zipArchive } from '../../src/compile/zip-archive.js';
import { importBytes, type ImportExtension } from '../../src/import/import-file.js';
import { ImportError, type ImportedTable } from '../../src/import/import-model.js';
import { countedChars } from '../../src/import/source-account.js';
import { summaryLines } from '../../src/import/summary.js';
import { ensurePackages, hasCommand } from '../debian-packages.js';
import { ensurePdfTools } from '../compile/pdf-tools.js';
import { createServices, parseDocument, readReferenceExample } from '../helpers.js';
import { expectPublishedReferenceTable } from '../published-table.js';
import { perfOf, withoutComments, type Services } from './import-helpers.js';

let services: Services;
let reference: OfficialTable;
/** The reference imported from perf's own XLSX: what every other container must give. */
let fromXlsx: string;

beforeAll(async () => {
    services = await createServices();
    reference = buildOfficialTable((await parseDocument(readReferenceExample(), services)).parseResult.value);
    fromXlsx = withoutComments((await perfOf(await importBytes(await renderXlsx(reference), 'reference.xlsx', '.xlsx'), services)).text);
});

/** Imports the bytes and checks the published table, the account and the document against the XLSX import. */
async function expectReference(bytes: Buffer, name: string, extension: ImportExtension): Promise<ImportedTable> {
    const imported = await importBytes(bytes, name, extension);
    const { text, errors, official } = await perfOf(imported, services);
    expect(errors).toEqual([]);
    expectPublishedReferenceTable(official);
    const balance = imported.account!.balance();
    expect(balance.unmarked).toBe(0);
    expect(balance.mapped + balance.kept).toBe(balance.input);
    expect(text).toContain(`，没有遗漏。`);
    // Spaces at the end of a cell are whitespace a web page, Word and a PDF do not keep.
    const trailingSpaces = (document: string) => document.replace(/\s+"$/gm, '"');
    expect(trailingSpaces(withoutComments(text))).toBe(trailingSpaces(fromXlsx));
    return imported;
}

describe('saved web pages', () => {
    test('perf\'s own HTML of the reference: the published table, every character mapped', async () => {
        const imported = await expectReference(Buffer.from(renderHtml(reference)), 'reference.html', '.html');
        const { input, mapped } = imported.account!.balance();
        expect(mapped).toBe(input);
        expect(summaryLines(imported, [])[0]).toBe('// 导入摘要（网页：reference.html）');
    });

    test('a page as Excel saves it (GBK, colspan title, class indents, <br> in cells) inside a site\'s layout table', async () => {
        const imported = await importBytes(iconv.encode(excelWebPage(), 'gbk'), 'excel.htm', '.htm');
        const { text, errors, official } = await perfOf(imported, services);
        expect(errors).toEqual([]);
        expect(official.department).toBe('示例县示例局');
        expect(official.unit).toBe('万元');
        expect(official.rows.map(row => [row.level, row.cells[Column.name], row.cells[Column.total]])).toEqual([
            [0, '合计', '30.00'], [1, '示例县示例局', '30.00'], [2, '示例培训经费', '10.00'], [2, '示例设备维护', '20.00']
        ]);
        expect(official.rows[2].cells[Column.indicators]).toBe('1、1-产出指标；11-数量指标；培训场次；实施周期指标值:≥3场；年度指标值:≥3场。'
            + '2、3-满意度指标；31-服务对象满意度指标；培训人员满意度；实施周期指标值:≥90%；年度指标值:≥90%。');
        // The site's menu and footer are kept as notes with their place, not dropped.
        expect(text).toContain('// 导入未识别（表格1上方第1段）：表头上方的文字，未写入文档\n// 原文：首页 政务公开 预算公开');
        expect(text).toContain('// 导入未识别（表格1下方第1段）：不属于任何已识别栏目的原文，未写入文档\n// 原文：版权所有：示例县人民政府');
        const balance = imported.account!.balance();
        expect(balance.mapped + balance.kept).toBe(balance.input);
        expect(balance.unmarked).toBe(0);
    });
});

test('any web page table: every visible character is mapped or kept, or the page is refused with a message (property)', async () => {
    const char = fc.constantFrom('项', '目', '名', '称', '绩', '效', '指', '标', '合', '计', '1', '2', '.', '0', ',', '、', '；', ':', '-', '。', ' ', '<', '&', '≥', '%');
    const text = fc.string({ unit: char, maxLength: 12 });
    const header = ['项目名称', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
    await fc.assert(fc.asyncProperty(fc.array(text, { maxLength: 3 }), fc.array(fc.array(text, { minLength: 1, maxLength: 8 }), { maxLength: 6 }), fc.boolean(),
        async (paragraphs, rows, withHeader) => {
            const allRows = withHeader ? [header, ...rows] : rows;
            const page = `<html><body>${paragraphs.map(paragraph => `<p>${escapeHtml(paragraph)}</p>`).join('')}<table>`
                + `${allRows.map(row => `<tr>${row.map(cell => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
            const visible = countedChars([...paragraphs, ...allRows.flat()].join('')).length;
            try {
                const { input, mapped, kept, unmarked } = (await importBytes(Buffer.from(page), 'page.html', '.html')).account!.balance();
                expect(input).toBe(visible);
                expect(unmarked).toBe(0);
                expect(mapped + kept).toBe(input);
            } catch (error) {
                expect(error).toBeInstanceOf(ImportError);
            }
        }), { numRuns: 150 });
});

const pdfTools = ensurePdfTools();

describe.skipIf(pdfTools.skipReason !== undefined)(`PDF read directly${pdfTools.skipReason ? ` (SKIPPED: ${pdfTools.skipReason})` : ''}`, () => {
    test('the reference printed by Chromium: the published table; repeated page headers kept as notes with their page', async () => {
        const imported = await expectReference(await renderPdf(renderHtml(reference)), 'reference.pdf', '.pdf');
        const notes = imported.notes.filter(note => note.message.includes('分页处重复的表头'));
        expect(notes.length).toBeGreaterThan(0);
        expect(notes[0].position).toMatch(/^第2页第1行$/);
        expect(summaryLines(imported, [])[0]).toBe('// 导入摘要（PDF：reference.pdf）');
    }, 120_000);

    test('a PDF with no text layer (a scan) is refused with what to do', async () => {
        const blank = await renderPdf('<!DOCTYPE html><html><body></body></html>');
        await expect(importBytes(blank, 'scan.pdf', '.pdf')).rejects.toThrow(/没有文字层（可能是扫描件，只有图片）：请用 OCR/);
    }, 120_000);

    test('bytes that are not a PDF are refused, not a crash', async () => {
        await expect(importBytes(Buffer.from('not a pdf'), 'broken.pdf', '.pdf')).rejects.toThrow(/无法读取该 PDF/);
    });
});

const office = ensurePackages('LibreOffice', [{ check: () => hasCommand('soffice'), package: 'libreoffice-calc' }]);

describe.skipIf(office.skipReason !== undefined)(`.xls and WPS .et through LibreOffice${office.skipReason ? ` (SKIPPED: ${office.skipReason})` : ''}`, () => {
    let xls: Buffer;

    beforeAll(async () => {
        const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-import-xls-'));
        const xlsx = path.join(workDir, 'reference.xlsx');
        fs.writeFileSync(xlsx, await renderXlsx(reference));
        const result = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(workDir, 'profile')).href}`, '--headless',
            '--convert-to', 'xls', '--outdir', workDir, xlsx], { encoding: 'utf8', timeout: 180_000 });
        expect(result.status, result.stderr).toBe(0);
        xls = fs.readFileSync(path.join(workDir, 'reference.xls'));
        fs.rmSync(workDir, { recursive: true, force: true });
    }, 200_000);

    test('an Excel 97-2003 .xls of the reference', async () => {
        const imported = await expectReference(xls, 'reference.xls', '.xls');
        expect(summaryLines(imported, [])[0]).toBe('// 导入摘要（XLS（经 LibreOffice 转为 XLSX）：reference.xls）');
    }, 200_000);

    // WPS writes .et in the same compound-file format as .xls; no WPS-written file is at hand, so the .xls stands in.
    test('a WPS .et (the same binary workbook format)', async () => {
        await expectReference(xls, 'reference.et', '.et');
    }, 200_000);

    test('without LibreOffice the message names the package and the other way', async () => {
        const saved = process.env.PERF_SOFFICE;
        process.env.PERF_SOFFICE = path.join(os.tmpdir(), 'no-such-soffice');
        try {
            await expect(importBytes(xls, 'reference.xls', '.xls')).rejects.toThrow(
                /读取 \.xls 文件需要 LibreOffice.*apt-get install libreoffice-calc.*PERF_SOFFICE.*另存为 \.xlsx 后导入/);
        } finally {
            if (saved === undefined) {
                delete process.env.PERF_SOFFICE;
            } else {
                process.env.PERF_SOFFICE = saved;
            }
        }
    });
});

describe('DOCX', () => {
    test('a Word document with the title, the department line and the table', async () => {
        const imported = await expectReference(await wordDocument(reference), 'reference.docx', '.docx');
        expect(summaryLines(imported, [])[0]).toBe('// 导入摘要（Word 文档：reference.docx）');
    });

    test('a file that is not a Word document is refused, not a crash', async () => {
        await expect(importBytes(Buffer.from('plain text'), 'fake.docx', '.docx')).rejects.toThrow(/无法读取该 Word 文档/);
    });
});

/**
 * A small made-up Guangdong list as Excel 2016 writes "save as web page" (windows-1252 conditional comments,
 * class styles with mso-char-indent-count, x:num, &nbsp; in blank cells, <br> between indicator items),
 * placed in a government site's layout table with a menu above and a footer below.
 */
function excelWebPage(): string {
    const item1 = '1、1-产出指标；11-数量指标；培训场次；实施周期指标值:≥3场；年度指标值:≥3场。';
    const item2 = '2、3-满意度指标；31-服务对象满意度指标；培训人员满意度；实施周期指标值:≥90%；年度指标值:≥90%。';
    const item3 = '1、1-产出指标；12-质量指标；设备完好率；实施周期指标值:≥95%；年度指标值:≥95%。';
    return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=ProgId content=Excel.Sheet>
<style><!--
.xl65 {mso-number-format:"\\#\\,\\#\\#0\\.00"; text-align:right;}
.xl66 {mso-char-indent-count:1; text-align:left;}
--></style><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Sheet1</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
</head>
<body>
<table width="100%"><tr><td>首页 政务公开 预算公开</td></tr><tr><td>
<table border=0 cellpadding=0 cellspacing=0 style='border-collapse:collapse'>
 <col width=200><col width=80 span=4><col width=200><col width=400>
 <tr height=30><td colspan=7 height=30 class=xl63>2024年项目支出绩效目标表</td></tr>
 <tr><td colspan=5>部门名称：示例县示例局</td><td colspan=2>单位：万元</td></tr>
 <tr><td>项目名称（资金使用单位）</td><td>总计</td><td>财政拨款</td><td>财政专户拨款</td><td>其他资金</td><td>绩效目标</td><td>绩效指标</td></tr>
 <tr><td>合计</td><td class=xl65 x:num="30">30.00</td><td class=xl65 x:num="30">30.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
 <tr><td>示例县示例局</td><td class=xl65 x:num="30">30.00</td><td class=xl65 x:num="30">30.00</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
 <tr><td class=xl66>示例培训经费</td><td class=xl65 x:num="10">10.00</td><td class=xl65 x:num="10">10.00</td><td>&nbsp;</td><td>&nbsp;</td><td>完成示例培训3场。</td><td>${item1}<br>
  ${item2}</td></tr>
 <tr><td class=xl66>示例设备维护</td><td class=xl65 x:num="20">20.00</td><td class=xl65 x:num="20">20.00</td><td>&nbsp;</td><td>&nbsp;</td><td>保障示例设备正常运行。</td><td>${item3}</td></tr>
</table>
</td></tr><tr><td>版权所有：示例县人民政府</td></tr></table>
</body></html>`;
}

/** A minimal DOCX (WordprocessingML): the title and department lines as paragraphs, the table with one paragraph per line of a cell. */
async function wordDocument(table: OfficialTable): Promise<Buffer> {
    const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escapeHtml(text)}</w:t></w:r></w:p>`;
    const cell = (text: string) => `<w:tc>${(text === '' ? [''] : text.split('\n')).map(paragraph).join('')}</w:tc>`;
    const row = (cells: readonly string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
    const body = [
        paragraph(table.title),
        paragraph(`部门名称：${table.department}    单位：${table.unit}`),
        `<w:tbl>${row(table.columns)}${table.rows.map(r => row(r.cells)).join('')}</w:tbl>`,
        paragraph('')
    ].join('');
    const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
    return zipArchive([
        { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
        { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
        { name: 'word/document.xml', data: Buffer.from(document) }
    ]);
}
