/**
 * Damage real copies carry (src/import/text-damage.ts): traditional characters from mirror sites converted
 * to simplified, full-width digits read as digits, both named in the summary and counted as the input's own
 * characters; an OCR `292%` for `≥92%` imported as written (the rate rule flags it, not the importer).
 */
import * as fs from 'node:fs';
import { Converter } from 'opencc-js/cn2t';
import { beforeAll, describe, expect, test } from 'vitest';
import { importBytes } from '../../src/import/import-file.js';
import { countedChars } from '../../src/import/source-account.js';
import { repairInput } from '../../src/import/text-damage.js';
import { createServices, referenceText } from '../helpers.js';
import { expectPublishedReferenceTable } from '../published-table.js';
import { perfOf, withoutComments, type Services } from './import-helpers.js';

let services: Services;
let reference: string;

beforeAll(async () => {
    services = await createServices();
    reference = fs.readFileSync(referenceText, 'utf8');
});

describe('traditional characters', () => {
    test('the reference as a Taiwan mirror site shows it imports as the published simplified table, and the summary says so', async () => {
        const traditional = Converter({ from: 'cn', to: 'tw' })(reference);
        expect(traditional).toContain('項目支出績效目標表');
        const imported = await importBytes(Buffer.from(traditional), 'mirror.txt', '.txt');
        const { text, errors, official } = await perfOf(imported, services);
        const simplified = await perfOf(await importBytes(Buffer.from(reference), 'reference.txt', '.txt'), services);
        expect(errors).toEqual([]);
        expectPublishedReferenceTable(official);
        expect(withoutComments(text)).toBe(withoutComments(simplified.text));
        expect(text).toMatch(/\/\/ 读入时已转换：原文为繁体字，已用 opencc-js 转为简体（\d+ 字）。/);
        // The account counts the characters of the input as it was given.
        expect(imported.account!.balance().input).toBe(countedChars(traditional).length);
        expect(imported.account!.balance().unmarked).toBe(0);
    });

    test('simplified text is left alone, even where it has characters that are also traditional (乾, 著)', () => {
        const text = '项目名称 总计 绩效目标 绩效指标\n  乾隆文化著作整理 1.00 显著提升。';
        const repaired = repairInput({ form: 'text', text });
        expect(repaired.conversions).toEqual([]);
        expect(repaired.input).toEqual({ form: 'text', text });
    });
});

describe('full-width digits', () => {
    const list = (amount: string, target: string) => [
        '2024年项目支出绩效目标表',
        '部门名称：示例局 单位：万元',
        '项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标',
        `    示例培训经费 ${amount} ${amount}`,
        '完成示例培训。',
        `1、1-产出指标；11-数量指标；培训场次；实施周期指标值:${target}；年度指标值:${target}。`
    ].join('\n');

    test('amounts and targets in full-width digits are read; ％ stays as written; the summary says what was converted', async () => {
        const source = list('１２．５０', '≥３场');
        const imported = await importBytes(Buffer.from(source), 'fullwidth.txt', '.txt');
        const { text, errors } = await perfOf(imported, services);
        expect(errors).toEqual([]);
        expect(imported.departments[0].projects[0].amounts.total).toBe('12.50');
        expect(imported.departments[0].projects[0].indicators[0].period).toBe('≥3场');
        expect(text).toContain('// 读入时已转换：全角数字已转为半角（12 个）。');
        expect(imported.account!.balance().input).toBe(countedChars(source).length);
        const percent = await importBytes(Buffer.from(list('1.00', '≥９５％')), 'percent.txt', '.txt');
        expect(percent.departments[0].projects[0].indicators[0].period).toBe('≥95％');
    });

    test('the reference (which writes ≥95％) is not converted at all', async () => {
        const imported = await importBytes(Buffer.from(reference), 'reference.txt', '.txt');
        expect(imported.conversions).toBeUndefined();
    });
});

test('an OCR 292% for ≥92% is imported as written, and the rate rule flags it in the document', async () => {
    const source = reference.replace('车牌识别准确率；实施周期指标值:≥92%', '车牌识别准确率；实施周期指标值:292%');
    expect(source).not.toBe(reference);
    const imported = await importBytes(Buffer.from(source), 'ocr.txt', '.txt');
    const indicators = imported.departments.flatMap(department => department.projects.flatMap(project => project.indicators));
    expect(indicators.filter(indicator => indicator.period === '292%').map(indicator => indicator.name)).toEqual(['车牌识别准确率']);
    expect(indicators).toHaveLength(183);
    const { text, errors } = await perfOf(imported, services);
    expect(text).toContain('"车牌识别准确率" 实施周期 292%');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/292%/);
});
