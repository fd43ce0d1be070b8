/**
 * The zip container of the XLSX package, written by yazl: entries in the order given, deflated by Node's
 * native zlib (exceljs's pure-JS deflate was most of its write time), sizes and CRC in the local headers.
 * What perf adds is reproducibility: the same table always gives the same bytes.
 */
import { buffer } from 'node:stream/consumers';
import { ZipFile } from 'yazl';

export interface ZipEntry {
    /** Path inside the archive, with forward slashes. */
    name: string;
    data: Buffer;
}

// Every entry carries 1980-01-01 00:00, the earliest DOS date, instead of the time of writing. yazl turns a
// Date into DOS fields in local time, so a Date built from local fields (per call: the zone may have changed)
// gives the same bytes in every time zone; forceDosTimestamp leaves out the extra UTC timestamp field.
function fixedEntryOptions() {
    return { mtime: new Date(1980, 0, 1), forceDosTimestamp: true, compress: true };
}

/** The bytes of a zip archive holding `entries` in order. */
export async function zipArchive(entries: readonly ZipEntry[]): Promise<Buffer> {
    const zip = new ZipFile();
    const options = fixedEntryOptions();
    for (const entry of entries) {
        zip.addBuffer(entry.data, entry.name, options);
    }
    zip.end();
    return buffer(zip.outputStream);
}
