import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HostedStore } from '../hosted-api/store';
import { cleanup, freshDataDir, startHostedApiProcess } from './harness';
import type { RunningHostedApi } from './harness';
import { claim, criteriaOf, signIn, waitForOfflineBatch, waitForSaved, writeOverallFeedback } from './page-helpers';
import { useWorkstationSession } from './session';

const session = useWorkstationSession({ previewPerTest: false }); // each test starts its own, signed in to its server

/** Decisions the reference server holds for a submission (read from its files, as its store keeps them). */
function decisionsOnServer(serverDir: string, label: string): number {
  const store = new HostedStore(serverDir);
  try {
    return (store.sql('SELECT count(*) AS n FROM decisions d JOIN submissions s ON s.id = d.submission_id WHERE s.label = ?').get(label) as { n: number }).n;
  } finally {
    store.close();
  }
}

/**
 * The assessor's undo window here: long enough to read the toast and press Undo on a loaded machine,
 * shorter than the default 10 s (which core's tests hold) so that waiting it out costs less.
 */
const windowSeconds = 6;

/** Signed in with an undo window of `windowSeconds`, a claimed batch of two downloaded; returns the queue. */
async function claimTwo(page: Page, api: RunningHostedApi): Promise<ReturnType<Page['getByRole']>> {
  await session.startPreview({ serverUrl: api.url, undoWindowSeconds: windowSeconds });
  await page.goto(session.preview.url);
  await signIn(page, 'assessor@example.org', 'correct horse battery staple');
  await claim(page, 2);
  const queue = page.getByRole('listbox', { name: 'Batch queue' });
  await queue.getByRole('option', { name: /Submission 0002/ }).waitFor();
  await waitForOfflineBatch(page, session.preview);
  return queue;
}

/** Scores every criterion 3 from the keyboard and awards with Alt+Shift+A. */
async function award(page: Page, queue: ReturnType<Page['getByRole']>, label: string): Promise<void> {
  await queue.getByRole('option', { name: new RegExp(label) }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(label) }).waitFor();
  await criteriaOf(page).first().focus();
  const criteria = await criteriaOf(page).count();
  for (let press = 0; press < criteria; press++) await page.keyboard.press('3');
  await writeOverallFeedback(page);
  await waitForSaved(page);
  await page.keyboard.press('Alt+Shift+A');
}

const toast = (page: Page) => page.locator('.toast');

describe('undo that works online and offline', () => {
  it('online: a decision waits out its window, counting down; undo in it leaves the server untouched; then it leaves once', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir });
    try {
      const { page } = session;
      const queue = await claimTwo(page, api);
      await award(page, queue, 'Submission 0001');
      await page.getByRole('heading', { level: 2, name: /Submission 0002/ }).waitFor(); // core moved on
      const undo = toast(page).getByRole('button', { name: /^Undo \((\d+) s\)$/ });
      const shown = Number(/\((\d+) s\)/.exec((await undo.textContent()) ?? '')?.[1]);
      expect(shown).toBeGreaterThan(1);
      expect(shown).toBeLessThanOrEqual(windowSeconds);
      await undo.click();
      await page.getByRole('heading', { level: 2, name: /Submission 0001/ }).waitFor();
      await page.getByRole('button', { name: 'Award' }).waitFor(); // editable again
      // That the undone decision never leaves, even after its window, is core's rule, held with a
      // stopped clock in tests/integration/undo-window.test.ts; here the server holds one decision at the end.

      // Decided again and left alone: it leaves when the window ends, and Undo goes with it.
      await page.keyboard.press('Alt+Shift+A');
      await toast(page).getByText('It has left for sync and can no longer be undone.').waitFor({ timeout: 20_000 });
      await expect(toast(page).getByRole('button', { name: /^Undo/ }).count()).resolves.toBe(0);
      await toast(page).waitFor({ state: 'detached', timeout: 15_000 }); // nothing left to do with it: it goes
      await queue.getByRole('option', { name: /Submission 0001.*Synced/ }).waitFor({ timeout: 20_000 });
      expect(decisionsOnServer(serverDir, 'Submission 0001')).toBe(1);

      // The banner's Undo: the last submission of the batch stays open, decided; Undo makes it editable.
      await award(page, queue, 'Submission 0002');
      const banner = page.locator('.decision-banner');
      await banner.getByRole('button', { name: /^Undo \(\d+ s\)$/ }).click(); // counting down here too
      await page.getByRole('button', { name: 'Award' }).waitFor();
      await expect(banner.count()).resolves.toBe(0);
      // Decided once more: only this decision reaches the server.
      await page.keyboard.press('Alt+Shift+A');
      await queue.getByRole('option', { name: /Submission 0002.*Synced/ }).waitFor({ timeout: 30_000 });
      expect(decisionsOnServer(serverDir, 'Submission 0002')).toBe(1);
    } finally {
      await api.close();
      cleanup(serverDir);
    }
  });

  it('offline: undo within the window returns the submission editable; once the window ends it is queued, and reaches the server once', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir, restartable: true });
    try {
      const { page } = session;
      const queue = await claimTwo(page, api);
      await api.stop(); // the network goes away
      await award(page, queue, 'Submission 0001');
      await toast(page).getByRole('button', { name: /^Undo \(\d+ s\)$/ }).click();
      await page.getByRole('heading', { level: 2, name: /Submission 0001/ }).waitFor();
      await page.getByRole('button', { name: 'Award' }).waitFor();
      await expect(page.locator('.decision-banner').count()).resolves.toBe(0);

      await page.keyboard.press('Alt+Shift+A');
      await toast(page).getByText('It has left for sync and can no longer be undone.').waitFor({ timeout: 20_000 });
      await queue.getByRole('option', { name: /Submission 0001.*Queued to sync/ }).waitFor();
      await api.start(); // back online, at the address the workstation knows
      await page.getByRole('button', { name: 'Sync now' }).click();
      await queue.getByRole('option', { name: /Submission 0001.*Synced/ }).waitFor({ timeout: 30_000 });
      expect(decisionsOnServer(serverDir, 'Submission 0001')).toBe(1);
    } finally {
      await api.close();
      cleanup(serverDir);
    }
  });
});
