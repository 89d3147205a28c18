/**
 * Draws the app's icons: two overlapping speech bubbles, the mark of a conversation between two people.
 * Run `tsx manifest/draw-icons.ts` to write the PNGs; the tests redraw them and compare with the committed files.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];

/** Calm teal: the accent colour of the app (also `accentColor` in the manifest). */
export const accentColor = '#2B7A78';
const teal: Rgb = [0x2b, 0x7a, 0x78];
const mist: Rgb = [0xcd, 0xeb, 0xe8];
const white: Rgb = [0xff, 0xff, 0xff];

/** A point test in unit coordinates (0..1 across the icon). */
type Shape = (x: number, y: number) => boolean;

function roundedRect(cx: number, cy: number, hw: number, hh: number, r: number): Shape {
  return (x, y) => {
    const qx = Math.abs(x - cx) - (hw - r);
    const qy = Math.abs(y - cy) - (hh - r);
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - r <= 0;
  };
}

function triangle(a: [number, number], b: [number, number], c: [number, number]): Shape {
  // Sign of the cross product tells on which side of an edge a point lies.
  const side = (p: [number, number], q: [number, number], x: number, y: number) =>
    (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  return (x, y) => {
    const d1 = side(a, b, x, y);
    const d2 = side(b, c, x, y);
    const d3 = side(c, a, x, y);
    const negative = d1 < 0 || d2 < 0 || d3 < 0;
    const positive = d1 > 0 || d2 > 0 || d3 > 0;
    return !(negative && positive);
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) <= r;
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (shape: Shape, cut: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !cut(x, y);

/** The geometry, grown by `grow` (unit coordinates) to cut a gap around the front bubble. */
function backBubble(): Shape {
  return union(roundedRect(0.4, 0.37, 0.27, 0.19, 0.09), triangle([0.2, 0.48], [0.36, 0.5], [0.16, 0.68]));
}
function frontBubble(grow = 0): Shape {
  return union(
    roundedRect(0.6, 0.61, 0.27 + grow, 0.19 + grow, 0.09 + grow),
    triangle([0.64 - grow, 0.74], [0.8 + grow, 0.72], [0.85 + grow * 1.5, 0.9 + grow * 1.5]),
  );
}
function dots(r: number): Shape {
  return union(circle(0.49, 0.61, r), circle(0.6, 0.61, r), circle(0.71, 0.61, r));
}

interface Layer {
  shape: Shape;
  color: Rgb;
  /** 0 paints transparency (a cut-out). */
  alpha: number;
}

const samples = 4;

/** Rasterises layers, painted in order, with 4×4 supersampling for smooth edges. */
function render(size: number, layers: Layer[], background?: Rgb): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color: Rgb | undefined = background;
          let alpha = background ? 1 : 0;
          for (const layer of layers) {
            if (layer.shape(x, y)) {
              color = layer.color;
              alpha = layer.alpha;
            }
          }
          if (color && alpha > 0) {
            r += color[0] * alpha;
            g += color[1] * alpha;
            b += color[2] * alpha;
            a += alpha;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour is averaged over covered samples only, so edges keep their hue and fade by alpha.
      png.data[i] = a > 0 ? Math.round(r / a) : 0;
      png.data[i + 1] = a > 0 ? Math.round(g / a) : 0;
      png.data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return png;
}

/** The full-colour icon: light bubbles on a teal field, 192×192 (Teams `icons.color`). */
export function drawColorIcon(size = 192): PNG {
  return render(
    size,
    [
      { shape: backBubble(), color: mist, alpha: 1 },
      { shape: frontBubble(0.04), color: teal, alpha: 1 },
      { shape: frontBubble(), color: white, alpha: 1 },
      { shape: dots(0.035), color: teal, alpha: 1 },
    ],
    teal,
  );
}

/** The outline icon: white on transparent only, 32×32 (Teams `icons.outline`). */
export function drawOutlineIcon(size = 32): PNG {
  const stroke = 2.2 / size;
  const ring = minus(frontBubble(), frontBubble(-stroke));
  return render(size, [
    { shape: minus(backBubble(), frontBubble(0.07)), color: white, alpha: 1 },
    { shape: ring, color: white, alpha: 1 },
    { shape: dots(0.034), color: white, alpha: 1 },
  ]);
}

/** Ribbon button icons for Outlook (16, 32 and 80 pixels): the colour icon on a transparent corner. */
export function drawRibbonIcon(size: number): PNG {
  const field = roundedRect(0.5, 0.5, 0.5, 0.5, 0.18);
  const back = backBubble();
  const gap = frontBubble(0.04);
  const front = frontBubble();
  return render(size, [
    { shape: field, color: teal, alpha: 1 },
    { shape: (x, y) => field(x, y) && back(x, y), color: mist, alpha: 1 },
    { shape: (x, y) => field(x, y) && gap(x, y), color: teal, alpha: 1 },
    { shape: (x, y) => field(x, y) && front(x, y), color: white, alpha: 1 },
    { shape: dots(0.04), color: teal, alpha: 1 },
  ]);
}

/** Sizes of the Outlook ribbon icons, as the add-in manifest lists them. */
export const ribbonIconSizes = [16, 32, 80] as const;

/** Where each icon is written, relative to the repository root. */
export const iconFiles = {
  color: 'manifest/color.png',
  outline: 'manifest/outline.png',
  ribbon: (size: number) => `src/outlook/public/assets/icon-${size}.png`,
} as const;

/** Writes every icon below `root`. */
export function writeIcons(root: string): void {
  writeFileSync(join(root, iconFiles.color), PNG.sync.write(drawColorIcon()));
  writeFileSync(join(root, iconFiles.outline), PNG.sync.write(drawOutlineIcon()));
  for (const size of ribbonIconSizes) {
    writeFileSync(join(root, iconFiles.ribbon(size)), PNG.sync.write(drawRibbonIcon(size)));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeIcons(join(dirname(fileURLToPath(import.meta.url)), '..'));
}
