import { describe, expect, it } from 'vitest';
import type { SubmissionDetail } from '../../shared/contract/methods';
import { rpc } from '../support/http';
import { startPreview } from './harness';
import { useWorkstationSession } from './session';
import { openFromQueue, seriousAxeViolations, videoTime, waitForSaved, waitForVideo, waitForVideoNear } from './page-helpers';

const session = useWorkstationSession();

async function submission(id: string): Promise<SubmissionDetail> {
  const response = await rpc(session.preview.port, session.preview.secret, 'submission.open', { submissionId: id });
  return (JSON.parse(response.body) as { value: SubmissionDetail }).value;
}

describe('scoring from the keyboard', () => {
  it('scores a whole submission with two timestamped comments (one a range) and a decision, keyboard only', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option').first().waitFor();
    await page.keyboard.press('q'); // the queue is one keystroke away
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /Submission 002/ }).waitFor();
    await waitForVideo(page);
    await page.keyboard.press('t'); // this video has no captions: the key says so rather than nothing
    await page.getByRole('alert').getByText('This evidence has no transcript: only a video or audio with captions has one.').waitFor();

    await page.keyboard.press('l'); // +10 s
    await waitForVideoNear(page, 10);
    await page.keyboard.press('c'); // pause and comment at the current time
    await page.keyboard.type('Groups check each other’s exponent here.');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight'); // +5 s
    await waitForVideoNear(page, 15);
    await page.keyboard.press('i'); // range in
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitForVideoNear(page, 25);
    await page.keyboard.press('o'); // range out → comment
    await page.keyboard.type('The comparison table is built from calculated values.');
    await page.keyboard.press('Escape');

    for (let criterion = 0; criterion < 6; criterion++) await page.keyboard.press('3');
    await page.getByText('Meets the pass rule: award').waitFor();
    await waitForSaved(page);
    // No overall feedback yet: the decision asks once, with the field in focus to write it there.
    await page.keyboard.press('Alt+Shift+A');
    await page.getByText('The overall feedback is empty: write it above, or choose Award again to send the decision without it.').waitFor();
    await page.getByRole('textbox', { name: 'Overall feedback' }).and(page.locator(':focus')).waitFor();
    // The field whole between the rubric's sticky header and the decision bar (it was half under the bar).
    const shownWhole = async (): Promise<boolean> => {
      const [field, header, bar] = await Promise.all([page.getByRole('textbox', { name: 'Overall feedback' }).boundingBox(), page.locator('.rubric-header').boundingBox(), page.locator('.decision-bar').boundingBox()]);
      return !!field && !!header && !!bar && field.y >= header.y + header.height && field.y + field.height <= bar.y;
    };
    await expect.poll(shownWhole).toBe(true);
    await page.keyboard.type('You compare simple and compound growth from values you calculated.');
    await page.keyboard.press('Alt+Shift+A');
    await page.getByRole('heading', { level: 2, name: /Submission 003/ }).waitFor(); // moved to the next one
    // The demo's decisions never leave: the toast and the queue say so, not "queued to sync".
    await page.locator('.toast').getByText(/Submission 002: Award\. Demo decisions stay on this computer/).waitFor();
    await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option', { name: /Submission 002.*Kept here \(demo\)/ }).waitFor();

    const decided = await submission('demo-sub-002');
    expect(decided.decision).toMatchObject({ outcome: 'award', undoable: true });
    expect(decided.draft.scores.map((score) => score.level)).toEqual([3, 3, 3, 3, 3, 3]);
    const comments = [...decided.comments].sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0));
    expect(comments).toHaveLength(2);
    expect(comments[0]!.startMs! / 1000).toBeCloseTo(10, 0);
    expect(comments[0]!.endMs).toBeNull();
    expect(comments[1]!.startMs! / 1000).toBeCloseTo(15, 0);
    expect(comments[1]!.endMs! / 1000).toBeCloseTo(25, 0);
    expect(comments.map((comment) => comment.body)).toEqual(['Groups check each other’s exponent here.', 'The comparison table is built from calculated values.']);
  });

  it('offers undo until the decision leaves, and undo makes the submission editable again', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 005/);
    await page.getByRole('button', { name: 'Flag for lead review' }).click();
    await page.getByRole('dialog', { name: 'Flag for lead review' }).getByRole('radio', { name: 'Video will not play' }).check();
    await page.getByRole('dialog').getByRole('textbox').fill('Audio drops out after 0:20.');
    await page.getByRole('button', { name: 'Submit flag' }).click();
    await page.getByRole('heading', { level: 2, name: /Submission 006/ }).waitFor();
    expect((await submission('demo-sub-005')).decision).toMatchObject({ outcome: 'flag', conditionCode: 'video_unplayable' });
    // The demo's decisions never leave: Undo stays, without a countdown.
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { level: 2, name: /Submission 005/ }).waitFor();
    await page.getByRole('button', { name: 'Award' }).waitFor();
    expect((await submission('demo-sub-005')).decision).toBeNull();

    // Flagged again, then opened from the queue: the banner's Undo makes it editable in place.
    await page.getByRole('button', { name: 'Flag for lead review' }).click();
    await page.getByRole('dialog', { name: 'Flag for lead review' }).getByRole('radio', { name: 'Video will not play' }).check();
    await page.getByRole('button', { name: 'Submit flag' }).click();
    await page.getByRole('heading', { level: 2, name: /Submission 006/ }).waitFor();
    await openFromQueue(page, /Submission 005/);
    // A score key on a decided submission is said, not dropped in silence.
    await page.locator('.decision-banner').waitFor();
    await page.keyboard.press('2');
    await page.getByText(/^This submission is decided: its scores and comments no longer change/).waitFor();
    await page.locator('.decision-banner').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Award' }).waitFor();
    await expect(page.locator('.decision-banner').count()).resolves.toBe(0);
    expect((await submission('demo-sub-005')).decision).toBeNull();
  });

  it('never fires a single-key shortcut while typing', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 002/);
    await waitForVideo(page);
    const rationale = page.getByRole('textbox', { name: 'Rationale (internal)' }).first();
    await rationale.click();
    await page.keyboard.type('clear objectives, k j l 3 c');
    await waitForSaved(page);
    expect(await videoTime(page)).toBe(0);
    const saved = await submission('demo-sub-002');
    expect(saved.comments).toEqual([]);
    expect(saved.draft.scores.find((score) => score.rationale)?.level ?? null).toBeNull();
    expect(saved.draft.scores.map((score) => score.rationale)).toContain('clear objectives, k j l 3 c');
  });
});

