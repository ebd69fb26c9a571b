import type { RgbaImage } from './icon-formats';

type Rgb = [number, number, number];
/** A shape in unit coordinates (0..1, y down) with its paint. */
interface Layer {
  inside: (x: number, y: number) => boolean;
  paint: (x: number, y: number) => Rgb;
}

const hex = (value: string): Rgb => [
  parseInt(value.slice(1, 3), 16),
  parseInt(value.slice(3, 5), 16),
  parseInt(value.slice(5, 7), 16),
];
const flat = (color: string) => {
  const rgb = hex(color);
  return () => rgb;
};
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

function roundedSquare(inset: number, radius: number) {
  const lo = inset;
  const hi = 1 - inset;
  return (x: number, y: number) => {
    if (x < lo || x > hi || y < lo || y > hi) return false;
    const dx = Math.max(lo + radius - x, 0, x - (hi - radius));
    const dy = Math.max(lo + radius - y, 0, y - (hi - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

const SPINE = 0.5;
const PAGE_WIDTH = 0.31;
const PAGE_HEIGHT = 0.36;

/** Top edge of a page at distance u (0 at the spine, 1 at the outer edge): rises, then flattens. */
const pageTop = (u: number) => 0.33 - 0.11 * u + 0.065 * u * u;
/** Page coordinate u for a point, on the left (-1) or right (+1) page. */
const pageU = (x: number, side: -1 | 1) => ((x - SPINE) * side) / PAGE_WIDTH;

function page(side: -1 | 1, drop = 0, widen = 0) {
  return (x: number, y: number) => {
    const u = pageU(x, side);
    const top = pageTop(Math.min(u, 1)) + drop;
    return u >= 0 && u <= 1 + widen && y >= top && y <= top + PAGE_HEIGHT;
  };
}

/** A line of "text" that follows the curve of its page. */
function textLine(side: -1 | 1, offset: number, length: number) {
  return (x: number, y: number) => {
    const u = pageU(x, side);
    const top = pageTop(u) + offset;
    return u >= 0.14 && u <= 0.14 + length && y >= top && y <= top + 0.017;
  };
}

function ribbon(x: number, y: number): boolean {
  const left = 0.705;
  const right = 0.765;
  if (x < left || x > right) return false;
  const top = pageTop(pageU(x, 1));
  const notch = 0.57 - 0.035 * (1 - Math.abs((x - (left + right) / 2) / ((right - left) / 2)));
  return y >= top && y <= notch;
}

const circle = (cx: number, cy: number, r: number) => (x: number, y: number) =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx: number, cy: number, r: number, width: number) => (x: number, y: number) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r && d >= r - width;
};

function layers(): Layer[] {
  const top = hex('#1f7a80');
  const bottom = hex('#263a6b');
  const cream = '#fbf7ee';
  const lines = '#b9c4d6';
  const text = [0.07, 0.115, 0.16, 0.205, 0.25];
  return [
    { inside: roundedSquare(0.055, 0.2), paint: (_x, y) => mix(top, bottom, y) },
    { inside: page(-1, 0.03, 0.02), paint: flat('#cdbf9f') },
    { inside: page(1, 0.03, 0.02), paint: flat('#d9ccad') },
    {
      inside: page(-1),
      paint: (x) => mix(hex('#e7dfcb'), hex(cream), Math.min(1, pageU(x, -1) * 1.6)),
    },
    {
      inside: page(1),
      paint: (x) => mix(hex('#eee7d6'), hex(cream), Math.min(1, pageU(x, 1) * 1.6)),
    },
    ...text.map((offset, i) => ({
      inside: textLine(-1, offset, i === 4 ? 0.4 : 0.7),
      paint: flat(lines),
    })),
    ...text.map((offset, i) => ({
      inside: textLine(1, offset, i === 1 ? 0.45 : 0.7),
      paint: flat(lines),
    })),
    { inside: ribbon, paint: flat('#f2a541') },
    { inside: circle(0.4, 0.83, 0.032), paint: flat('#f2a541') },
    { inside: circle(0.5, 0.83, 0.032), paint: flat(cream) },
    { inside: ring(0.6, 0.83, 0.032, 0.012), paint: flat(cream) },
  ];
}

/** Renders the icon at `size` pixels with `samples`² supersampling for clean edges. */
export function drawIcon(size: number, samples = 4): RgbaImage {
  const scene = layers();
  const pixels = new Uint8Array(size * size * 4);
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let s = 0; s < n; s++) {
        const x = (px + ((s % samples) + 0.5) / samples) / size;
        const y = (py + (Math.floor(s / samples) + 0.5) / samples) / size;
        let color: Rgb | undefined;
        for (const layer of scene) if (layer.inside(x, y)) color = layer.paint(x, y);
        if (!color) continue;
        r += color[0];
        g += color[1];
        b += color[2];
        covered++;
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      pixels.set([r / covered, g / covered, b / covered, (255 * covered) / n].map(Math.round), at);
    }
  }
  return { size, pixels };
}
