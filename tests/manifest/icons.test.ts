/** The app icons: the sizes and colours Teams requires, and exactly what draw-icons.ts draws. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  drawColorIcon,
  drawOutlineIcon,
  drawRibbonIcon,
  iconFiles,
  ribbonIconSizes,
} from '../../manifest/draw-icons.js';
import { checkIcon, iconRules } from '../../scripts/package.js';
import { repoRoot } from './provisioned.js';

const read = (path: string) => readFileSync(join(repoRoot, path));

describe('app icons', () => {
  it('color.png is 192×192 and outline.png is 32×32, white on transparent', () => {
    for (const rule of iconRules) {
      expect(checkIcon(read(join('manifest', rule.name)), rule)).toEqual([]);
    }
    const outline = PNG.sync.read(read(iconFiles.outline));
    const alphas = new Set<number>();
    for (let i = 3; i < outline.data.length; i += 4) alphas.add(outline.data[i] as number);
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
  });

  it('the colour icon fills its square (no transparent corners)', () => {
    const color = PNG.sync.read(read(iconFiles.color));
    let notOpaque = 0;
    for (let i = 3; i < color.data.length; i += 4) if (color.data[i] !== 255) notOpaque++;
    expect(notOpaque).toBe(0);
  });

  it('flags a wrong size, a coloured outline and a file that is not a PNG', () => {
    const outlineRule = iconRules.find((r) => r.outline)!;
    const colorRule = iconRules.find((r) => !r.outline)!;
    expect(checkIcon(PNG.sync.write(drawColorIcon(96)), colorRule)).toEqual([
      'color.png: 96×96, expected 192×192',
    ]);
    const teal = PNG.sync.write(drawColorIcon(32));
    expect(checkIcon(teal, outlineRule).join()).toMatch(/pixels are not white.*no transparent background/);
    expect(checkIcon(Buffer.from('not a png'), colorRule)[0]).toMatch(/^color\.png: not a PNG/);
  });

  it('the committed icons are exactly what manifest/draw-icons.ts draws', () => {
    expect(PNG.sync.read(read(iconFiles.color)).data.equals(drawColorIcon().data)).toBe(true);
    expect(PNG.sync.read(read(iconFiles.outline)).data.equals(drawOutlineIcon().data)).toBe(true);
    for (const size of ribbonIconSizes) {
      const png = PNG.sync.read(read(iconFiles.ribbon(size)));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.data.equals(drawRibbonIcon(size).data)).toBe(true);
    }
    // Redrawing with 4×4 supersampling takes a while inside the test runner's module sandbox.
  }, 120_000);
});
