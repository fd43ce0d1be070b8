/**
 * Builds .xlsx zip bombs from a real workbook: one worksheet padded with whitespace (valid XML) that inflates
 * to `inflatedMegabytes`, deflated chunk by chunk so the test never holds the inflated bytes. The central
 * directory either states the true size (an honest bomb) or the small original size (a lying one).
 */
import { crc32, deflateRawSync, constants } from 'node:zlib';
import JSZip from 'jszip';

interface Entry { name: string; data: Buffer; crc: number; compressedSize: number; declaredSize: number }

export async function zipBomb(xlsx: Buffer, inflatedMegabytes: number, lie: boolean): Promise<Buffer> {
    const source = await JSZip.loadAsync(xlsx);
    const entries: Entry[] = [];
    for (const file of Object.values(source.files).filter(file => !file.dir)) {
        const content = await file.async('nodebuffer');
        if (file.name !== 'xl/worksheets/sheet1.xml') {
            entries.push({ name: file.name, data: deflateRawSync(content), crc: crc32(content), compressedSize: 0, declaredSize: content.length });
            continue;
        }
        const end = content.lastIndexOf('</worksheet>');
        const chunk = Buffer.alloc(1024 * 1024, ' ');
        let crc = crc32(content.subarray(0, end));
        const parts = [deflateRawSync(content.subarray(0, end), { finishFlush: constants.Z_FULL_FLUSH })];
        // Each full-flushed chunk of spaces deflates alone; the parts concatenate to one raw deflate stream.
        const flushedChunk = deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH });
        for (let i = 0; i < inflatedMegabytes; i++) {
            parts.push(flushedChunk);
            crc = crc32(chunk, crc);
        }
        const tail = content.subarray(end);
        parts.push(deflateRawSync(tail));
        crc = crc32(tail, crc);
        const inflated = end + inflatedMegabytes * chunk.length + tail.length;
        entries.push({ name: file.name, data: Buffer.concat(parts), crc, compressedSize: 0, declaredSize: lie ? content.length : inflated });
    }
    return writeZip(entries);
}

/** A plain zip (deflate, no data descriptors) of the given entries. */
function writeZip(entries: Entry[]): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
        const name = Buffer.from(entry.name, 'utf8');
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4);
        local.writeUInt16LE(8, 8);
        local.writeUInt32LE(entry.crc >>> 0, 14);
        local.writeUInt32LE(entry.data.length, 18);
        local.writeUInt32LE(entry.declaredSize, 22);
        local.writeUInt16LE(name.length, 26);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(20, 4);
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(8, 10);
        central.writeUInt32LE(entry.crc >>> 0, 16);
        central.writeUInt32LE(entry.data.length, 20);
        central.writeUInt32LE(entry.declaredSize, 24);
        central.writeUInt16LE(name.length, 28);
        central.writeUInt32LE(offset, 42);
        locals.push(local, name, entry.data);
        centrals.push(central, name);
        offset += local.length + name.length + entry.data.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
}
