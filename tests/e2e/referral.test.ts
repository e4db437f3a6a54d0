import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededPassword } from '../hosted-api/seed';
import { cleanup, freshDataDir, startHostedApiProcess } from './harness';
import { claim, closeAccount, screenshotsDir, seriousAxeViolations, signIn, signOut, syncNow, untilOnServer } from './page-helpers';
import { useWorkstationSession } from './session';

const session = useWorkstationSession({ previewPerTest: false }); // each test starts its own, signed in to its server


describe('referring a submission to a lead', () => {
  it('an assessor refers with a reason and a question; a lead answers from the referrals view; the assessor reads the answer with the submission', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir });
    try {
      await session.startPreview({ serverUrl: api.url, undoWindowSeconds: 0 });
      const { page } = session;
      await page.goto(session.preview.url);
      await signIn(page, 'assessor@example.org', seededPassword);
      await claim(page, 1);
      await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option').first().click();
      mkdirSync(screenshotsDir, { recursive: true });
      await page.getByRole('button', { name: 'Refer to a lead…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Refer this submission to a lead' });
      await dialog.getByRole('button', { name: 'Refer', exact: true }).click();
      await dialog.getByText('Choose a reason and write your question.').waitFor();
      await dialog.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'The rubric does not say how to score this' });
      await dialog.getByRole('textbox', { name: 'Your question' }).fill('Does a peer explanation count as the candidate questioning?');
      await dialog.getByRole('button', { name: 'Refer', exact: true }).click();
      await page.getByRole('button', { name: /^Referred to a lead: waiting for an answer/ }).waitFor();
      await syncNow(page);
      await untilOnServer(serverDir, 'the referral on the server', (store) => store.referrals.list(null)[0]?.messages.length === 1); // signing out now would keep it here, unsent
      await signOut(page);

      await signIn(page, 'lead@example.org', seededPassword);
      await closeAccount(page);
      await page.getByRole('button', { name: 'Referrals' }).click();
      await page.getByText('1 waiting for an answer').waitFor();
      const thread = page.getByRole('region', { name: 'Referral: The rubric does not say how to score this' });
      await thread.getByText('Does a peer explanation count as the candidate questioning?').waitFor();
      await thread.getByRole('textbox', { name: 'Reply' }).fill('Only if the candidate prompted it: score what the teacher does.');
      await thread.getByRole('button', { name: 'Send' }).click();
      await thread.getByRole('listitem').filter({ hasText: 'Only if the candidate prompted it' }).waitFor(); // (online, it leaves at once)
      expect(await seriousAxeViolations(page)).toEqual([]);
      mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: join(screenshotsDir, 'en-lead-referrals.png') });
      await syncNow(page);
      await untilOnServer(serverDir, 'the answer on the server', (store) => store.referrals.list(null)[0]?.messages.length === 2);
      await signOut(page);

      await signIn(page, 'assessor@example.org', seededPassword);
      await closeAccount(page);
      await syncNow(page); // the answer comes with the quality data of this sync
      // The queue marks the submission the lead answered, before it is opened.
      await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option').filter({ hasText: 'Lead answered' }).click();
      const strip = page.getByRole('button', { name: /^Referred to a lead: answered/ });
      await strip.click(); // one line until opened
      await page.getByText('Only if the candidate prompted it: score what the teacher does.').waitFor();
      await page.screenshot({ path: join(screenshotsDir, 'en-referral-answered.png') });
    } finally {
      await api.stop();
      cleanup(serverDir);
    }
  });
});
