import * as fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialTable } from '../../src/compile/build-official-table.js';
import { Column, type OfficialTable } from '../../src/compile/official-table.js';
import { diagnosticsOf, parseDocument, readReferenceExample, referenceText, stripWhitespace } from '../helpers.js';

/**
 * The whole published table, transcribed into examples/nansha-commerce-bureau.perf, must compile back to
 * the published text: every name, amount, goal and indicator, character for character.
 */
describe('the reference table (广州南沙经济技术开发区商务局)', () => {
    let table: OfficialTable;
    let published: string;

    beforeAll(async () => {
        const document = await parseDocument(readReferenceExample());
        expect(diagnosticsOf(document, 1)).toEqual([]);
        table = buildOfficialTable(document.parseResult.value);
        published = stripWhitespace(fs.readFileSync(referenceText, 'utf8'));
    });

    const projects = () => table.rows.filter(row => row.level === 2);
    const indicatorItems = (cell: string) => cell.split(/(?<=。)(?=\d+、\d-)/).filter(item => item.length > 0);

    test('has 28 projects and 183 indicators', () => {
        expect(projects()).toHaveLength(28);
        expect(projects().flatMap(row => indicatorItems(row.cells[Column.indicators]))).toHaveLength(183);
    });

    test('header, 合计 and department rows are as published', () => {
        expect(table.title).toBe('项目支出绩效目标表（含转移支付项目）');
        expect(table.department).toBe('广州南沙经济技术开发区商务局');
        expect(table.unit).toBe('万元');
        expect(published.startsWith(stripWhitespace(
            `${table.title} 部门名称：${table.department} 单位：${table.unit} ${table.columns.join(' ')}`))).toBe(true);
        expect(table.rows[0].cells).toEqual(['合计', '67,522.75', '67,522.75', '', '', '', '']);
        expect(table.rows[1].cells).toEqual(['广州南沙经济技术开发区商务局', '67,522.75', '67,522.75', '', '', '', '']);
    });

    test('every project name and its amounts appear, in published order', () => {
        let position = 0;
        for (const row of projects()) {
            const [name, total, fiscal, specialAccount, other] = row.cells;
            expect(specialAccount + other).toBe('');
            const found = published.indexOf(stripWhitespace(`${name}${total}${fiscal}`), position);
            expect(found, `${name} ${total} ${fiscal}`).toBeGreaterThan(position);
            position = found;
        }
    });

    test('every goal appears exactly as published', () => {
        const goals = projects().map(row => row.cells[Column.goal]);
        expect(goals.filter(goal => goal.length > 0)).toHaveLength(28);
        for (const goal of goals) {
            expect(published, goal).toContain(stripWhitespace(goal));
        }
    });

    test('every indicator text appears exactly as published, numbered per project', () => {
        for (const row of projects()) {
            const items = indicatorItems(row.cells[Column.indicators]);
            items.forEach((item, index) => {
                expect(item.startsWith(`${index + 1}、`)).toBe(true);
                expect(item.endsWith('。')).toBe(true);
                // The last item's 。 may stand after a goal that the PDF text interleaves with it.
                expect(published, item).toContain(stripWhitespace(item.slice(0, -1)));
            });
        }
    });

    test('indicator cells, goals and amounts together give back the whole published text', () => {
        const header = `${table.title}部门名称：${table.department}单位：${table.unit}${table.columns.join('')}`;
        const rows = table.rows.map(row => row.cells.join('')).join('');
        const rebuilt = stripWhitespace(header + rows);
        // The PDF text puts one project's goal after its indicators, before the cell's closing 。: compare
        // as multisets of characters, which catches any dropped, added or changed character.
        expect(rebuilt.length).toBe(published.length);
        expect([...rebuilt].sort().join('')).toBe([...published].sort().join(''));
    });
});
