import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cleanup, freshDataDir, startHostedApiProcess } from './harness';
import { afterTwoFrames, claim, criteriaOf, openFromQueue, signIn, waitForImage, waitForSaved, waitForVideo, waitForVideoNear, writeOverallFeedback } from './page-helpers';
import { useWorkstationSession } from './session';
import { rpc } from '../support/http';
import { HostedStore } from '../hosted-api/store';
import type { SubmissionDetail } from '../../shared/contract/methods';

const session = useWorkstationSession();

/** What a new assessor sees at this size: measured as they would read it. */
async function measure(page: Page): Promise<{ pageScrolls: boolean; videoShare: number; queueRows: number; criteriaInView: number; decisionBarInView: boolean; evidenceTabsOutOfView: number }> {
  return page.evaluate(() => {
    const inView = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      const scroller = element.closest('.rubric-scroll')?.getBoundingClientRect();
      return box.top >= (scroller?.top ?? 0) - 1 && box.bottom <= (scroller?.bottom ?? innerHeight) + 1 && box.bottom <= innerHeight + 1;
    };
    const rail = document.querySelector('.queue-scroller')!.getBoundingClientRect();
    const tabList = document.querySelector('.evidence-tabs')!.getBoundingClientRect();
    return {
      pageScrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
      videoShare: document.querySelector('.video-host .video-js')!.getBoundingClientRect().width / innerWidth,
      queueRows: [...document.querySelectorAll('.queue-row')].filter((row) => row.getBoundingClientRect().bottom <= rail.bottom + 1).length,
      criteriaInView: [...document.querySelectorAll('.rubric-pane .criterion')].filter(inView).length,
      decisionBarInView: inView(document.querySelector('.decision-bar')!),
      // Every evidence item's tab on screen (shortened if need be): one past the strip's edge is an item the assessor never sees.
      evidenceTabsOutOfView: [...document.querySelectorAll('.evidence-tabs [role="tab"]')].filter((tab) => tab.getBoundingClientRect().right > tabList.right + 1).length,
    };
  });
}

/**
 * How much of a new comment's editor (its chips and Done too, not only the field) is out of sight in
 * the feed under the evidence; the comment is deleted again.
 */
async function writtenCommentHiddenPx(page: Page, addButton: string): Promise<number> {
  await page.getByRole('button', { name: addButton }).click();
  const editor = page.getByRole('form', { name: /^Comment (at|on) / });
  await editor.waitFor();
  await afterTwoFrames(page);
  const hidden = await editor.evaluate((form) => {
    const pane = form.closest('.comment-list')!.getBoundingClientRect();
    return Math.max(0, form.getBoundingClientRect().bottom - Math.min(pane.bottom, innerHeight));
  });
  await editor.getByRole('button', { name: 'Delete' }).click();
  await editor.waitFor({ state: 'detached' });
  return hidden;
}

