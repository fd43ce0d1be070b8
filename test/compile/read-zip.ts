import { inflateRawSync } from 'node:zlib';
import { readZipDirectory, storedData } from '../../src/import/zip-limits.js';

export interface ZipFile {
    method: number;
    /** The CRC-32 the central directory declares. */
    crc: number;
    data: Buffer;
}

/** The files of a zip archive, read through its central directory as the importer reads it. */
export function readZip(zip: Buffer): Map<string, ZipFile> {
    return new Map(readZipDirectory(zip, 'test.zip').map(entry => {
        const data = storedData(zip, entry)!;
        return [entry.name, { method: entry.method, crc: entry.crc, data: entry.method === 8 ? inflateRawSync(data) : data }];
    }));
}

/** The text of each file of a zip archive. */
export function unzip(zip: Buffer): Map<string, string> {
    return new Map([...readZip(zip)].map(([name, file]) => [name, file.data.toString('utf8')]));
}
