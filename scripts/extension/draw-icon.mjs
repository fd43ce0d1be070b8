// Draws images/icon.png (128×128): a blue tile with a white table (header row, name column, rows) and a
// check mark, written as PNG bytes directly (zlib + CRC32), so no image tool is needed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const pixels = Buffer.alloc(SIZE * SIZE * 4);
const set = (x, y, [r, g, b, a]) => {
    if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) return;
    pixels.set([r, g, b, a], (y * SIZE + x) * 4);
};
const rect = (x0, y0, x1, y1, color) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y, color);
};
const BLUE = [0x1f, 0x5f, 0xb4, 255], WHITE = [255, 255, 255, 255], HEADER = [0xd6, 0xe4, 0xf5, 255], RED = [0xd0, 0x2f, 0x2f, 255];

// Rounded blue tile.
const radius = 20;
for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const dx = Math.max(radius - x, x - (SIZE - 1 - radius), 0), dy = Math.max(radius - y, y - (SIZE - 1 - radius), 0);
    if (dx * dx + dy * dy <= radius * radius) set(x, y, BLUE);
}
// The table: white sheet, header band, grid lines.
rect(18, 26, 110, 104, WHITE);
rect(18, 26, 110, 42, HEADER);
for (const y of [42, 58, 73, 88]) rect(18, y, 110, y + 2, BLUE);
for (const x of [44, 60, 76]) rect(x, 26, x + 2, 104, BLUE);
// A red check mark over the last column: the table reconciles.
for (let i = 0; i < 12; i++) rect(82 + i, 66 + i, 86 + i, 70 + i, RED);
for (let i = 0; i < 24; i++) rect(93 + i, 77 - i, 97 + i, 81 - i, RED);

const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8 bits per channel, RGBA
const raw = Buffer.concat(Array.from({ length: SIZE }, (_, y) =>
    Buffer.concat([Buffer.from([0]), pixels.subarray(y * SIZE * 4, (y + 1) * SIZE * 4)])));
const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))
]);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../images/icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