describe('a screen to score at all day', () => {
  // One sign-in and claim for both sizes: the window is resized with the downloads still running.
  it('signed in while evidence downloads, at 1280×720 and at 1440×900: the queue, a large video, four criteria and the decision bar at once, no page scroll', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir, latencyMs: 400 }); // slow enough that downloads are still running
    try {
      await session.startPreview({ serverUrl: api.url });
      const { page } = session;
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(session.preview.url);
      await signIn(page, 'assessor@example.org', 'correct horse battery staple');
      await claim(page, 10);
      await page.getByText(/downloading \d+ files?/).waitFor(); // said in the header while it runs
      await page.getByRole('option', { name: /Submission 0001/ }).waitFor();
      await openFromQueue(page, /Submission 0001/);
      await page.waitForFunction(() => document.querySelector('.video-host .video-js') !== null, undefined, { timeout: 60_000 });
      for (const [width, height] of [
        [1280, 720],
        [1440, 900],
      ] as const) {
        await page.setViewportSize({ width, height });
        await afterTwoFrames(page); // laid out at this size
        const seen = await measure(page);
        const size = `${width}×${height}`;
        expect(seen.pageScrolls, size).toBe(false);
        expect(seen.videoShare, size).toBeGreaterThanOrEqual(0.55);
        expect(seen.queueRows, size).toBeGreaterThanOrEqual(5);
        expect(seen.criteriaInView, size).toBeGreaterThanOrEqual(4);
        expect(seen.decisionBarInView, size).toBe(true);
        expect(seen.evidenceTabsOutOfView, size).toBe(0);
      }
    } finally {
      await api.stop();
      cleanup(serverDir);
    }
  });

  it('keeps every size from 1024×768 to 1920×1080 free of a page scrollbar, a comment being written shown whole under the video (and the image from 1280×720)', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 002/);
    await waitForVideo(page);
    for (const [width, height] of [
      [1024, 768],
      [1280, 720],
      [1440, 900],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await afterTwoFrames(page); // laid out again at the new size
      expect(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth), `${width}×${height}`).toBe(false);
      expect(await writtenCommentHiddenPx(page, 'Add comment at current time'), `${width}×${height}: the comment editor's lower edge under the video`).toBe(0);
    }
    await page.getByRole('tab', { name: /^Image/ }).click();
    await waitForImage(page);
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await afterTwoFrames(page);
      expect(await writtenCommentHiddenPx(page, 'Add comment on this image'), `${width}×${height}: the comment editor's lower edge under the image`).toBe(0);
    }
  });

  it('marks every comment on the strip under the player in a visible colour, and links a comment to the criterion just scored', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 002/);
    await waitForVideo(page);
    await criteriaOf(page).nth(2).focus();
    await page.keyboard.press('2'); // scores criterion 3; the focus moves on to criterion 4
    await page.keyboard.press('c');
    await page.keyboard.type('Note on the calculation.');
    const form = page.getByRole('form', { name: /Comment at/ });
    const third = await criteriaOf(page).nth(2).getAttribute('aria-labelledby');
    const thirdTitle = await page.locator(`[id="${third}"]`).textContent();
    await expect(form.getByRole('button', { name: thirdTitle!, exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    for (const tag of ['Strength', 'Growth area']) {
      await page.keyboard.press('l');
      await page.keyboard.press('c');
      await page.keyboard.type(`${tag} here.`);
      await page.getByRole('form', { name: /Comment at/ }).getByRole('radio', { name: tag }).check();
      await page.keyboard.press('Escape');
    }
    await waitForSaved(page);
    const colours = await page.evaluate(() => [...document.querySelectorAll('.timeline-mark')].map((mark) => getComputedStyle(mark).backgroundColor));
    expect(colours).toHaveLength(3);
    for (const colour of colours) expect(colour).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(new Set(colours).size).toBe(3); // note, strength and growth area read apart
  });

  it('answers the keys for evidence tabs, zoom, pages and the comment bank, and Esc leaves a field', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 001/);
    await waitForVideo(page);
    await page.keyboard.press(']');
    await page.getByRole('tab', { name: /Student work: reading a credit report/, selected: true }).waitFor();
    const zoomLevel = page.getByRole('toolbar', { name: 'Document controls' }).getByText(/^\d+%$/);
    await zoomLevel.waitFor();
    const fitted = Number.parseInt((await zoomLevel.textContent())!, 10);
    await page.keyboard.press('+');
    await expect.poll(() => zoomLevel.textContent()).not.toBe(`${fitted}%`);
    // The queue keeps the focus after a row is clicked, and its own Page keys move through it: reading
    // the document puts the focus there.
    await page.locator('.pdf-scroller').focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Page' }).inputValue()).toBe('2');
    await page.keyboard.press('[');
    await page.getByRole('tab', { name: /Classroom video/, selected: true }).waitFor();
    await page.keyboard.press('b');
    // The bank's search takes the focus once the bank is drawn (the frame after the key): on a loaded machine, later.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.press('Escape'); // out of the search field: single keys are shortcuts again
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByText('Page Down').waitFor();
  });

  it('lets a region drawn on the student work cite the evidence a “Not yet” needs', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 002/);
    await waitForVideo(page);
    await criteriaOf(page).first().focus();
    for (const level of ['3', '3', '3', '3', '3', '3']) await page.keyboard.press(level);
    await criteriaOf(page).first().focus();
    await page.keyboard.press('2'); // Learning context below the bar, scored last
    const checklist = page.getByRole('region', { name: 'Before “Not yet”' });
    await checklist.getByText('Learning context: needs a cited comment').waitFor();

    await page.keyboard.press(']');
    await page.getByRole('tab', { name: /Student work/, selected: true }).waitFor();
    await waitForImage(page);
    await page.keyboard.press('r');
    const layer = page.getByRole('application', { name: /Marking an area/ });
    await layer.waitFor();
    const box = (await layer.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.45, { steps: 5 });
    await page.mouse.up();
    const form = page.getByRole('form', { name: 'Comment on the image · area' }); // an image has no pages
    await form.waitFor();
    await page.keyboard.type('The table stops at year 3: the compounding is never shown.');
    await expect(form.getByRole('button', { name: 'Learning context', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await form.getByRole('radio', { name: 'Growth area' }).check();
    await page.keyboard.press('Escape');
    await checklist.getByText('Learning context: evidence cited').waitFor();
    // The region stays on the image, in its coordinates, and finds its comment.
    const region = page.getByRole('button', { name: /Comment on a marked area, on the image: The table stops/ });
    const drawn = (await region.boundingBox())!;
    expect(drawn.x - box.x).toBeCloseTo(box.width * 0.2, -1);
    expect(drawn.width).toBeCloseTo(box.width * 0.3, -1);
    await writeOverallFeedback(page);
    await waitForSaved(page);
    const opened = await rpc(preview.port, preview.secret, 'submission.open', { submissionId: 'demo-sub-002' });
    const stored = (JSON.parse(opened.body) as { value: SubmissionDetail }).value.comments[0]!.region!;
    expect(stored.x).toBeCloseTo(0.2, 1);
    expect(stored.width).toBeCloseTo(0.3, 1);
    await page.getByRole('button', { name: 'Not yet' }).click();
    await page.getByRole('heading', { level: 2, name: /Submission 003/ }).waitFor();
  });

  it('reads the captions as a transcript beside the video: the spoken line highlighted, a click seeks there, search, and a line quoted as a cited range', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 001/);
    await waitForVideo(page);
    await page.keyboard.press('t'); // the transcript, its search field focused
    const transcript = page.getByRole('list', { name: 'Transcript' });
    await transcript.getByRole('listitem').first().waitFor();
    await expect(transcript.getByRole('listitem').count()).resolves.toBe(5);
    await page.keyboard.type('utilization');
    await expect(transcript.getByRole('listitem').count()).resolves.toBe(1);
    await page.keyboard.press('Enter'); // plays from the first match
    await waitForVideoNear(page, 31, 0.25);
    await page.getByRole('searchbox', { name: 'Search the transcript' }).fill('');
    await transcript.getByRole('button', { name: /^Play from 0:14/ }).click();
    await waitForVideoNear(page, 14, 0.25);
    await expect.poll(() => transcript.locator('[aria-current="true"]').textContent()).toMatch(/What else do you think lenders look at/);
    await transcript.getByRole('button', { name: 'Quote the line at 0:22 in a comment' }).click();
    const form = page.getByRole('form', { name: /Comment at 0:22–0:30/ });
    await form.waitFor();
    await page.keyboard.type('A learner names utilization unprompted.');
    await page.keyboard.press('Escape');
    await waitForSaved(page);
    const opened = await rpc(preview.port, preview.secret, 'submission.open', { submissionId: 'demo-sub-001' });
    const comment = (JSON.parse(opened.body) as { value: SubmissionDetail }).value.comments[0]!;
    expect(comment).toMatchObject({ startMs: 22_000, endMs: 30_000, quote: 'Student: How much of your card you use? Like if you max it out.' });
  });

  it('opens the evidence in a second window that follows the first: same submission, same time, comments in both, and closes back into one window', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 001/);
    await waitForVideo(page);
    const [evidencePage] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: /New window/ }).click()]);
    await waitForVideo(evidencePage);
    await page.getByText('The evidence is open in its own window.', { exact: false }).waitFor();
    expect(await page.locator('.video-host').count()).toBe(0);
    // With no evidence beside it, the rubric takes more than half of this window (it kept ~30% before).
    const rubricShare = await page.locator('.split-right').evaluate((pane) => pane.getBoundingClientRect().width / pane.parentElement!.getBoundingClientRect().width);
    expect(rubricShare).toBeGreaterThan(0.5);

    // Keys pressed in the scoring window play the evidence in the other one; a comment made here shows there.
    await criteriaOf(page).first().focus();
    await page.keyboard.press('l');
    await waitForVideoNear(evidencePage, 10);
    await page.keyboard.press('c');
    // The scoring window comments at the last moment the evidence window reported, which on a loaded
    // machine can be a report behind the 0:10 it now shows (the seek itself is checked above).
    await page.getByRole('form', { name: /Comment at 0:(0\d|10)/ }).waitFor();
    await page.keyboard.type('Seen on the second monitor.');
    await page.keyboard.press('Escape');
    await evidencePage.locator('.timeline-mark').first().waitFor();

    // Another submission in the scoring window: the evidence window follows.
    await openFromQueue(page, /Submission 003/);
    await evidencePage.getByRole('tab', { name: /portfolio simulation debrief/, selected: true }).waitFor();
    // Evidence picked in the evidence window is picked in the scoring window too.
    await evidencePage.getByRole('tab', { name: /Written reflection/ }).click();
    await page.getByRole('region', { name: 'Timestamped comments' }).waitFor();
    await expect.poll(() => evidencePage.getByRole('tab', { name: /Written reflection/, selected: true }).count()).toBe(1);

    await evidencePage.close();
    await page.locator('.evidence-pane').waitFor(); // back in one window
    await page.getByRole('tab', { name: /Written reflection/, selected: true }).waitFor();
  });

  it('warns in the header and marks the rows when the server took a lease back or it ran out, on the next sync', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir });
    try {
      await session.startPreview({ serverUrl: api.url });
      const { page } = session;
      await page.goto(session.preview.url);
      await signIn(page, 'assessor@example.org', 'correct horse battery staple');
      await claim(page, 4);
      await page.getByRole('option', { name: /Submission 0001/ }).waitFor();
      const store = new HostedStore(serverDir);
      try {
        const [first, second] = store.db.prepare(`SELECT submission_id FROM assignments WHERE account_id = 'acct-assessor-1' ORDER BY position`).all() as { submission_id: string }[];
        store.db.prepare(`UPDATE assignments SET state = 'released' WHERE submission_id = ?`).run(first!.submission_id); // a lead took it back
        store.db.prepare(`UPDATE assignments SET lease_expires_at = '2026-01-01T00:00:00.000Z' WHERE submission_id = ?`).run(second!.submission_id);
      } finally {
        store.close();
      }
      await page.getByRole('button', { name: 'Sync now' }).click();
      const warning = page.locator('.lease-warning');
      await expect.poll(() => warning.textContent(), { timeout: 20_000 }).toMatch(/1 lease expired · 1 reassigned/);
      await page.getByRole('option', { name: /Submission 0001/ }).getByText('Reassigned').waitFor();
      await page.getByRole('option', { name: /Submission 0002/ }).getByText('Lease expired').waitFor();
      await page.getByRole('radio', { name: 'Needs attention' }).click();
      await expect(page.locator('.queue-row').count()).resolves.toBe(2);
    } finally {
      await api.stop();
      cleanup(serverDir);
    }
  });
});
