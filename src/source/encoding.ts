/**
 * Reading the text of an input file as budget officers save it: UTF-8 with or without a BOM (VS Code, WPS),
 * GBK/GB18030 (Windows Notepad and Excel on a Chinese system), UTF-16 with a BOM (Notepad's "Unicode").
 * Line endings and tabs are left exactly as written: Langium counts CRLF as one line break, so positions
 * stay right, and a format in place keeps the file's own line endings.
 *
 * Shared by the CLI (src/cli/documents.ts), the importer (CSV and text input), the diff and the server: one place decides what
 * a file's bytes mean, or says clearly why it cannot.
 */
import * as fs from 'node:fs';
import iconv from 'iconv-lite';
import { MAX_DOCUMENT_BYTES, sizeLimitMessage } from './size-limit.js';

/** What `--encoding` accepts; `auto` detects (the default). */
export const SOURCE_ENCODINGS = ['auto', 'utf-8', 'gbk', 'gb18030'] as const;
export type SourceEncoding = typeof SOURCE_ENCODINGS[number];

/** The encoding a text was actually read in. */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedSource {
    text: string;
    encoding: DetectedEncoding;
}

/** Larger input files are refused before they are read: the same limit as the language server's (see there). */
export const MAX_SOURCE_BYTES = MAX_DOCUMENT_BYTES;

/** An input that cannot be read as text: the message says where and what to do, in Chinese then English. */
export class SourceTextError extends Error {}

const ENCODING_ALIASES: Record<string, SourceEncoding> = {
    'auto': 'auto', 'utf-8': 'utf-8', 'utf8': 'utf-8',
    'gbk': 'gbk', 'gb2312': 'gbk', 'cp936': 'gbk', 'gb18030': 'gb18030'
};

const ENCODING_HINT = '--encoding utf-8、--encoding gbk 或 --encoding gb18030';

/** Parses an `--encoding` value (case-insensitive; utf8, gb2312 and cp936 are accepted as aliases). */
export function parseSourceEncoding(value: string): SourceEncoding {
    const encoding = ENCODING_ALIASES[value.trim().toLowerCase()];
    if (!encoding) {
        throw new SourceTextError(`未知的编码 unknown encoding "${value}": use ${SOURCE_ENCODINGS.join(', ')}`);
    }
    return encoding;
}

/** Reads a file's text, refusing folders, missing files and files over `maxBytes` with a one-line message. */
export function readSourceText(file: string, encoding: SourceEncoding = 'auto', maxBytes = MAX_SOURCE_BYTES): DecodedSource {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        throw new SourceTextError(`${file}: 文件不存在 no such file`);
    }
    if (stat.isDirectory()) {
        throw new SourceTextError(`${file}: 是文件夹 is a directory; name the .perf files inside it`);
    }
    if (stat.size > maxBytes) {
        throw new SourceTextError(`${file}: ${sizeLimitMessage(stat.size, maxBytes)}`);
    }
    return decodeSourceBytes(fs.readFileSync(file), file, encoding);
}

/** Decodes the bytes of `file` (the name is only used in messages). */
export function decodeSourceBytes(bytes: Uint8Array, file: string, encoding: SourceEncoding = 'auto'): DecodedSource {
    switch (encoding) {
        case 'utf-8': return decodeUtf8(bytes, file);
        case 'gbk':
        case 'gb18030': return decodeGb18030(bytes, file);
        case 'auto': return detectAndDecode(bytes, file);
    }
}

function detectAndDecode(bytes: Uint8Array, file: string): DecodedSource {
    if (startsWith(bytes, [0xEF, 0xBB, 0xBF])) {
        return decodeUtf8(bytes, file);
    }
    if (startsWith(bytes, [0xFF, 0xFE])) {
        return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
    }
    if (startsWith(bytes, [0xFE, 0xFF])) {
        return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
    }
    if (startsWith(bytes, [0x84, 0x31, 0x95, 0x33])) { // the GB18030 byte order mark
        return decodeGb18030(bytes, file);
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        throw new SourceTextError(`${file}:${positionLabel(bytes, nul, 'utf-8')}: 不是文本文件 not a text file (it contains a NUL byte): `
            + 'a spreadsheet or PDF is read with `perf import`; a text file saved as UTF-16 needs a byte order mark, or save it as UTF-8');
    }
    if (firstInvalidUtf8(bytes) < 0) {
        return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    }
    if (firstInvalidGb18030(bytes) < 0 && looksLikeChineseGb(bytes)) {
        return decodeGb18030(bytes, file);
    }
    const at = positionLabel(bytes, firstInvalidUtf8(bytes), 'utf-8');
    throw new SourceTextError(`${file}:${at}: 无法判断文件编码 cannot tell the encoding: it is not UTF-8, and not Chinese text in GBK/GB18030; `
        + `save the file as UTF-8, or name its encoding with ${ENCODING_HINT}`);
}

