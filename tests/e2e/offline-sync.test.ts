import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostedStore } from '../hosted-api/store';
import { cleanup, freshDataDir, startHostedApiProcess } from './harness';
import { claim, closeAccount, criteriaOf, openAccount, screenshotsDir, signIn, waitForOfflineBatch, waitForSaved, writeOverallFeedback } from './page-helpers';
import { useWorkstationSession } from './session';

const session = useWorkstationSession({ previewPerTest: false }); // each test starts its own, signed in to its server

describe('hosted API from the workstation', () => {
  it('signs in, claims, downloads, scores offline, reconnects and shows "Synced"', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir, restartable: true });
    try {
      await session.startPreview({ serverUrl: api.url, undoWindowSeconds: 0 }); // decisions leave at once: this test is not about undo
      const { page, preview } = session;
      await page.goto(preview.url);
      await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option', { name: /Submission 001/ }).click();
      await page.getByRole('heading', { level: 2, name: /Submission 001/ }).waitFor(); // a demo submission is open
      const drawer = await openAccount(page);
      await expect(drawer.getByRole('textbox', { name: 'Server' }).inputValue()).resolves.toBe(api.url);
      await drawer.getByText(/keeps your session and the key to its database in files only your user can read/).waitFor();
      await signIn(page, 'assessor@example.org', 'correct horse battery staple');
      await claim(page, 2);
      await page.locator('.toast').getByText('Claimed 2 submissions; their evidence is downloading.').waitFor();
      await page.getByText(/^Choose a submission from the queue/).waitFor(); // the demo one is not part of the new batch
      const queue = page.getByRole('listbox', { name: 'Batch queue' });
      await queue.getByRole('option', { name: /Submission 0001/ }).waitFor();
      // Downloaded and verified: nothing in the batch is waiting for the network any more.
      await waitForOfflineBatch(page, preview);

      await api.stop(); // the network goes away
      await queue.getByRole('option', { name: /Submission 0001/ }).click();
      await page.getByRole('heading', { level: 2, name: /Submission 0001/ }).waitFor();
      await page.waitForFunction(() => (document.querySelector<HTMLMediaElement>('.video-host video')?.readyState ?? 0) >= 1); // plays offline
      await criteriaOf(page).first().focus();
      const criteria = await criteriaOf(page).count();
      for (let press = 0; press < criteria; press++) await page.keyboard.press('3');
      await writeOverallFeedback(page);
      await waitForSaved(page);
      await page.keyboard.press('Alt+Shift+A');
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByText(/^Offline · 1 waiting to sync/).waitFor();
      await queue.getByRole('option', { name: /Submission 0001.*Queued to sync/ }).waitFor();

      await api.start(); // back online, at the address the workstation knows
      await page.getByRole('button', { name: 'Sync now' }).click();
      await queue.getByRole('option', { name: /Submission 0001.*Synced/ }).waitFor();
      await page.getByText(/^Online · synced /).waitFor();

      // While the assessor scores the second submission, its lease lapses and it goes to someone else.
      const store = new HostedStore(serverDir);
      try {
        const [, second] = store.assignments(store.accountByEmail('assessor@example.org')!.id, new Date());
        store.expireLease(second!.submissionId, new Date());
        store.claim(store.accountByEmail('assessor2@example.org')!.id, 1, new Date(), 3600);
      } finally {
        store.close();
      }
      await queue.getByRole('option', { name: /Submission 0002/ }).click();
      await page.getByRole('heading', { level: 2, name: /Submission 0002/ }).waitFor();
      await criteriaOf(page).first().focus();
      for (let press = 0; press < criteria; press++) await page.keyboard.press('3');
      await writeOverallFeedback(page);
      await waitForSaved(page);
      await page.keyboard.press('Alt+Shift+A');
      await queue.getByRole('option', { name: /Submission 0002.*Conflict/ }).waitFor();
      const conflicts = (await openAccount(page)).getByRole('region', { name: '1 decision the server refused' });
      await conflicts.getByText('Your lease on this submission ran out and it may have been given to another assessor.').waitFor();
      await conflicts.getByRole('button', { name: 'Keep my scores as a note for the lead' }).click();
      await page.getByText('Submission 0002: your scores will go to the lead as a note.').waitFor();
      await closeAccount(page);
      await queue.getByRole('option', { name: /Submission 0002.*Handed back/ }).waitFor();
      await page.getByText(/^Online · synced /).waitFor();
      // The batch has an end, said in the rail while it is shown, with what comes next.
      const done = page.getByRole('region', { name: 'Batch done' });
      await done.getByText('Every submission decided: 1 refused decision went to a lead as a note; the rest synced.').waitFor();
      await done.getByRole('button', { name: 'Claim more…' }).waitFor();
      mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: join(screenshotsDir, 'en-batch-done.png') });
    } finally {
      await api.close();
      cleanup(serverDir);
    }
  });
});