describe('comments and video', () => {
  it('seeks to within 0.25 s of a comment when the comment or its marker is clicked', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 001/);
    await waitForVideo(page);
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('.'); // one frame on
    await page.keyboard.press('.');
    await waitForVideoNear(page, 15.07, 0.1);
    await page.getByRole('button', { name: 'Add comment at current time' }).click();
    await page.keyboard.type('Teacher asks what lenders look at.');
    await page.keyboard.press('Escape');
    await waitForSaved(page);
    const pinnedMs = (await submission('demo-sub-001')).comments[0]!.startMs!;
    await page.keyboard.press('l');
    await page.keyboard.press('l');
    await waitForVideoNear(page, 35, 1);

    await page.getByRole('region', { name: 'Timestamped comments' }).getByRole('button', { name: /Go to 0:15/ }).click();
    await waitForVideoNear(page, pinnedMs / 1000, 0.25);
    expect(Math.abs((await videoTime(page)) - pinnedMs / 1000)).toBeLessThanOrEqual(0.25);

    await page.keyboard.press('j');
    await waitForVideoNear(page, pinnedMs / 1000 - 10, 0.5);
    await page.getByRole('button', { name: 'Comment at 0:15', exact: true }).click(); // the marker on the progress bar
    await waitForVideoNear(page, pinnedMs / 1000, 0.25);

    // Looking at other evidence and coming back keeps the place.
    await page.getByRole('tab', { name: /Student work/ }).click();
    await page.getByRole('button', { name: 'Next page' }).waitFor();
    await page.getByRole('tab', { name: /Classroom video/ }).click();
    await waitForVideo(page);
    await waitForVideoNear(page, pinnedMs / 1000, 0.5);
  });

  it('anchors a document comment to its page and the selected passage', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 001/);
    await page.getByRole('tab', { name: /Student work: reading a credit report/ }).click();
    await page.getByRole('button', { name: 'Next page' }).click();
    const passage = page.locator('.textLayer span', { hasText: 'Utilization means how much of your limit you use' });
    await passage.waitFor();
    await passage.selectText();
    await page.getByRole('button', { name: 'Add comment on this page' }).click();
    await page.keyboard.type('A precise definition from a student.');
    await page.keyboard.press('Escape');
    await waitForSaved(page);
    const [comment] = (await submission('demo-sub-001')).comments;
    expect(comment).toMatchObject({ evidenceId: 'demo-ev-001-work', page: 2, startMs: null });
    expect(comment!.quote).toContain('Utilization means how much of your limit you use');
    await page.getByRole('region', { name: 'Timestamped comments' }).getByText('p. 2', { exact: true }).waitFor();
  });
});

