/** The reaction on a version in Chromium: once confirmed, its result stands where the person is and has focus. */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { buildConversation } from '../support/cycle.js';
import { newPage, open, tabSuite } from './support.js';

const suite = tabSuite();

/** What has focus: the step result's test id, or the tag of whatever else it is. */
const focusedResult = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.getAttribute('data-testid') ?? active?.tagName ?? '';
  });

/** Whether the result is what a person sees at its place: not hidden under anything (such as a toast's layer). */
const resultOnTop = (page: Page) =>
  page.evaluate(() => {
    const result = document.querySelector('[data-testid="step-result"]');
    if (!result) return false;
    const box = result.getBoundingClientRect();
    const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return seen !== null && result.contains(seen);
  });

/** Chooses a reaction, sends it and confirms it in the dialog (full width) or inline (side panel). */
async function react(page: Page, choice: RegExp, confirm: string): Promise<void> {
  await page.getByRole('radio', { name: choice }).check();
  await page.getByRole('button', { name: 'Reactie versturen' }).click();
  await page
    .getByRole('dialog')
    .or(page.getByTestId('confirm-inline'))
    .getByRole('button', { name: confirm })
    .click();
}

describe('the result of a reaction', () => {
  it('stands in place of the form with focus and a toast: after the dialog at 1280 px and inline at 320 px', async () => {
    const base = suite.server.url;
    const { id } = await buildConversation({
      type: 'reflectie',
      stage: 'awaiting_approval',
      server: suite.server,
      employee: 'daan',
      start: 2,
    });

    // She agrees at full width: the dialog closes and focus goes to the result, not back to the top.
    const employee = await newPage(suite.browser, 1280);
    await open(employee, base, 'daan', `/gesprek/${id}/akkoord`);
    await react(employee, /^Akkoord —/, 'Akkoord geven');
    const result = employee.getByTestId('step-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toBe('Je reactie op versie 1 is vastgelegd.');
    await employee.locator('.fui-ToastTitle', { hasText: 'Reactie vastgelegd' }).waitFor();
    // Once the dialog has gone (it hands focus back as it closes), focus is on the result.
    await employee.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focusedResult(employee)).toBe('step-result');
    expect(await resultOnTop(employee)).toBe(true);
    await employee.context().close();

    // He agrees in the meeting side panel: inline, and the same result takes focus there.
    const manager = await newPage(suite.browser, 320);
    await open(manager, base, 'jeroen', `/gesprek/${id}/akkoord`, '&view=zijpaneel');
    await react(manager, /^Akkoord —/, 'Akkoord geven');
    await manager.getByTestId('step-result').waitFor();
    await manager.locator('.fui-ToastTitle', { hasText: 'Reactie vastgelegd' }).waitFor();
    expect(await focusedResult(manager)).toBe('step-result');
    expect(await resultOnTop(manager)).toBe(true);
    await manager.context().close();
  }, 180_000);
});
