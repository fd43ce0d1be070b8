/**
 * The importer refuses zip bombs and absurd sheets with a message, in bounded time and memory: through
 * `perf import` as a user runs it, on files built here from a real compiled workbook.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { renderXlsx } from '../../src/compile/xlsx.js';
import type { PerfFile } from '../../src/language/generated/ast.js';
import { parseDocument, readReferenceExample } from '../helpers.js';
import { perf, scratchFolder } from './cli-run.js';
import { zipBomb } from './zip-bomb.js';

let folder: string;
let workbook: Buffer;

beforeAll(async () => {
    folder = scratchFolder('perf-import-limits-');
    const document = await parseDocument(readReferenceExample());
    workbook = await renderXlsx(buildOfficialTable(document.parseResult.value as PerfFile));
});

function importFile(name: string, bytes: Buffer) {
    const file = path.join(folder, name);
    fs.writeFileSync(file, bytes);
    return { file, result: perf(['import', file], { timeoutMs: 120_000 }) };
}

describe('perf import refuses', () => {
    test('a zip bomb that states its size (1 GB of sheet XML in about 1 MB)', async () => {
        const bomb = await zipBomb(workbook, 1024, false);
        expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
        const { result } = importFile('honest-bomb.xlsx', bomb);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/honest-bomb\.xlsx: .*(zip bomb|压缩炸弹|超过上限)/);
    });

    test('a zip bomb whose directory lies about its size (600 MB declared as the original size)', async () => {
        const { result } = importFile('lying-bomb.xlsx', await zipBomb(workbook, 600, true));
        expect(result.code, result.stderr.slice(-1500)).toBe(2);
        expect(result.stderr).toMatch(/^perf: .*lying-bomb\.xlsx: xl\/worksheets\/sheet1\.xml 声明解压后 .*实际更大.*zip bomb/m);
        expect(result.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    }, 180_000);

    test('a sheet with absurd dimensions (a cell at row 1,000,000, column 16,000)', async () => {
        const absurd = new ExcelJS.Workbook();
        const sheet = absurd.addWorksheet('表');
        sheet.getCell('A1').value = '项目支出绩效目标表';
        sheet.getCell(1_000_000, 16_000).value = 'x';
        const { result } = importFile('absurd.xlsx', Buffer.from(await absurd.xlsx.writeBuffer() as ArrayBuffer));
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/absurd\.xlsx: .*行.*列.*拒绝导入/);
    });

    test('a file that is not a zip at all, named .xlsx', () => {
        const { result } = importFile('not-a-zip.xlsx', Buffer.from('部门 "x" {}\n'));
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/not-a-zip\.xlsx: 不是有效的 \.xlsx 文件/);
    });
});