describe('the not-yet checklist', () => {
  it('blocks an uncited low score, and lets the decision go once a comment cites evidence', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 006/);
    await waitForVideo(page);
    await page.getByRole('radiogroup', { name: 'Learning context' }).focus();
    for (const level of ['2', '3', '3', '3', '3', '3', '3']) await page.keyboard.press(level);
    await page.getByText('Below the pass rule: not yet').waitFor();
    const checklist = page.getByRole('region', { name: 'Before “Not yet”' });
    await checklist.getByText('Learning context: needs a cited comment').waitFor();
    const notYet = page.getByRole('button', { name: 'Not yet' });
    await expect(notYet.getAttribute('aria-disabled')).resolves.toBe('true');
    await notYet.focus();
    await page.keyboard.press('Enter');
    await checklist.locator(':focus').waitFor(); // refused: it shows what is missing instead of sending
    expect((await submission('demo-sub-006')).decision).toBeNull();
    await page.keyboard.press('Alt+Shift+N'); // by key: said in the submission's header…
    const refusal = page.locator('.submission-header').getByText(/^Not yet is not available:/);
    await refusal.waitFor();

    await page.getByRole('radiogroup', { name: 'Learning context' }).focus();
    await page.getByRole('button', { name: 'Add comment at current time' }).click();
    await page.keyboard.type('Describe these learners’ prior knowledge of credit, as at this moment in the clip.');
    // Linked to the criterion in focus already (a chip pressed), and tagged as a growth area.
    await expect(page.getByRole('form').getByRole('button', { name: 'Learning context' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('form').getByRole('radio', { name: 'Growth area' }).check();
    await page.getByRole('button', { name: 'Done' }).click();
    await checklist.getByText('Learning context: evidence cited').waitFor();
    await refusal.waitFor({ state: 'detached' }); // …until the work it spoke of changed
    await expect(notYet.getAttribute('aria-disabled')).resolves.toBe('false');
    await notYet.click(); // asks once (no overall feedback), and goes the second time
    await page.getByText('The overall feedback is empty: write it above, or choose Not yet again to send the decision without it.').waitFor();
    expect((await submission('demo-sub-006')).decision).toBeNull();
    await notYet.click();
    await page.getByRole('heading', { level: 2, name: /Submission 007/ }).waitFor();
    expect((await submission('demo-sub-006')).decision).toMatchObject({ outcome: 'not_yet' });
  });
});

describe('feedback composer', () => {
  it('keeps a personal comment bank and previews exactly what the candidate receives', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 003/);
    await waitForVideo(page);
    await page.keyboard.press('l');
    await waitForVideoNear(page, 10);
    await page.keyboard.press('c');
    await page.keyboard.type('Students weigh risk against time horizon.');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add comment at current time' }).click();
    await page.keyboard.type('Internal: check the audio later.');
    await page.getByRole('form').getByRole('radio', { name: 'Internal only' }).check();
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Comment bank' }).click();
    await page.getByRole('button', { name: 'New snippet' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Cite student work');
    await page.getByRole('textbox', { name: 'Text' }).fill('Refer to specific student work samples to show impact.');
    await page.getByRole('button', { name: 'Save snippet' }).click();
    await page.getByText('Snippet saved.').waitFor();
    await page.getByRole('searchbox', { name: 'Search snippets' }).fill('student work');
    const overall = page.getByRole('textbox', { name: 'Overall feedback' });
    await overall.fill('A thoughtful discussion. Next time, plan the groups.');
    await overall.evaluate((field: HTMLTextAreaElement) => field.setSelectionRange(24, 24)); // the caret after the first sentence
    await page.getByRole('button', { name: 'Insert “Cite student work”' }).click();
    // A starter snippet, in the assessor's language, goes in at the caret too (after what was just inserted).
    await page.getByRole('searchbox', { name: 'Search snippets' }).fill('');
    await page.getByRole('button', { name: 'Insert “Link to objective”' }).click();
    await waitForSaved(page);
    expect((await submission('demo-sub-003')).draft.overallFeedback).toBe(
      'A thoughtful discussion. Refer to specific student work samples to show impact. Connect this activity explicitly to your stated objective, so the evidence shows how it moved learners towards it. Next time, plan the groups.',
    );

    await page.getByRole('button', { name: 'Preview what the candidate receives' }).click();
    const candidateView = page.getByRole('dialog', { name: 'What the candidate will receive' });
    await candidateView.getByText('Refer to specific student work samples to show impact.', { exact: false }).waitFor();
    await candidateView.getByText(/at 0:10 — Students weigh risk against time horizon\./).waitFor();
    await expect(candidateView.getByText('Internal: check the audio later.').count()).resolves.toBe(0);
  });
});

describe('nothing lost', () => {
  it('restores every acknowledged edit and the video position after the host is killed with SIGKILL', async () => {
    let { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 007/);
    await waitForVideo(page);
    await page.getByRole('radiogroup', { name: 'Learning context' }).focus();
    await page.keyboard.press('4');
    await page.keyboard.press('2');
    await page.getByRole('radiogroup', { name: 'Learning context' }).focus(); // its rationale opens with it
    await page.getByRole('textbox', { name: 'Rationale (internal)' }).first().fill('Names the mixed-grade class and its prior knowledge.');
    await page.getByRole('textbox', { name: 'Overall feedback' }).fill('Clear ranking activity.');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Overall feedback' }).blur();
    for (let press = 0; press < 2; press++) await page.keyboard.press('l');
    await waitForVideoNear(page, 20);
    // Real time, not a state: the page keeps the place at most every 2 s (a constant of the renderer),
    // so the next move is kept only once that has passed since the last one was.
    await page.waitForTimeout(2500);
    await page.keyboard.press('ArrowRight');
    await waitForVideoNear(page, 25);
    await waitForSaved(page);
    // Typing that is not yet acknowledged may be lost; everything acknowledged must not be.
    await page.getByRole('textbox', { name: 'Overall feedback' }).pressSequentially(' More');
    await preview.kill();
    await page.close();

    preview = session.preview = await startPreview({ dataDir: preview.dataDir });
    page = session.page = await session.newPage();
    await page.goto(preview.url);
    await page.getByRole('heading', { level: 2, name: /Submission 007/ }).waitFor(); // the same submission reopens
    await expect(page.getByRole('radiogroup', { name: 'Learning context' }).getByRole('radio', { name: /4 · Exemplary/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('radiogroup', { name: 'Learning objectives' }).getByRole('radio', { name: /2 · Developing/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('textbox', { name: 'Rationale (internal)' }).first().inputValue()).resolves.toBe('Names the mixed-grade class and its prior knowledge.');
    await expect(page.getByRole('textbox', { name: 'Overall feedback' }).inputValue()).resolves.toMatch(/^Clear ranking activity\./);
    await waitForVideo(page);
    await waitForVideoNear(page, 22.5, 3); // near where it was (kept every 2 s)
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violations in the workspace, the flag dialog and the shortcut sheet', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await openFromQueue(page, /Submission 004/);
    await waitForVideo(page);
    await page.keyboard.press('c');
    await page.keyboard.type('A comment for the scan.');
    const scan = (): Promise<unknown[]> => seriousAxeViolations(page);
    expect(await scan()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Flag for lead review' }).click();
    expect(await scan()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await scan()).toEqual([]);
  });
});
