// Draws the toolbar/store icons (a lens over a page's lines) into src/icons/*.png; run: node extension/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZES = [16, 32, 48, 128];
const SUPERSAMPLE = 4; // 4×4 samples per pixel: cheap anti-aliasing.
const BLUE = [31, 111, 235];
const WHITE = [255, 255, 255];

// Signed distances in unit coordinates (0..1); negative = inside.
const roundedSquare = (x, y, r) => {
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x, y, ax, ay, bx, by, halfWidth) => {
  const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy) - halfWidth;
};
const ring = (x, y, cx, cy, r, halfWidth) => Math.abs(Math.hypot(x - cx, y - cy) - r) - halfWidth;

/** The colour (or null for transparent) of one sample point. */
function sample(x, y, size) {
  if (roundedSquare(x, y, 0.22) > 0) return null;
  const lens = ring(x, y, 0.43, 0.43, 0.22, 0.065);
  const handle = segment(x, y, 0.6, 0.6, 0.8, 0.8, 0.075);
  // The page's lines inside the lens only where there are pixels enough to see them.
  const lines = size >= 32 && Math.min(
    segment(x, y, 0.33, 0.38, 0.53, 0.38, 0.03),
    segment(x, y, 0.33, 0.48, 0.49, 0.48, 0.03),
  ) < 0;
  return lens < 0 || handle < 0 || lines ? WHITE : BLUE;
}

function rgba(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = sample((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = (py * size + px) * 4;
      const n = SUPERSAMPLE * SUPERSAMPLE;
      pixels.set(a ? [r / a, g / a, b / a, (255 * a) / n].map(Math.round) : [0, 0, 0, 0], o);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A minimal RGBA PNG: IHDR, one IDAT (filter 0 on every row), IEND. */
function png(size) {
  const pixels = rgba(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method, no interlace.
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('./src/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`${size}.png`, out), png(size));
console.log(`wrote ${SIZES.map((s) => `${s}.png`).join(', ')} to ${out.pathname}`);
