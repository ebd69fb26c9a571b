import { crc32, deflateSync } from 'node:zlib';

type Pixel = (x: number, y: number) => [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real RGB PNG drawn by `pixel`: pictures for emails, without binary fixtures in git. */
export function makePng(width: number, height: number, pixel: Pixel): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const start = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), start + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A turtle-graphics style square spiral on a light grid, like the course's turtle exercise. */
export function spiralPng(width = 480, height = 240): Buffer {
  const cx = width / 2;
  const cy = height / 2;
  return makePng(width, height, (x, y) => {
    const dx = Math.abs(x - cx);
    const dy = Math.abs(y - cy);
    const ring = Math.max(dx, dy);
    const onSpiral = ring % 16 < 3 && ring < Math.min(cx, cy) - 6;
    if (onSpiral) return [30, 90, 200];
    if (x % 24 === 0 || y % 24 === 0) return [222, 228, 238];
    return [248, 249, 252];
  });
}
