import { inflateRawSync } from 'node:zlib';

export interface ZipFile {
    method: number;
    /** The CRC-32 the central directory declares. */
    crc: number;
    data: Buffer;
}

/** The files of a zip archive, read through its central directory (exceljs wrote data descriptors). */
export function readZip(zip: Buffer): Map<string, ZipFile> {
    const files = new Map<string, ZipFile>();
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let entry = zip.readUInt32LE(end + 16);
    for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
        const method = zip.readUInt16LE(entry + 10);
        const crc = zip.readUInt32LE(entry + 16);
        const compressedSize = zip.readUInt32LE(entry + 20);
        const nameLength = zip.readUInt16LE(entry + 28);
        const name = zip.toString('utf8', entry + 46, entry + 46 + nameLength);
        const local = zip.readUInt32LE(entry + 42);
        const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(dataStart, dataStart + compressedSize);
        files.set(name, { method, crc, data: method === 8 ? inflateRawSync(data) : data });
        entry += 46 + nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
    }
    return files;
}

/** The text of each file of a zip archive. */
export function unzip(zip: Buffer): Map<string, string> {
    return new Map([...readZip(zip)].map(([name, file]) => [name, file.data.toString('utf8')]));
}
