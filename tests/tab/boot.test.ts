/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootTexts, showBootText } from '../../src/tab/boot.js';
import { catalogs } from '../../src/tab/i18n/i18n.js';

describe('the loading indicator before the app runs', () => {
  it('says what the catalogues say, in both languages', () => {
    for (const locale of ['nl', 'en'] as const) {
      expect(bootTexts[locale]).toEqual({
        loading: catalogs[locale]['app.loading'],
        failed: catalogs[locale]['app.loadFailed'],
      });
    }
  });

  it('is in index.html from the first byte, in Dutch', () => {
    const html = readFileSync(join(process.cwd(), 'src/tab/index.html'), 'utf8');
    expect(html).toContain(
      `<div class="boot" role="status" aria-live="polite">${bootTexts.nl.loading}</div>`,
    );
  });

  it('switches language, and says so when the app could not load', () => {
    document.body.innerHTML = '<div id="root"><div class="boot" role="status">Laden…</div></div>';
    const root = document.getElementById('root') as HTMLElement;
    showBootText(root, 'en', 'loading');
    expect(root.textContent).toBe('Loading…');
    showBootText(root, 'nl', 'failed');
    expect(root.textContent).toBe('De app kon niet worden geladen.');
    expect(root.querySelector('.boot-failed')).not.toBeNull();
  });
});
