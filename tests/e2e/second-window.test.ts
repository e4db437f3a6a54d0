import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SubmissionDetail } from '../../shared/contract/methods';
import { rpc } from '../support/http';
import { criteriaOf, openFromQueue, videoTime, waitForVideo, waitForVideoNear } from './page-helpers';
import { useWorkstationSession } from './session';

const session = useWorkstationSession();

/** The levels scored so far on a submission, as core has them. */
async function levelsOf(id: string): Promise<(number | null)[]> {
  const response = await rpc(session.preview.port, session.preview.secret, 'submission.open', { submissionId: id });
  return (JSON.parse(response.body) as { value: SubmissionDetail }).value.draft.scores.map((score) => score.level);
}

/** Which submission's evidence a window shows, by the titles of its evidence tabs (unique per demo submission). */
async function shownVideo(page: Page): Promise<string | null> {
  return page.getByRole('tab', { name: /Classroom video/, selected: true }).textContent();
}

describe('the evidence window is paired with the scoring window that opened it', () => {
  it('with two scoring tabs, follows and scores only its own: the other tab’s submission, keys and draft stay its own', async () => {
    const { browser, preview } = session;
    // Two scoring tabs of the same workstation in one browser profile (Playwright gives each page of
    // `newPage` a profile of its own, where no BroadcastChannel would reach the other).
    const context = await browser.newContext({ viewport: session.page.viewportSize(), locale: 'en-US' });
    const errors: string[] = [];
    context.on('page', (opened) => opened.on('pageerror', (error) => errors.push(error.message)));
    try {
      const page = await context.newPage();
      await page.goto(preview.url);
      await openFromQueue(page, /Submission 001/);
      await waitForVideo(page);

      // The second tab is already open when the first opens its evidence window: it hears everything
      // said on the windows' channel.
      const other = await context.newPage();
      await other.goto(preview.url);
      await openFromQueue(other, /Submission 002/);
      await waitForVideo(other);

      const [evidencePage] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: /New window/ }).click()]);
      await waitForVideo(evidencePage);
      await page.getByText('The evidence is open in its own window.', { exact: false }).waitFor();
      expect(await shownVideo(evidencePage)).toMatch(/whole-class discussion/); // Submission 001's, not 002's

      // The second tab knows of no evidence window: its evidence stays in it, its keys play its own video.
      await openFromQueue(other, /Submission 003/);
      await waitForVideo(other);
      expect(await other.getByText('The evidence is open in its own window.', { exact: false }).count()).toBe(0);
      await other.keyboard.press('l');
      await other.keyboard.press('l');
      await waitForVideoNear(other, 20);

      // The first tab's keys still drive its evidence window, from where it was: 10 s on, not 30.
      await criteriaOf(page).first().focus();
      await page.keyboard.press('l');
      await waitForVideoNear(evidencePage, 10);
      expect(await shownVideo(evidencePage)).toMatch(/whole-class discussion/); // not 003's, which the second tab opened since

      // "3" in the evidence window scores the first tab's submission, and no other.
      expect(await levelsOf('demo-sub-001')).not.toContain(3);
      await evidencePage.keyboard.press('3');
      await expect.poll(() => levelsOf('demo-sub-001')).toContain(3);
      for (const id of ['demo-sub-002', 'demo-sub-003']) expect((await levelsOf(id)).filter((level) => level !== null)).toEqual([]);
      await expect(criteriaOf(other).getByRole('radio', { checked: true }).count()).resolves.toBe(0);
      expect(await videoTime(evidencePage)).toBeCloseTo(10, 0); // still: nothing from the second tab arrived late

      // The second tab's own evidence window is a window of its own, showing its own submission.
      const [otherEvidence] = await Promise.all([context.waitForEvent('page'), other.getByRole('button', { name: /New window/ }).click()]);
      await waitForVideo(otherEvidence);
      expect(await shownVideo(otherEvidence)).toMatch(/portfolio simulation debrief/);
      expect(await shownVideo(evidencePage)).toMatch(/whole-class discussion/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('makes a new pair each time: brought back and opened again, the new window follows and the old one is gone', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 001/);
    const [first] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: /New window/ }).click()]);
    await waitForVideo(first);
    await Promise.all([first.waitForEvent('close'), page.getByRole('button', { name: 'Bring it back' }).click()]);

    await openFromQueue(page, /Submission 003/);
    const [second] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: /New window/ }).click()]);
    await waitForVideo(second);
    expect(await shownVideo(second)).toMatch(/portfolio simulation debrief/);
    await criteriaOf(page).first().focus();
    await page.keyboard.press('l');
    await waitForVideoNear(second, 10);
    await second.keyboard.press('3');
    await expect.poll(() => levelsOf('demo-sub-003')).toContain(3);
    expect(page.context().pages()).toHaveLength(2); // the scoring window and the new evidence window
  });
});
