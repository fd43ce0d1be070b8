/**
 * An .xlsx file is a zip archive, and exceljs inflates every entry in memory: a small file can expand to
 * gigabytes (a "zip bomb"). Before exceljs sees the file, read the zip's central directory (the table of
 * contents at its end) and refuse archives whose entries declare absurd sizes or ratios.
 * The declared sizes can lie; the row and column limits checked after loading are the second line.
 */
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './import-model.js';

export const ZIP_LIMITS = {
    /** Sum of the declared uncompressed sizes. A 100,000-row table is about 60 MB of sheet XML. */
    totalUncompressedBytes: 256 * 1024 * 1024,
    entries: 10_000,
    /** Compression ratio above which a large entry is suspect (sheet XML compresses about 10–30×). */
    ratio: 200,
    ratioCheckedAboveBytes: 10 * 1024 * 1024
};

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

export interface ZipEntryInfo {
    name: string;
    compressedSize: number;
    uncompressedSize: number;
    /** 8 = deflate, 0 = stored. */
    method: number;
    /** The CRC-32 of the uncompressed data, as declared. */
    crc: number;
    localHeaderOffset: number;
}

/** The entries listed in the central directory, or an ImportError when the bytes are not a zip archive. */
export function readZipDirectory(bytes: Buffer, source: string): ZipEntryInfo[] {
    const notZip = () => new ImportError(`${source}: 不是有效的 .xlsx 文件（不是 zip 压缩包）：请用 Excel 或 WPS 另存为 .xlsx 后再导入`);
    const end = findEndOfCentralDirectory(bytes);
    if (end < 0) {
        throw notZip();
    }
    const count = bytes.readUInt16LE(end + 10);
    const directoryOffset = bytes.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) {
        throw new ImportError(`${source}: .xlsx 使用了 ZIP64 格式（超大文件），perf 不导入这么大的表格`);
    }
    const entries: ZipEntryInfo[] = [];
    let offset = directoryOffset;
    for (let index = 0; index < count; index++) {
        if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
            throw notZip();
        }
        const nameLength = bytes.readUInt16LE(offset + 28);
        const extraLength = bytes.readUInt16LE(offset + 30);
        const commentLength = bytes.readUInt16LE(offset + 32);
        entries.push({
            name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
            compressedSize: bytes.readUInt32LE(offset + 20),
            uncompressedSize: bytes.readUInt32LE(offset + 24),
            method: bytes.readUInt16LE(offset + 10),
            crc: bytes.readUInt32LE(offset + 16),
            localHeaderOffset: bytes.readUInt32LE(offset + 42)
        });
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}

/** An entry's bytes as stored (compressed or not), after its local header; undefined past the end of the archive. */
export function storedData(bytes: Buffer, entry: ZipEntryInfo): Buffer | undefined {
    const local = entry.localHeaderOffset;
    if (local + 30 > bytes.length) {
        return undefined;
    }
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    return bytes.subarray(dataStart, dataStart + entry.compressedSize);
}

function findEndOfCentralDirectory(bytes: Buffer): number {
    // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
    for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
        if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
            return offset;
        }
    }
    return -1;
}

/** Refuses an archive that would inflate to an absurd size, saying why. */
export function checkZipLimits(bytes: Buffer, source: string, limits = ZIP_LIMITS): void {
    const entries = readZipDirectory(bytes, source);
    if (entries.length > limits.entries) {
        throw new ImportError(`${source}: 压缩包内有 ${entries.length} 个文件，超过上限 ${limits.entries}：不像是一张正常的绩效目标表`);
    }
    let total = 0;
    for (const entry of entries) {
        if (entry.uncompressedSize === 0xffffffff) {
            throw new ImportError(`${source}: ${entry.name} 声明的解压大小超过 4 GB（ZIP64），拒绝导入`);
        }
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize > limits.ratioCheckedAboveBytes && ratio > limits.ratio) {
            throw new ImportError(`${source}: ${entry.name} 压缩比 ${Math.round(ratio)}:1、解压后 ${megabytes(entry.uncompressedSize)}，`
                + '疑似“压缩炸弹”（zip bomb），拒绝导入');
        }
        total += entry.uncompressedSize;
    }
    if (total > limits.totalUncompressedBytes) {
        throw new ImportError(`${source}: 解压后共 ${megabytes(total)}，超过上限 ${megabytes(limits.totalUncompressedBytes)}：`
            + '表格过大或是“压缩炸弹”，拒绝导入；请把表格拆分后再导入');
    }
    checkActualSizes(bytes, entries, source);
}

/**
 * The declared sizes can lie, and exceljs (JSZip) inflates a whole entry before it compares: a 600 MB entry
 * declared as 5 KB cost 0.8 GB of memory before the error. Inflate each entry here with its declared size
 * as a hard cap, so no more than that is ever held; an entry that would grow past it is a bomb.
 */
function checkActualSizes(bytes: Buffer, entries: ZipEntryInfo[], source: string): void {
    for (const entry of entries.filter(entry => entry.method === 8)) {
        const data = storedData(bytes, entry);
        if (!data) {
            continue; // a broken archive: exceljs reports it as unreadable
        }
        try {
            inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
        } catch (error) {
            if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
                throw new ImportError(`${source}: ${entry.name} 声明解压后 ${megabytes(entry.uncompressedSize)}，实际更大：`
                    + '疑似“压缩炸弹”（zip bomb），拒绝导入');
            }
            // Other inflate errors: a corrupt entry, which exceljs reports as an unreadable file.
        }
    }
}

function megabytes(bytes: number): string {
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
