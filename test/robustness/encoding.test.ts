/**
 * Input files as budget officers save them: UTF-8 with and without BOM, GBK/GB18030, UTF-16 with BOM, CRLF,
 * tabs, full-width digits; and what cannot be read (binary, an encoding we would have to guess) refused with
 * file:line:col and what to do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import {
    decodeSourceBytes, firstInvalidGb18030, firstInvalidUtf8, parseSourceEncoding, readSourceText, SourceTextError
} from '../../src/source/encoding.js';
import { parseThreshold } from '../../src/model/threshold.js';
import { diagnosticsOf, parseDocument, readReferenceExample, referenceExample } from '../helpers.js';
import { perf, scratchFolder } from './cli-run.js';
import { cheapCases } from './fuzz-settings.js';

const TABLE = '部门 "广州南沙经济技术开发区商务局" {\n    合计 1.00\n    项目 "工作经费" {\n        总计 1.00\n        11 "验收合格率" 指标值 ≥95%\n    }\n}\n';

function decodeError(bytes: Uint8Array, encoding: 'auto' | 'utf-8' | 'gbk' = 'auto'): string {
    try {
        decodeSourceBytes(bytes, 'table.perf', encoding);
    } catch (error) {
        expect(error).toBeInstanceOf(SourceTextError);
        return (error as Error).message;
    }
    throw new Error('expected the bytes to be refused');
}

describe('decoding input bytes', () => {
    test('UTF-8 without and with BOM: the same text, the BOM dropped', () => {
        const plain = Buffer.from(TABLE, 'utf8');
        expect(decodeSourceBytes(plain, 'a.perf')).toEqual({ text: TABLE, encoding: 'utf-8' });
        expect(decodeSourceBytes(Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), plain]), 'a.perf'))
            .toEqual({ text: TABLE, encoding: 'utf-8-bom' });
    });

    test('GBK (Notepad/Excel on a Chinese Windows) is detected; € as byte 80 is accepted', () => {
        expect(decodeSourceBytes(iconv.encode(TABLE, 'gbk'), 'a.perf')).toEqual({ text: TABLE, encoding: 'gb18030' });
        expect(decodeSourceBytes(Buffer.from([0x80, 0x31]), 'a.perf', 'gbk').text).toBe('€1');
    });

    test('GB18030 four-byte characters (a rare name: 𠀀) are detected and decoded', () => {
        const text = '项目 "𠀀村仓库租赁经费" {}\n';
        const bytes = iconv.encode(text, 'gb18030');
        expect(bytes.length).toBeGreaterThan(Buffer.byteLength(text, 'latin1'));
        expect(decodeSourceBytes(bytes, 'a.perf').text).toBe(text);
        expect(decodeSourceBytes(bytes, 'a.perf', 'gb18030').text).toBe(text);
    });

    test('UTF-16 with a BOM (Notepad\'s "Unicode") in both byte orders', () => {
        const le = Buffer.concat([Buffer.from([0xFF, 0xFE]), iconv.encode(TABLE, 'utf-16le')]);
        const be = Buffer.concat([Buffer.from([0xFE, 0xFF]), iconv.encode(TABLE, 'utf-16be')]);
        expect(decodeSourceBytes(le, 'a.perf')).toEqual({ text: TABLE, encoding: 'utf-16le' });
        expect(decodeSourceBytes(be, 'a.perf')).toEqual({ text: TABLE, encoding: 'utf-16be' });
    });

    test('Big5 and Shift-JIS text is not guessed as GBK: a clear error that names --encoding', () => {
        const texts = {
            big5: '部門 "廣州南沙經濟技術開發區商務局" {\n 項目 "產業扶持—企業扶持和獎勵經費" {\n  績效目標 "依據相關政策對滿足條件的外商投資企業、外貿進出口企業進行扶持"\n }\n}\n',
            shift_jis: '部門 "商務局" {\n 項目 "プロジェクト予算" {\n  績効目標 "満足度調査"\n }\n}\n'
        };
        for (const [encoding, text] of Object.entries(texts)) {
            const message = decodeError(iconv.encode(text, encoding));
            expect(message).toMatch(/^table\.perf:\d+:\d+: 无法判断文件编码 cannot tell the encoding/);
            expect(message).toContain('--encoding gbk');
        }
    });

    test('a NUL byte means a binary file (an xlsx given to check) or UTF-16 without BOM: refused with its position', () => {
        const message = decodeError(Buffer.concat([Buffer.from('部门 "x" {\n  '), Buffer.from([0x50, 0x4B, 0x00, 0x03])]));
        expect(message).toMatch(/^table\.perf:2:5: 不是文本文件 not a text file/);
        expect(message).toContain('perf import');
    });

    test('forced encodings report the first bad byte as line:col, counting characters', () => {
        const badUtf8 = Buffer.concat([Buffer.from('第一行\n项目 "', 'utf8'), Buffer.from([0xC3, 0x28]), Buffer.from('"\n')]);
        expect(decodeError(badUtf8)).toMatch(/^table\.perf:2:5: /);
        expect(decodeError(iconv.encode(TABLE, 'gbk'), 'utf-8')).toMatch(/^table\.perf:1:1: 不是有效的 UTF-8 not valid UTF-8/);
        const badGbk = Buffer.concat([iconv.encode('部门\r\n项目', 'gbk'), Buffer.from([0xFF])]);
        expect(decodeError(badGbk, 'gbk')).toMatch(/^table\.perf:2:3: 不是有效的 GBK\/GB18030/);
    });

    test('--encoding names: aliases accepted, anything else refused with the list', () => {
        expect(parseSourceEncoding('UTF8')).toBe('utf-8');
        expect(parseSourceEncoding('gb2312')).toBe('gbk');
        expect(parseSourceEncoding('CP936')).toBe('gbk');
        expect(() => parseSourceEncoding('big5')).toThrow(/unknown encoding "big5": use auto, utf-8, gbk, gb18030/);
    });

    test('property: any text without NUL round-trips through UTF-8, with or without BOM', () => {
        fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }).filter(text => !text.includes('\0')), fc.boolean(),
            (text, bom) => {
                const bytes = Buffer.concat([Buffer.from(bom ? [0xEF, 0xBB, 0xBF] : []), Buffer.from(text, 'utf8')]);
                expect(decodeSourceBytes(bytes, 'a.perf').text).toBe(text);
            }), cheapCases(300));
    });

    test('property: Chinese text in GBK is read back exactly, or its bytes happened to be valid UTF-8', () => {
        const hanzi = fc.constantFrom(...'部门项目经费合计总计财政拨款绩效目标指标值满意度验收合格率及时南沙商务局工作购置扶持企业新增');
        const piece = fc.oneof(hanzi, fc.constantFrom(' ', '\n', '\r\n', '\t', '"', '{', '}', '≥', '%', '1', '.', '，', '（', '）'));
        fc.assert(fc.property(fc.array(piece, { maxLength: 200 }), pieces => {
            const text = pieces.join('');
            const bytes = iconv.encode(text, 'gbk');
            const decoded = decodeSourceBytes(bytes, 'a.perf').text;
            expect(decoded === text || firstInvalidUtf8(bytes) < 0).toBe(true);
            expect(decodeSourceBytes(bytes, 'a.perf', 'gbk').text).toBe(text);
        }), cheapCases(300));
    });

    test('property: decoding arbitrary bytes returns text or a SourceTextError, never anything else', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('auto', 'utf-8', 'gbk', 'gb18030'), (bytes, encoding) => {
            try {
                const { text } = decodeSourceBytes(bytes, 'a.perf', encoding as 'auto');
                expect(typeof text).toBe('string');
                if (encoding === 'utf-8') { expect(firstInvalidUtf8(bytes)).toBe(-1); }
                if (encoding === 'gbk') { expect(firstInvalidGb18030(bytes)).toBe(-1); }
            } catch (error) {
                expect(error).toBeInstanceOf(SourceTextError);
                expect((error as Error).message).toMatch(/^a\.perf:\d+:\d+: /);
            }
        }), cheapCases(1000));
    });

    test('firstInvalidUtf8 agrees with the platform\'s strict decoder on arbitrary bytes', () => {
        const strict = new TextDecoder('utf-8', { fatal: true });
        fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), bytes => {
            let valid = true;
            try { strict.decode(bytes); } catch { valid = false; }
            expect(firstInvalidUtf8(bytes) < 0).toBe(valid);
        }), cheapCases(2000));
    });
});

describe('file size', () => {
    test('a 50 MB file is refused before it is read, with its size and the limit', () => {
        const file = path.join(scratchFolder(), 'huge.perf');
        fs.writeFileSync(file, '');
        fs.truncateSync(file, 50 * 1024 * 1024); // sparse: no 50 MB written to the disk
        expect(() => readSourceText(file)).toThrow(/huge\.perf: 文件过大 too large \(50 MB, the limit is 10 MB\)/);
        const result = perf(['check', file]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/文件过大 too large \(50 MB, the limit is 10 MB\)/);
        expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    });
});

describe('the CLI on real-life files', () => {
    const reference = readReferenceExample();
    const folder = scratchFolder();
    const referenceReport = perf(['check', referenceExample]).stdout.replaceAll(referenceExample, 'FILE');

    function checkAs(name: string, bytes: Buffer, ...options: string[]) {
        const file = path.join(folder, name);
        fs.writeFileSync(file, bytes);
        const result = perf(['check', ...options, file]);
        return { ...result, stdout: result.stdout.replaceAll(file, 'FILE') };
    }

    test('the reference table saved as GBK, UTF-8 with BOM, CRLF, GB18030 with BOM: the same diagnostics at the same line:col', () => {
        const variants: [string, Buffer, string[]][] = [
            ['gbk.perf', iconv.encode(reference, 'gbk'), []],
            ['gbk-forced.perf', iconv.encode(reference, 'gbk'), ['--encoding', 'gbk']],
            ['bom.perf', Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(reference)]), []],
            ['crlf.perf', Buffer.from(reference.replace(/\n/g, '\r\n')), []],
            ['gbk-crlf.perf', iconv.encode(reference.replace(/\n/g, '\r\n'), 'gbk'), []],
            ['gb18030-bom.perf', Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(reference, 'gb18030')]), []]
        ];
        for (const [name, bytes, options] of variants) {
            const result = checkAs(name, bytes, ...options);
            expect(result.stderr, name).toBe('');
            expect(result.stdout, name).toBe(referenceReport);
        }
    });

    test('a GBK file read as UTF-8 by --encoding utf-8 is refused with its first bad position', () => {
        const result = checkAs('gbk-as-utf8.perf', iconv.encode(reference, 'gbk'), '--encoding', 'utf-8');
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/gbk-as-utf8\.perf:1:4: 不是有效的 UTF-8 not valid UTF-8 here: save the file as UTF-8/);
    });

    test('tabs for indentation: no new diagnostic, the same lines', () => {
        const tabbed = reference.replace(/^( {4})+/gm, spaces => '\t'.repeat(spaces.length / 4));
        const lines = (report: string) => report.split('\n').map(line => line.replace(/^FILE:(\d+):\d+:/, 'FILE:$1:'));
        expect(lines(checkAs('tabs.perf', Buffer.from(tabbed)).stdout)).toEqual(lines(referenceReport));
    });

    test('CRLF positions are right: an error on line 3 is reported at 3:col', () => {
        const result = checkAs('crlf-error.perf', Buffer.from('部门 "d" {\r\n  项目 "p" {\r\n    财政拨款 1,2,3\r\n  }\r\n}\r\n'));
        expect(result.stdout).toContain('FILE:3:10: error: ');
    });

    test('a 100,000-character line (a pasted goal) is checked and its error found after it', () => {
        const goal = '推动'.repeat(50_000);
        const text = `部门 "d" {\n  合计 1.00\n  项目 "p" {\n    总计 1.00\n    绩效目标 "${goal}" 财政拨款 1,2,3\n  }\n}\n`;
        const result = checkAs('long-line.perf', Buffer.from(text));
        expect(result.stdout).toContain(`FILE:5:${'    绩效目标 "'.length + goal.length + 2 + 6}: error: `);
    });
});

describe('full-width digits and punctuation', () => {
    test('full-width amounts mean the same as ASCII ones: no new diagnostic', async () => {
        const ascii = await parseDocument('部门 "d" {\n  合计 67,522.75\n  项目 "p" {\n    总计 67,522.75\n  }\n}\n');
        const fullWidth = await parseDocument('部门 "d" {\n  合计 ６７，５２２．７５\n  项目 "p" {\n    总计 67,522.75\n  }\n}\n');
        expect(diagnosticsOf(fullWidth)).toEqual(diagnosticsOf(ascii));
    });

    test('full-width digits, percent signs and comparators in targets mean the same as ASCII ones', async () => {
        const table = (target: string) => `部门 "d" {\n  合计 1.00\n  项目 "p" {\n    总计 1.00\n    12 "验收合格率" 指标值 ${target}\n  }\n}\n`;
        for (const [fullWidth, ascii] of [['≥９５％', '≥95%'], ['＞９５．５％', '>95.5%'], ['＝１００％', '=100%']]) {
            expect(diagnosticsOf(await parseDocument(table(fullWidth))), fullWidth).toEqual(diagnosticsOf(await parseDocument(table(ascii))));
            const meaning = (text: string) => {
                const threshold = parseThreshold(text, '验收合格率');
                return threshold.kind === 'quantity'
                    ? { comparator: threshold.comparator, value: threshold.value.toFixed(), unit: threshold.unit }
                    : threshold.kind;
            };
            expect(meaning(fullWidth), fullWidth).toEqual(meaning(ascii));
            expect(typeof meaning(ascii)).toBe('object');
        }
    });

    test('a full-width comma that cannot be a thousands separator is flagged, not read as a decimal point', async () => {
        const document = await parseDocument('部门 "d" {\n  合计 1，5\n  项目 "p" {\n    总计 1.5\n  }\n}\n');
        expect(diagnosticsOf(document, 1).some(line => line.startsWith('2:'))).toBe(true);
    });
});