function decodeUtf8(bytes: Uint8Array, file: string): DecodedSource {
    const invalid = firstInvalidUtf8(bytes);
    if (invalid >= 0) {
        throw new SourceTextError(`${file}:${positionLabel(bytes, invalid, 'utf-8')}: 不是有效的 UTF-8 not valid UTF-8 here: `
            + `save the file as UTF-8, or name its encoding with ${ENCODING_HINT}`);
    }
    const bom = startsWith(bytes, [0xEF, 0xBB, 0xBF]);
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(bom ? 3 : 0)), encoding: bom ? 'utf-8-bom' : 'utf-8' };
}

function decodeGb18030(bytes: Uint8Array, file: string): DecodedSource {
    const invalid = firstInvalidGb18030(bytes);
    if (invalid >= 0) {
        throw new SourceTextError(`${file}:${positionLabel(bytes, invalid, 'gb18030')}: 不是有效的 GBK/GB18030 not valid GBK/GB18030 here: `
            + `save the file as UTF-8, or name its encoding with ${ENCODING_HINT}`);
    }
    const bom = startsWith(bytes, [0x84, 0x31, 0x95, 0x33]);
    return { text: iconv.decode(Buffer.from(bytes.subarray(bom ? 4 : 0)), 'gb18030'), encoding: 'gb18030' };
}

/**
 * Byte offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all bytes are well-formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) { i++; continue; }
        let length: number, low = 0x80, high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) { length = 2; }
        else if (b >= 0xE0 && b <= 0xEF) { length = 3; if (b === 0xE0) low = 0xA0; if (b === 0xED) high = 0x9F; }
        else if (b >= 0xF0 && b <= 0xF4) { length = 4; if (b === 0xF0) low = 0x90; if (b === 0xF4) high = 0x8F; }
        else { return i; }
        for (let k = 1; k < length; k++) {
            const next = bytes[i + k];
            const min = k === 1 ? low : 0x80, max = k === 1 ? high : 0xBF;
            if (next === undefined || next < min || next > max) { return i; }
        }
        i += length;
    }
    return -1;
}

/**
 * Byte offset of the first byte that breaks GB18030's structure (one byte 00–7F; two bytes 81–FE + 40–7E/80–FE;
 * four bytes 81–FE 30–39 81–FE 30–39; 80 alone is € in Windows' GBK), or -1. GBK is the two-byte part of GB18030, so this covers both.
 */
export function firstInvalidGb18030(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) { i++; continue; }
        if (b === 0x80) { i++; continue; } // € in Windows' GBK (code page 936)
        if (b === 0xFF) { return i; }
        const second = bytes[i + 1];
        if (second !== undefined && ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE))) {
            i += 2;
            continue;
        }
        if (second !== undefined && second >= 0x30 && second <= 0x39
            && inRange(bytes[i + 2], 0x81, 0xFE) && inRange(bytes[i + 3], 0x30, 0x39)) {
            i += 4;
            continue;
        }
        return i;
    }
    return -1;
}

/**
 * Bytes that are well-formed GBK are not necessarily GBK: Big5 or Shift-JIS text often is too. Chinese text
 * in GBK keeps almost every two-byte character in the GB2312 area (lead A1–F7, trail A1–FE), which Big5 and
 * Shift-JIS text mostly leave (measured: the reference table 99.9%, a Big5 table 61%, Shift-JIS 0%); when fewer
 * than 90% are there, we would be guessing, so we ask instead (`--encoding gbk` reads traditional text in GBK).
 */
function looksLikeChineseGb(bytes: Uint8Array): boolean {
    let multiByte = 0, inGb2312Area = 0;
    for (let i = 0; i < bytes.length;) {
        const b = bytes[i];
        if (b <= 0x80) { i++; continue; }
        const second = bytes[i + 1];
        if (second >= 0x30 && second <= 0x39) { i += 4; continue; } // four-byte: only GB18030 has these
        multiByte++;
        if (b >= 0xA1 && b <= 0xF7 && second >= 0xA1 && second <= 0xFE) { inGb2312Area++; }
        i += 2;
    }
    return multiByte === 0 || inGb2312Area / multiByte >= 0.9;
}

/** "line:col" (1-based, col in characters) of a byte offset, decoding the line up to it. */
function positionLabel(bytes: Uint8Array, offset: number, encoding: 'utf-8' | 'gb18030'): string {
    let line = 1, lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (bytes[i] === 0x0A) { line++; lineStart = i + 1; }
    }
    const before = Buffer.from(bytes.subarray(lineStart, offset));
    const text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(before) : iconv.decode(before, 'gb18030');
    return `${line}:${[...text.replace(/^\uFEFF/, '')].length + 1}`;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
    return prefix.every((byte, i) => bytes[i] === byte);
}

function inRange(byte: number | undefined, min: number, max: number): boolean {
    return byte !== undefined && byte >= min && byte <= max;
}
