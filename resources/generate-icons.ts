/**
 * Writes the app icons into resources/: icon.png (1024 px, Linux and the
 * window icon), icon.ico (Windows) and icon.icns (macOS), all from one drawing
 * (an open book with a bookmark, over three dots: a sequence in progress).
 * Run: npx tsx resources/generate-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawIcon } from './icons/draw-icon';
import { ICNS_TYPES, encodeIcns, encodeIco, encodePng } from './icons/icon-formats';

const out = import.meta.dirname;
const sizes = [...new Set([16, 24, 32, 48, 64, 128, 256, ...ICNS_TYPES.map(([, size]) => size)])];
const renders = new Map(sizes.map((size) => [size, drawIcon(size, size >= 512 ? 3 : 4)]));
const pngs = new Map([...renders].map(([size, image]) => [size, encodePng(image)]));

writeFileSync(join(out, 'icon.png'), pngs.get(1024)!);
writeFileSync(
  join(out, 'icon.ico'),
  encodeIco([16, 24, 32, 48, 64, 128, 256].map((s) => renders.get(s)!)),
);
writeFileSync(join(out, 'icon.icns'), encodeIcns(pngs));
console.log(`icons written to ${out}`);
