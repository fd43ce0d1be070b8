import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { zipArchive } from '../../src/compile/zip-archive.js';
import { readZipDirectory } from '../../src/import/zip-limits.js';
import { readZip } from './read-zip.js';

/** CRC-32 (IEEE, as zip uses it), bit by bit: an oracle independent of zlib. */
function crc32(bytes: Buffer): number {
    let crc = 0xffffffff;
    for (const byte of bytes) {
        crc ^= byte;
        for (let bit = 0; bit < 8; bit++) {
            crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
        }
    }
    return (crc ^ 0xffffffff) >>> 0;
}

describe('zipArchive', () => {
    const entries = [
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/empty.xml', data: Buffer.alloc(0) },
        { name: 'xl/sharedStrings.xml', data: Buffer.from('<si><t>绩效指标</t></si>'.repeat(5000), 'utf8') }
    ];
    let zip: Buffer;
    beforeAll(async () => {
        zip = await zipArchive(entries);
    });

    it('holds every entry, in order, deflated, with its bytes and CRC-32', () => {
        const files = readZip(zip);
        expect([...files.keys()]).toEqual(entries.map(entry => entry.name));
        for (const entry of entries) {
            const file = files.get(entry.name)!;
            expect(file.method).toBe(8);
            expect(file.data.equals(entry.data)).toBe(true);
            expect(file.crc).toBe(crc32(entry.data));
        }
    });

    it('declares sizes the importer\'s zip checks accept, and compresses repetitive XML', () => {
        const directory = readZipDirectory(zip, 'test.zip');
        expect(directory.map(entry => [entry.name, entry.uncompressedSize])).toEqual(entries.map(entry => [entry.name, entry.data.length]));
        expect(directory[2].compressedSize).toBeLessThan(entries[2].data.length / 20);
        // The local header repeats the central directory's sizes and CRC (no data descriptors).
        const local = directory[2].localHeaderOffset;
        expect(zip.readUInt32LE(local)).toBe(0x04034b50);
        expect(zip.readUInt32LE(local + 14)).toBe(crc32(entries[2].data));
        expect(zip.readUInt32LE(local + 18)).toBe(directory[2].compressedSize);
        expect(zip.readUInt32LE(local + 22)).toBe(entries[2].data.length);
    });

    it('is reproducible: fixed timestamps (1980-01-01 00:00), in every time zone', async () => {
        expect((await zipArchive(entries)).equals(zip)).toBe(true);
        // UTC-12, west of any zone yazl may have loaded in (it clamps dates before its own 1980-01-01 local):
        // a Date read in another zone than it was built in would move the entries' date by half a day.
        vi.stubEnv('TZ', 'Etc/GMT+12');
        expect((await zipArchive(entries)).equals(zip)).toBe(true);
        for (const entry of readZipDirectory(zip, 'test.zip')) {
            expect(zip.readUInt16LE(entry.localHeaderOffset + 10)).toBe(0); // DOS time 00:00:00
            expect(zip.readUInt16LE(entry.localHeaderOffset + 12)).toBe((1 << 5) | 1); // DOS date 1980-01-01
        }
    });

    afterEach(() => vi.unstubAllEnvs());
});
