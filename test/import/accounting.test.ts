import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ImportError, type ImportedTable } from '../../src/import/import-model.js';
import { importLayoutText } from '../../src/import/pdf-layout-text.js';
import { importText } from '../../src/import/pdf-text.js';
import { allNotes } from '../../src/import/summary.js';
import { referenceText, repoRoot } from '../helpers.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'import');
const ITEM = (n: number, name: string, value: string) => `${n}、1-产出指标；11-数量指标；${name}；实施周期指标值:${value}；年度指标值:${value}。`;
const ONE_LINE = '2025年项目支出绩效目标表 部门名称：测试局 单位：万元 项目名称 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标 '
    + `合计 30.00 30.00 测试局 30.00 30.00 项目甲 10.00 10.00 目标甲。 ${ITEM(1, '培训场次', '≥3场')} 项目乙 20.00 20.00 目标乙。 ${ITEM(1, '场地', '2处')}`;

/** Every kept character is in a note's text: what the accounting calls kept is really in the document. */
function keptIsInNotes(table: ImportedTable): boolean {
    const notes = allNotes(table).map(note => (note.text ?? '').replace(/\s+/g, '')).join('');
    return notes.length >= table.account!.balance().kept;
}

describe('nothing lost: the accounting of every input character', () => {
    test('the reference text: every character mapped, none left to the fallback', () => {
        const table = importText(fs.readFileSync(referenceText, 'utf8'), 'ref.txt');
        const balance = table.account!.balance();
        expect(balance.unmarked).toBe(0);
        expect(balance.kept).toBe(0);
        expect(balance.mapped).toBe(balance.input);
        expect(table.account!.fallbackKept).toBe(0);
    });

    test('layout text: the repeated headers and page numbers are the kept characters', () => {
        const table = importLayoutText(fs.readFileSync(path.join(fixtures, 'nansha-layout.txt'), 'utf8'), 'layout.txt');
        const balance = table.account!.balance();
        expect(balance.mapped + balance.kept).toBe(balance.input);
        expect(balance.kept).toBeGreaterThan(0);
        expect(table.account!.fallbackKept).toBe(0);
        expect(keptIsInNotes(table)).toBe(true);
    });

    test('a whole table run together on one line is read, not dropped', () => {
        const table = importText(ONE_LINE, 'one-line.txt');
        expect(table.title).toBe('2025年项目支出绩效目标表');
        expect(table.departments.map(d => [d.name, d.amounts])).toEqual([['测试局', { total: '30.00', fiscal: '30.00' }]]);
        expect(table.departments[0].projects.map(p => [p.name, p.goal, p.indicators.map(i => i.annual)]))
            .toEqual([['项目甲', ['目标甲。'], ['≥3场']], ['项目乙', ['目标乙。'], ['2处']]]);
        const balance = table.account!.balance();
        expect(balance).toEqual({ input: balance.mapped, mapped: balance.input, kept: 0, unmarked: 0 });
    });

    test('text with nothing recognised is refused with what was seen, not written as an empty document', () => {
        const header = '项目名称 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标\n';
        expect(() => importText(header, 'empty.txt')).toThrow(ImportError);
        expect(() => importText(header, 'empty.txt')).toThrow(/没有识别出任何项目或指标，不生成空文档。读到的是文本：1 行有文字，共 \d+ 字，开头“项目名称总计/);
    });

    test('arbitrary text: refused, or mapped + kept = input with every kept character in a note (property)', () => {
        const unit = fc.constantFrom(...'项目名称总计财政拨款绩效目标指标、；。:1-23 .,0\n\t　产出数量合计测试局'.split(''));
        const head = '部门名称：测试局\n项目名称 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标\n';
        fc.assert(fc.property(fc.string({ unit, maxLength: 200 }), fc.boolean(), (text, withHeader) => {
            let table: ImportedTable;
            try {
                table = importText((withHeader ? head : '') + text, 'arbitrary.txt');
            } catch (error) {
                expect(error).toBeInstanceOf(ImportError);
                return;
            }
            const balance = table.account!.balance();
            expect(balance.unmarked).toBe(0);
            expect(balance.mapped + balance.kept).toBe(balance.input);
            expect(keptIsInNotes(table)).toBe(true);
        }), { seed: 15, numRuns: 300 });
    });
});
