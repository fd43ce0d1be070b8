/**
 * Text files from budget offices come as UTF-8 (with or without BOM, what perf writes) or as GBK / GB18030
 * (what Excel and WPS save as "CSV" or "文本" on a Chinese Windows). Bytes that are valid UTF-8 are UTF-8;
 * otherwise they are read as GB18030 (a superset of GBK) when that gives Chinese text.
 */
import iconv from 'iconv-lite';
import { ImportError } from './import-model.js';

export type TextEncoding = 'utf-8' | 'gbk' | 'gb18030';

export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'gbk', 'gb18030'];

export function decodeText(bytes: Uint8Array, source: string, forced?: string): string {
    if (forced !== undefined) {
        const encoding = forced.toLowerCase().replace(/^utf8$/, 'utf-8');
        if (!(TEXT_ENCODINGS as readonly string[]).includes(encoding)) {
            throw new ImportError(`${source}: 不支持的编码 “${forced}”：--encoding 可选 ${TEXT_ENCODINGS.join(' / ')}`);
        }
        return encoding === 'utf-8' ? stripBom(Buffer.from(bytes).toString('utf8')) : iconv.decode(Buffer.from(bytes), encoding);
    }
    try {
        return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
        // not UTF-8: try the Chinese national encoding below
    }
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    if (looksLikeChineseText(text)) {
        return text;
    }
    throw new ImportError(`${source}: 无法判断文件编码（既不是 UTF-8，也不像 GBK/GB18030 中文文本）：请另存为 UTF-8，或用 --encoding gbk 指定编码`);
}

function stripBom(text: string): string {
    return text.replace(/^\uFEFF/, '');
}

/**
 * Any byte string decodes as GB18030, so ask whether the result reads as Chinese text: no replacement
 * characters or control codes, and common CJK ideographs among the non-ASCII characters.
 */
function looksLikeChineseText(text: string): boolean {
    if (/[\uFFFD\u0000-\u0008\u000E-\u001F]/.test(text)) {
        return false;
    }
    const nonAscii = [...text].filter(ch => ch.charCodeAt(0) > 0x7f);
    if (nonAscii.length === 0) {
        return true;
    }
    const common = nonAscii.filter(ch => /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’、—…·]/.test(ch)).length;
    return common / nonAscii.length >= 0.9;
}
