import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seededPassword } from '../hosted-api/seed';
import { cleanup, freshDataDir, startHostedApiProcess } from './harness';
import { claim, closeAccount, criteriaOf, screenshotsDir, seriousAxeViolations, signIn, signOut, syncNow, untilOnServer, waitForOfflineBatch, waitForSaved, waitForVideo, waitForVideoNear, writeOverallFeedback } from './page-helpers';
import { useWorkstationSession } from './session';

const session = useWorkstationSession({ previewPerTest: false }); // each test starts its own, signed in to its server

async function scoreAll(page: Page, level: string): Promise<void> {
  await criteriaOf(page).first().focus();
  const criteria = await criteriaOf(page).count();
  for (let press = 0; press < criteria; press++) await page.keyboard.press(level);
  await waitForSaved(page);
}

describe('an appeal answered from the audit trail', () => {
  it('an assessor comments, decides, undoes and decides again; the lead reads who decided, on what evidence, what changed after, and exports the CSV', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir });
    try {
      await session.startPreview({ serverUrl: api.url }); // the default 10 s undo window
      const { page } = session;
      await page.goto(session.preview.url);
      await signIn(page, 'assessor@example.org', seededPassword);
      await claim(page, 1);
      await waitForOfflineBatch(page, session.preview);
      await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option', { name: /Submission 0001/ }).click();
      await waitForVideo(page);
      await page.keyboard.press('l'); // +10 s
      await waitForVideoNear(page, 10);
      await page.keyboard.press('c');
      await page.keyboard.type('Asks each group to justify its step.');
      await page.keyboard.press('Escape');
      await scoreAll(page, '3');
      await writeOverallFeedback(page);
      await page.keyboard.press('Alt+Shift+A');
      await page.locator('.toast').getByRole('button', { name: /^Undo/ }).click();
      await page.getByRole('heading', { level: 2, name: /Submission 0001/ }).waitFor();
      // Decided, the rubric is read-only and a level key does nothing: wait until the undo has made it editable again.
      await page.getByRole('button', { name: 'Award' }).waitFor();
      const firstCriterion = criteriaOf(page).first();
      await firstCriterion.focus();
      await page.keyboard.press('4'); // a second look raises the first criterion
      await firstCriterion.getByRole('radio', { name: /^4 · /, checked: true }).waitFor(); // shown once core has it
      await waitForSaved(page);
      await page.keyboard.press('Alt+Shift+A');
      await page.locator('.toast').getByText(/Submission 0001: Award, queued to sync/).waitFor();
      await page.locator('.toast').getByText('It has left for sync and can no longer be undone.').waitFor({ timeout: 20_000 }); // the undo window has ended
      await syncNow(page);
      await untilOnServer(serverDir, 'the decisions and their trail on the server', (store) => (store.sql(`SELECT count(*) AS n FROM audit_entries WHERE kind IN ('decision', 'decision_received')`).get() as { n: number }).n === 3);
      await signOut(page);

      await signIn(page, 'lead@example.org', seededPassword);
      await closeAccount(page);
      await page.getByRole('button', { name: 'Audit trail' }).click();
      await page.getByRole('textbox', { name: 'Submission (label or id)' }).fill('Submission 0001');
      await page.getByRole('button', { name: 'Show the trail' }).click();
      const answer = page.getByRole('region', { name: 'Who decided, on what evidence, and what changed after' });
      await answer.getByText(/^Award: decided by Assessor One on .+, on .+\. The server received it on .+\.$/).waitFor();
      await answer.getByRole('heading', { name: 'Evidence cited then (1 comment)' }).waitFor();
      await answer.getByText('0:10 · Asks each group to justify its step.').waitFor();
      await answer.getByText('Nothing changed after the decision.').waitFor();
      const timeline = page.getByRole('table', { name: /^Every change, oldest first/ });
      const changes = await timeline.getByRole('row').allInnerTexts();
      const kinds = changes.slice(1).map((row) => row.split('\t')[2]!.split(' · ')[0]);
      expect(kinds.filter((kind) => kind === 'Decision')).toHaveLength(2);
      expect(kinds).toContain('Decision undone');
      expect(kinds.at(-1)).toBe('Decision received by the server');
      expect(changes.some((row) => /Level · .*\t3 · \w+\t4 · \w+$/.test(row))).toBe(true); // the second look, before and after
      expect(await seriousAxeViolations(page)).toEqual([]);
      mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: join(screenshotsDir, 'en-lead-audit-trail.png') });

      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      expect(csv.suggestedFilename()).toMatch(/^audit-trail-.+\.csv$/);
      const lines = readFileSync((await csv.path()), 'utf8').trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^submission_id,submission_label,at,received_at,actor,actor_id,machine,machine_id,change,/);
      expect(lines).toHaveLength(changes.length); // a row per change, and the header
      expect(lines.filter((line) => line.includes(',decision_undone,'))).toHaveLength(1);
    } finally {
      await api.stop();
      cleanup(serverDir);
    }
  });
});
