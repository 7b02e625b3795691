// Draws images/icon.png (128×128): a checklist of readiness sections, passing in green, one failing in red.
// Generated rather than drawn by hand so it can be changed without an image editor: `node images/make-icon.mjs`.
import fs from 'node:fs';
import zlib from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersampling per axis, for smooth edges
const BG = [31, 42, 68];
const LINE = [200, 210, 230];
const OK = [76, 175, 80];
const BAD = [229, 83, 75];

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function nearSegment(x, y, ax, ay, bx, by, w) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= w / 2;
}

// Returns the colour at a point, or null for transparent.
function shade(x, y) {
  if (!insideRoundedRect(x, y, 4, 4, 124, 124, 22)) return null;
  const rows = [28, 52, 76, 100];
  for (const [i, ry] of rows.entries()) {
    const bad = i === 2;
    if (bad) {
      if (nearSegment(x, y, 22, ry - 8, 38, ry + 8, 6) || nearSegment(x, y, 38, ry - 8, 22, ry + 8, 6)) return BAD;
    } else if (nearSegment(x, y, 20, ry, 27, ry + 7, 6) || nearSegment(x, y, 27, ry + 7, 40, ry - 8, 6)) {
      return OK;
    }
    if (insideRoundedRect(x, y, 50, ry - 4, i % 2 ? 96 : 108, ry + 4, 4)) return LINE;
  }
  return BG;
}

const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  raw[y * (1 + SIZE * 4)] = 0; // PNG filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = shade(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (c) { sum[0] += c[0]; sum[1] += c[1]; sum[2] += c[2]; sum[3] += 255; }
      }
    }
    const n = SS * SS;
    const covered = sum[3] / 255;
    const o = y * (1 + SIZE * 4) + 1 + x * 4;
    raw[o] = covered ? Math.round(sum[0] / covered) : 0;
    raw[o + 1] = covered ? Math.round(sum[1] / covered) : 0;
    raw[o + 2] = covered ? Math.round(sum[2] / covered) : 0;
    raw[o + 3] = Math.round(sum[3] / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(new URL('./icon.png', import.meta.url), png);
