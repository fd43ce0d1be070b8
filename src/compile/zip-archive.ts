/**
 * A minimal zip writer for the XLSX package: deflated entries, no data descriptors, no zip64.
 * Node's native zlib does the compression; exceljs's pure-JS deflate was most of its write time.
 */
import { gzipSync } from 'node:zlib';

export interface ZipEntry {
    /** Path inside the archive, ASCII, with forward slashes. */
    name: string;
    data: Buffer;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATE = 8;
const VERSION = 20; // 2.0: deflate
// Fixed timestamps (1980-01-01 00:00, the earliest DOS date) so one table always gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const GZIP_HEADER_BYTES = 10; // Node writes no file name or comment in its gzip header
const GZIP_TRAILER_BYTES = 8; // CRC-32, then the uncompressed size
const MAX_32_BIT = 0xffffffff;

/** The bytes of a zip archive holding `entries` in order. */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
        // A gzip member is a raw deflate stream framed by a header and a trailer holding the CRC-32 that
        // zip needs too: one native call gives both (zlib.crc32 needs Node 20.15, perf supports 20.10).
        const gzip = gzipSync(entry.data);
        const compressed = gzip.subarray(GZIP_HEADER_BYTES, gzip.length - GZIP_TRAILER_BYTES);
        const crc = gzip.readUInt32LE(gzip.length - GZIP_TRAILER_BYTES);
        const name = Buffer.from(entry.name, 'ascii');
        if (entry.data.length > MAX_32_BIT || offset > MAX_32_BIT) {
            throw new Error(`XLSX 文件过大（超过 4 GB，无法写入 ${entry.name}）：请按部门拆分文档。（the workbook exceeds 4 GB）`);
        }

        const local = Buffer.alloc(30);
        local.writeUInt32LE(LOCAL_HEADER, 0);
        local.writeUInt16LE(VERSION, 4);
        local.writeUInt16LE(0, 6); // flags
        local.writeUInt16LE(DEFLATE, 8);
        local.writeUInt16LE(DOS_TIME, 10);
        local.writeUInt16LE(DOS_DATE, 12);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(compressed.length, 18);
        local.writeUInt32LE(entry.data.length, 22);
        local.writeUInt16LE(name.length, 26);
        local.writeUInt16LE(0, 28); // extra field length

        const header = Buffer.alloc(46);
        header.writeUInt32LE(CENTRAL_HEADER, 0);
        header.writeUInt16LE(VERSION, 4); // made by
        header.writeUInt16LE(VERSION, 6); // needed to extract
        local.copy(header, 8, 6, 30); // flags … extra field length, as in the local header
        // comment length, disk number, internal and external attributes stay 0
        header.writeUInt32LE(offset, 42);
        central.push(header, name);

        chunks.push(local, name, compressed);
        offset += local.length + name.length + compressed.length;
    }
    const directorySize = central.reduce((sum, chunk) => sum + chunk.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...chunks, ...central, end]);
}
