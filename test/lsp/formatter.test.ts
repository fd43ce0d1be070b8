import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formattedText } from '../../src/language/lsp/formatter.js';
import { createServices, parseDocument, readReferenceExample, repoRoot, stripWhitespace } from '../helpers.js';

async function format(text: string): Promise<string | undefined> {
    const services = await createServices();
    const document = await parseDocument(text, services);
    return formattedText(services.perf.lsp.Formatter!, document);
}

const MESSY = `  // 表头注释
部门   "某局"{单位 万元
合计 30.00   // 行尾注释



  项目 "甲" {   总计 10.00 财政拨款 10.00
绩效目标 "第一句，"   "第二句。"
      /* 块注释
         两行 */
  11 "数量" 指标值 ≥ 3%
1/12   "质量"   实施周期 "无"   年度 ≥95%
  }
  项目 "乙" {
    总计 -5.00
     13 "时效" 指标值 不低于3天 // 注释 "不是字符串"
  }}
`;

const CANONICAL = `// 表头注释
部门 "某局" {
    单位 万元
    合计 30.00 // 行尾注释

    项目 "甲" {
        总计 10.00
        财政拨款 10.00
        绩效目标 "第一句，"
            "第二句。"
        /* 块注释
         两行 */
        11 "数量" 指标值 ≥ 3%
        1/12 "质量" 实施周期 "无" 年度 ≥95%
    }

    项目 "乙" {
        总计 -5.00
        13 "时效" 指标值 不低于3天 // 注释 "不是字符串"
    }
}
`;

describe('formatter', () => {
    test('leaves the reference example exactly as it is (it is written in the canonical layout)', async () => {
        const text = readReferenceExample();
        expect(await format(text)).toBe(text);
    });

    test('leaves the built-in catalogs as they are', async () => {
        for (const name of ['2015.perf', '2021.perf']) {
            const text = fs.readFileSync(path.join(repoRoot, 'catalogs', name), 'utf8');
            expect(await format(text), name).toBe(text);
        }
    });

    test('lays out a messy file canonically', async () => {
        expect(await format(MESSY)).toBe(CANONICAL);
    });

    test('is idempotent: formatting the result again changes nothing', async () => {
        const once = (await format(MESSY))!;
        expect(await format(once)).toBe(once);
        const flattened = readReferenceExample().replace(/^\/\/.*\n/gm, '').replace(/\n\s*/g, '  ');
        const formatted = (await format(flattened))!;
        expect(await format(formatted)).toBe(formatted);
    });

    test('is lossless: every non-whitespace character and every comment is kept, in order', async () => {
        const formatted = (await format(MESSY))!;
        expect(stripWhitespace(formatted)).toBe(stripWhitespace(MESSY));
        for (const comment of ['// 表头注释', '// 行尾注释', '/* 块注释\n         两行 */', '// 注释 "不是字符串"']) {
            expect(formatted).toContain(comment);
        }
    });

    test('keeps the text of a simple target as written, inner space included', async () => {
        const formatted = (await format(MESSY))!;
        expect(formatted).toContain('指标值 ≥ 3%');
    });

    test('rebuilds the reference example byte for byte from all of it on one line', async () => {
        // Without its header comments, which would swallow the rest of a single line.
        const body = readReferenceExample().replace(/^\/\/.*\n/gm, '');
        const flattened = body.replace(/\n\s*/g, ' ');
        expect(await format(flattened)).toBe(body);
    });

    test('does not touch a document with syntax errors', async () => {
        expect(await format('部门 "某局" {\n  项目 "甲 {\n}\n')).toBeUndefined();
    });

    test('keeps CRLF line ends', async () => {
        const formatted = (await format('部门 "某局" {\r\n单位 万元\r\n}\r\n'))!;
        expect(formatted).toBe('部门 "某局" {\r\n    单位 万元\r\n}\r\n');
    });
});
