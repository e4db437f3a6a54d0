import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allCriteria } from '../../shared/domain/rubric';
import { seededPassword } from '../hosted-api/seed';
import { HostedStore } from '../hosted-api/store';
import { cleanup, freshDataDir, startHostedApiProcess } from './harness';
import { claim, closeAccount, criteriaOf, cutOrWrappedWords, pick, screenshotsDir, seriousAxeViolations, signIn, signOut, syncNow, untilOnServer, waitForSaved, waitForVideo, writeOverallFeedback } from './page-helpers';
import { useWorkstationSession } from './session';

const session = useWorkstationSession({ previewPerTest: false }); // each test starts its own, signed in to its server
const credentials = ['dp-fl-credit-scores', 'dp-fl-compound-interest', 'dp-fl-risk-return'];

async function scoreAndAward(page: Page, level: string): Promise<void> {
  await criteriaOf(page).first().focus();
  const criteria = await criteriaOf(page).count();
  for (let press = 0; press < criteria; press++) await page.keyboard.press(level);
  await writeOverallFeedback(page);
  await waitForSaved(page);
  await page.keyboard.press('Alt+Shift+A');
}

describe('backreading and lockout, as a lead and an assessor use them', () => {
  it('a lead backreads a decision and overrides a criterion; the rule locks the assessor out; they see why, fail a recalibration (final), the lead allows a retake, they pass and claim again', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir });
    try {
      // The lead's rules, set on the server. The first micro-credential: every live decision backread, and one override
      // in a decision locks out until its one-submission recalibration set (master: level 3 everywhere) is passed. The
      // other two need a qualification this assessor has not got, so a lockout on the first leaves nothing to claim.
      const store = new HostedStore(serverDir);
      let credentialTitle = '';
      try {
        for (const [index, credentialId] of credentials.entries()) {
          const { id } = store.db.prepare('SELECT id FROM submissions WHERE credential_id = ? ORDER BY position DESC LIMIT 1').get(credentialId) as { id: string };
          const submission = store.submission(id)!;
          const scores = allCriteria(submission.rubric).map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: 'Level 3: the evidence shows it.', evidence: [] }));
          const set = store.calibration.createSet('acct-lead', { credentialId, title: `Recalibration ${credentialId.replace('dp-fl-', '')}`, purpose: 'calibration', items: [{ submissionId: id, scores }] }, new Date());
          const lockout = { minGoldExact: null, goldWindow: 10, maxOverrideShare: 0.1, backreadWindow: 1, recalibrationSetId: set.id, minExactAgreement: 0.8, maxLevelsOff: 1 };
          const qualification = index === 0 ? null : { setId: set.id, minExactAgreement: 0.8, maxLevelsOff: 1 };
          store.quality.setRules({ credentialId, qualification, doubleScoringRate: 0, goldRate: 0, adjudicationTolerance: 0, backreadingRate: 1, lockout });
          if (index === 0) credentialTitle = submission.credential.title;
        }
      } finally {
        store.close();
      }
      await session.startPreview({ serverUrl: api.url, undoWindowSeconds: 0 });
      const { page } = session;
      await page.goto(session.preview.url);

      // The assessor awards a live submission.
      await signIn(page, 'assessor@example.org', seededPassword);
      await claim(page, 1);
      await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option').first().click();
      await scoreAndAward(page, '3');
      await syncNow(page);
      await untilOnServer(serverDir, 'the decision sampled for backreading', (store) => store.backreading.list().length === 1);
      await signOut(page);

      // The lead reads it again beside the evidence and overrides the first criterion.
      await signIn(page, 'lead@example.org', seededPassword);
      await closeAccount(page);
      // The lead's header and bar of views, whole in both languages at the smaller size.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: join(screenshotsDir, 'en-1280x720-lead-header.png') });
      expect(await cutOrWrappedWords(page), 'English at 1280×720').toEqual([]);
      await pick(page, 'Language', 'español');
      await page.getByRole('button', { name: 'Relectura' }).waitFor();
      await page.screenshot({ path: join(screenshotsDir, 'es-1280x720-lead-header.png') });
      expect(await cutOrWrappedWords(page), 'Spanish at 1280×720').toEqual([]);
      await pick(page, 'Idioma', 'English');
      await page.setViewportSize({ width: 1600, height: 1000 });
      await page.getByRole('button', { name: 'Backreading' }).click();
      await page.getByRole('list', { name: 'Decisions to backread' }).getByRole('button', { name: /Assessor One · sampled/ }).waitFor();
      await page.getByRole('button', { name: 'Open beside the evidence' }).click();
      await page.getByRole('tablist', { name: 'Evidence items' }).waitFor();
      await waitForVideo(page);
      const review = page.getByRole('form', { name: 'Backreading review' });
      const verdicts = review.getByRole('group', { name: /^Your verdict on / });
      await verdicts.first().waitFor();
      const count = await verdicts.count();
      expect(count).toBeGreaterThan(3);
      await verdicts.first().getByRole('radio', { name: 'Override' }).check();
      for (let index = 1; index < count; index++) await verdicts.nth(index).getByRole('radio', { name: 'Agree' }).check();
      await review.getByRole('button', { name: 'Send the review' }).click();
      await review.getByText(/^Give a verdict for every criterion, and a level and a note for each override: /).waitFor(); // the override needs its level and why
      await review.getByRole('combobox', { name: /^Your level for / }).selectOption({ index: 2 }); // level 2
      await review.getByRole('textbox', { name: /^Why, for / }).fill('The questions at 0:12 are closed: level 2.');
      await review.getByRole('textbox', { name: 'Note for the assessor' }).fill('Good pacing; the questioning is the gap.');
      mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: join(screenshotsDir, 'en-lead-backreading-beside.png') });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await review.getByRole('button', { name: 'Send the review' }).click();
      // Answered beside the evidence, the lead is back in the backreading queue, told the review is saved.
      await page.locator('.toast').getByText('Review saved; it goes to the server with the next sync.').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Backreading' }).waitFor();
      await syncNow(page);
      await untilOnServer(serverDir, 'the review and the lockout', (store) => !!store.lockouts.active('acct-assessor-1', credentials[0]!));

      // The rule tripped: the lead sees who is locked out and why.
      await page.getByRole('button', { name: 'Calibration dashboard' }).click();
      await page.getByRole('button', { name: 'Refresh from the server' }).click();
      await page.getByRole('combobox', { name: 'Micro-credential' }).selectOption({ label: credentialTitle });
      const lockouts = page.getByRole('table', { name: /^Assessors locked out of this micro-credential/ });
      await lockouts.getByRole('row', { name: /^Assessor One .* of backread criteria overridden in the last 1 decisions \(at most 10%\) .*0 of 1 scored Locked out Lift…$/ }).waitFor();
      await page.screenshot({ path: join(screenshotsDir, 'en-lead-lockouts.png') });
      await signOut(page);

      // The assessor sees why and what to do; a claim is refused with the reason.
      await signIn(page, 'assessor@example.org', seededPassword);
      const drawer = page.getByRole('dialog', { name: 'Account and sync' });
      await drawer.getByText(/locked out: recalibrate Live claims suspended since .+: a lead overrode \d+% of the criteria backread in your last 1 decisions \(at most 10%\)\. To lift it, score the recalibration set “Recalibration .+” \(0 of 1 scored so far\)/).waitFor();
      // …and in the header too, outside the drawer (hidden from the accessibility tree while the drawer is open).
      await page.locator('.app-header button').filter({ hasText: 'Locked out: recalibrate' }).waitFor();
      await drawer.getByText('Good pacing; the questioning is the gap.').waitFor(); // the lead's review reached the assessor
      await drawer.getByText(/: you gave 3, the lead 2 · The questions at 0:12 are closed: level 2\.$/).waitFor();
      await drawer.getByRole('button', { name: 'Claim a batch' }).click();
      await drawer.getByText('Live claims are blocked for you now. Qualification, below, says why and what to do.').waitFor();
      await page.screenshot({ path: join(screenshotsDir, 'en-assessor-locked-out.png') });
      await drawer.getByRole('button', { name: /^Recalibrate: score “Recalibration / }).click();
      await page.locator('.toast').getByText('Calibration ready: 1 submission, scored like live work.').waitFor();
      await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option').first().click();
      await page.getByText(/^This is a calibration submission/).waitFor();
      // A first try a level above the master everywhere: not enough, and final.
      await scoreAndAward(page, '4');
      await syncNow(page);
      await untilOnServer(serverDir, 'the failed recalibration', (store) => store.calibration.scoreOnSet('acct-assessor-1', store.lockouts.active('acct-assessor-1', credentials[0]!)!.recalibration.setId).scoredItems === 1);
      await signOut(page);

      // The lead allows a retake, with a note.
      await signIn(page, 'lead@example.org', seededPassword);
      await closeAccount(page);
      await page.getByRole('button', { name: 'Calibration dashboard' }).click();
      await page.getByRole('button', { name: 'Refresh from the server' }).click();
      await page.getByRole('combobox', { name: 'Micro-credential' }).selectOption({ label: credentialTitle });
      await lockouts.getByRole('row', { name: /last attempt 0% exact/ }).getByRole('button', { name: 'Allow a retake…' }).click();
      const retake = page.getByRole('dialog', { name: /^Let Assessor One take “Recalibration .+” again\?$/ });
      await retake.getByRole('button', { name: 'Allow the retake' }).click();
      await retake.getByText('Write why before allowing a retake.').waitFor();
      await retake.getByRole('textbox', { name: 'Note (why)' }).fill('We went through the overrides on a call.');
      await page.screenshot({ path: join(screenshotsDir, 'en-lead-allow-retake.png') });
      await retake.getByRole('button', { name: 'Allow the retake' }).click();
      await retake.waitFor({ state: 'detached' });
      await untilOnServer(serverDir, 'the new attempt', (store) => store.calibration.scoreOnSet('acct-assessor-1', store.lockouts.active('acct-assessor-1', credentials[0]!)!.recalibration.setId).scoredItems === 0);
      await signOut(page);

      // The set comes back blank; this time it passes.
      await signIn(page, 'assessor@example.org', seededPassword);
      await drawer.getByRole('button', { name: /^Recalibrate: score “Recalibration / }).click();
      await page.locator('.toast').getByText('Calibration ready: 1 submission, scored like live work.').last().waitFor();
      await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option', { name: /Not started/ }).click();
      // The blank attempt on screen (not the first attempt's decided copy, read again as the set came back) before scoring it.
      await page.getByRole('button', { name: 'Award' }).waitFor();
      await expect(page.locator('.decision-banner').count()).resolves.toBe(0);
      await scoreAndAward(page, '3');
      await syncNow(page);
      await untilOnServer(serverDir, 'the lockout lifted by the recalibration', (store) => !store.lockouts.active('acct-assessor-1', credentials[0]!));

      // Recalibrated: live claims are back, and the header says nothing of a lockout.
      await claim(page, 1);
      await page.locator('.app-header button').filter({ hasText: 'Locked out' }).waitFor({ state: 'detached' });
      await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option').first().waitFor();
      const check = new HostedStore(serverDir);
      try {
        expect(check.lockouts.all({ accountId: 'acct-assessor-1' }).map((lockout) => lockout.lifted?.how)).toEqual(['recalibrated']);
      } finally {
        check.close();
      }
    } finally {
      await api.stop();
      cleanup(serverDir);
    }
  });
});
