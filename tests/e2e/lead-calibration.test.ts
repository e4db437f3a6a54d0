import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allCriteria } from '../../shared/domain/rubric';
import type { DecisionRequest } from '../../shared/hosted-api/schemas';
import { seededPassword } from '../hosted-api/seed';
import { HostedStore } from '../hosted-api/store';
import { cleanup, freshDataDir, startHostedApiProcess } from './harness';
import { closeAccount, criteriaOf, orExplain, pick, screenshotsDir, seriousAxeViolations, signIn, signOut, waitForSaved, waitForVideo, waitForVideoNear } from './page-helpers';
import { overlappingText, textBoxesByPoppler } from '../support/pdf-text';
import { useWorkstationSession } from './session';

const session = useWorkstationSession({ previewPerTest: false }); // each test starts its own, signed in to its server
// The master's levels for the six criteria of the first micro-credential (compound interest).
const masterLevels = ['4', '3', '4', '3', '4', '3'];

/** Signs in as `email` and closes the account drawer. */
async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, email, seededPassword);
  await closeAccount(page);
}
/** Scores the open submission from the keyboard: one digit per criterion, in order. */
async function scoreWithKeys(page: Page, levels: string[]): Promise<void> {
  await criteriaOf(page).first().focus();
  for (const level of levels) await page.keyboard.press(level);
  await waitForSaved(page);
}

describe('a lead runs a full calibration cycle', () => {
  it('builds a set, two assessors score it, the dashboard shows the hand-computed figures, an adjudication is resolved, the report exports', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir });
    try {
      await session.startPreview({ serverUrl: api.url, undoWindowSeconds: 0 }); // decisions leave at once: this test is not about undo
      const { page } = session;
      await page.goto(session.preview.url);

      // The lead builds a one-submission set by scoring it as the master, then makes it the qualification.
      await signInAs(page, 'lead@example.org');
      await page.getByRole('button', { name: 'Calibration dashboard' }).click();
      await page.getByRole('button', { name: 'Find submissions' }).click();
      const candidates = page.getByRole('group', { name: 'Submissions for the set' });
      // Each candidate with its micro-credential, status and a preview of its evidence (the checkbox is described by it).
      await expect(candidates.getByRole('checkbox').first().getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).innerText())).resolves.toMatch(/attempt 1 · submitted [\s\S]*Video · Classroom video/);
      await candidates.getByText('Not yet claimed').first().waitFor();
      await candidates.getByRole('checkbox').first().check();
      mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: join(screenshotsDir, 'en-lead-set-builder.png') });
      await page.getByRole('textbox', { name: 'Set title' }).fill('Compound interest anchors');
      await page.getByRole('button', { name: 'Score 1 submission as the master' }).click();
      await page.getByText('Master scoring: Compound interest anchors: score every criterion with a rationale, then publish.').waitFor();
      await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option').first().click();
      await page.getByText(/^Master scoring: give every criterion a level and a rationale/).waitFor();
      await scoreWithKeys(page, masterLevels);
      for (let index = 0; index < masterLevels.length; index++) {
        await criteriaOf(page).nth(index).focus(); // the criterion in focus opens its rationale
        await page.locator('.criterion.active').getByRole('textbox', { name: 'Rationale (internal)' }).fill(`Master: level ${masterLevels[index]} for criterion ${index + 1}.`);
      }
      await waitForSaved(page);
      await page.getByRole('button', { name: 'Publish the calibration set' }).click();
      await page.locator('.toast').getByText('Published “Compound interest anchors” with 1 submission.').waitFor();

      await page.getByRole('button', { name: 'Calibration dashboard' }).click();
      await page.getByRole('combobox', { name: 'Qualify on' }).selectOption({ label: 'Compound interest anchors' });
      await page.getByRole('button', { name: 'Save the rules' }).click();
      await page.getByText('Rules saved on the server.').waitFor();
      await signOut(page);

      // Two assessors calibrate: one exactly as the master, one a level low wherever the master gave 4.
      for (const [email, levels, agreement] of [
        ['assessor@example.org', masterLevels, '100%'],
        ['assessor2@example.org', masterLevels.map(() => '3'), '50%'],
      ] as const) {
        await signIn(page, email, seededPassword); // the drawer stays open: qualification is there
        await page.getByText(/not qualified yet Score the 1 calibration submission of this micro-credential/).waitFor();
        await page.getByRole('button', { name: 'Score Compound interest anchors' }).click();
        await page.locator('.toast').getByText('Calibration ready: 1 submission, scored like live work.').waitFor();
        await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option').first().click();
        await orExplain(page, page.getByText(/^This is a calibration submission/).waitFor());
        await scoreWithKeys(page, [...levels]);
        await page.keyboard.press('Alt+Shift+A');
        await page.getByRole('button', { name: 'Sync now' }).click();
        await page.getByRole('listbox', { name: 'Batch queue' }).getByRole('option', { name: /Synced/ }).click();
        await page.getByText(`${agreement} of criteria exactly as the master scored them.`).waitFor();
        await expect(page.locator('.calibration-criteria').getByText('Master: level 4 for criterion 1.').isVisible()).resolves.toBe(true);
        if (agreement === '50%') await page.locator('.calibration-result').screenshot({ path: join(screenshotsDir, 'en-calibration-feedback.png') });
        // Worded by the workstation from the server's figures and rule.
        if (agreement === '50%') await page.getByText(/50% exact agreement with the master scores \(\d+% needed\)\. Your first answers are final: a lead can allow a retake\./).waitFor();
        await signOut(page);
      }

      // Meanwhile two other assessors disagreed on a double-scored live submission.
      const store = new HostedStore(serverDir);
      try {
        const { id } = store.db.prepare(`SELECT id FROM submissions WHERE credential_id = 'dp-fl-risk-return' AND id NOT IN (SELECT submission_id FROM calibration_items) LIMIT 1`).get() as { id: string };
        const rubric = store.submission(id)!.rubric;
        store.db.prepare('INSERT OR REPLACE INTO double_scoring VALUES (?, 1)').run(id);
        const decision = (outcome: DecisionRequest['outcome'], level: number): DecisionRequest => ({
          rubricVersionId: rubric.id,
          outcome,
          conditionCode: null,
          note: '',
          scores: allCriteria(rubric).map((criterion) => ({ criterionId: criterion.id, level, rationale: `Level ${level} from the lesson video.` })),
          comments: [{ id: `c-${outcome}`, evidenceId: `${id}-ev-0`, startMs: 12_000, endMs: null, page: null, quote: null, region: null, body: `Seen at 0:12 (${outcome}).`, tag: 'note', visibility: 'internal', criterionIds: [] }],
          feedback: { overall: '', components: {} },
          activeMs: 1,
          decidedAt: new Date().toISOString(),
          basedOn: null,
        });
        for (const [account, body] of [['acct-assessor-1', decision('award', 3)], ['acct-assessor-2', decision('not_yet', 2)]] as const) {
          store.recordDecision(account, id, body, new Date());
          store.quality.afterDecision(account, id, body, new Date());
        }
      } finally {
        store.close();
      }

      // The lead's dashboard shows what a hand computation gives.
      await signInAs(page, 'lead@example.org');
      await page.getByRole('button', { name: 'Calibration dashboard' }).click();
      await page.getByRole('button', { name: 'Refresh from the server' }).click();
      const assessors = page.getByRole('table', { name: 'Assessors against the master' });
      // One: 6 of 6 exact, kappa 1. Two: 3 of 6 exact, all within one level; the master's 3s and 4s
      // against a constant 3 give observed and expected disagreement both 1/18, so kappa 0.
      await assessors.getByRole('row', { name: /Assessor One 6 only 6 pairs compared: read with care 100% 100% 1\.000/ }).waitFor(); // six pairs: marked
      await assessors.getByRole('row', { name: /Assessor Two 6 only 6 pairs compared: read with care 50% 100% 0\.000 Below the exact-agreement rule/ }).waitFor();
      const heatmap = page.getByRole('table', { name: /Master's level \(rows\)/ });
      await expect(heatmap.getByRole('row', { name: '4 · Exemplary 0 0 1 1' }).count()).resolves.toBe(1); // levels by their rubric names
      expect(await page.locator('.weekly-chart circle').count()).toBeGreaterThan(0); // one week of data is still drawn
      await page.getByText(/^Data as of /).waitFor();
      // Severity, accounting for who scored what: six ratings each, so the warning comes with it.
      const severity = page.getByRole('table', { name: 'Severity, accounting for who scored what' });
      for (const name of ['Assessor One', 'Assessor Two']) await severity.getByRole('row', { name: new RegExp(`^${name} 6 .* only 6 ratings: read with care`) }).waitFor();
      await severity.scrollIntoViewIfNeeded();
      mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: join(screenshotsDir, 'en-lead-dashboard-severity.png') });
      expect(await seriousAxeViolations(page)).toEqual([]);

      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      const csvText = readFileSync((await csv.path()), 'utf8');
      expect(csvText).toContain('assessor,Assessor One,,,6,1,1,1,,');
      expect(csvText).toContain('assessor,Assessor Two,,,6,0.5,1,0,,below_exact_agreement');
      // The PDF report, in each language: its pages rendered to PNG (poppler), and no word written over another.
      for (const [language, exportLabel] of [['English', 'Export PDF'], ['español', 'Exportar PDF']] as const) {
        if (language !== 'English') await pick(page, 'Language', language);
        const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: exportLabel }).click()]);
        expect(pdf.suggestedFilename()).toMatch(/^calibration-report-dp-fl-compound-interest-\d{4}-\d{2}-\d{2}\.pdf$/);
        const file = await pdf.path();
        expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const prefix = join(screenshotsDir, `${language === 'English' ? 'en' : 'es'}-report`);
        execFileSync('pdftoppm', ['-png', '-r', '60', file, prefix]);
        expect(readdirSync(screenshotsDir).filter((name) => name.startsWith(`${language === 'English' ? 'en' : 'es'}-report-`)).length).toBeGreaterThan(1);
        const words = textBoxesByPoppler(file);
        expect(words.map((word) => word.text).join(' ')).toMatch(language === 'English' ? /Page 1 of \d+/ : /Página 1 de \d+/);
        expect(overlappingText(words)).toEqual([]);
      }
      await pick(page, 'Idioma', 'English');

      // The adjudication: both readings side by side, beside the evidence, then the lead's resolution reaches the server.
      await page.getByRole('button', { name: 'Adjudication', exact: true }).click();
      await page.getByRole('region', { name: 'Assessor One' }).getByText('Seen at 0:12 (award).').waitFor();
      // A criterion × assessor grid: each reading's level by name with its rationale; rows that differ say so.
      const grid = page.getByRole('table', { name: /^Both readings, criterion by criterion/ });
      await expect(grid.getByRole('columnheader').allInnerTexts()).resolves.toEqual(['Criterion', expect.stringMatching(/^Assessor One · /), expect.stringMatching(/^Assessor Two · /), 'Your resolution']);
      await grid.getByRole('row', { name: /^Outcome · differs Award Not yet/ }).waitFor();
      await expect(grid.getByRole('row', { name: /· differs 3 · \w+ Level 3 from the lesson video\. 2 · \w+ Level 2 from the lesson video\./ }).count()).resolves.toBeGreaterThan(0);
      // The resolution starts empty: nothing is carried over from either reading.
      const resolutionPickers = grid.getByRole('combobox');
      for (const value of await resolutionPickers.evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).value))) expect(value).toBe('');
      await page.screenshot({ path: join(screenshotsDir, 'en-lead-adjudication.png') });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Open beside the evidence' }).click();
      await page.getByRole('tablist', { name: 'Evidence items' }).waitFor();
      await waitForVideo(page);
      // Both assessors' timed comments are on the evidence timeline, named by assessor.
      const timeline = page.getByRole('group', { name: 'Comments on this recording' });
      await expect(timeline.getByRole('button', { name: 'Comment at 0:12' }).count()).resolves.toBe(2);
      await expect(timeline.getByRole('button').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('title')).sort())).resolves.toEqual(['Assessor One: Seen at 0:12 (award).', 'Assessor Two: Seen at 0:12 (not_yet).']);
      await page.getByRole('region', { name: 'Assessor Two' }).getByRole('button', { name: '0:12' }).click();
      await waitForVideoNear(page, 12);
      await page.screenshot({ path: join(screenshotsDir, 'en-lead-adjudication-beside.png') });
      await page.getByRole('button', { name: 'Resolve…' }).click();
      await page.getByText(/^Before resolving, choose: Outcome, .*Note \(why\)\.$/).waitFor(); // nothing goes half-chosen
      await page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Award' });
      for (const picker of await page.getByRole('combobox', { name: /^Your level for / }).all()) await picker.selectOption({ index: 3 }); // level 3
      await page.getByRole('textbox', { name: 'Note (why)' }).fill('The discussion at 0:12 meets level 3.');
      await page.getByRole('button', { name: 'Resolve…' }).click();
      const confirm = page.getByRole('dialog', { name: /^Resolve .* as Award\?$/ });
      await expect(confirm.getByRole('definition').allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^3 · /)]));
      await confirm.getByRole('button', { name: 'Go back' }).click(); // cancelling queues nothing
      await expect(page.getByText('Resolution saved; it goes to the server with the next sync.').count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Resolve…' }).click();
      await confirm.getByRole('button', { name: 'Resolve', exact: true }).click();
      await page.locator('.toast').getByText('Resolution saved; it goes to the server with the next sync.').waitFor(); // beside the evidence: back in the queue, told in the notice
      await page.getByRole('button', { name: 'Scoring' }).click();
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByText(/^Online · synced /).waitFor();
      const check = new HostedStore(serverDir);
      try {
        const resolution = check.adjudications.list()[0]?.resolution;
        expect(resolution).toMatchObject({ outcome: 'award', note: 'The discussion at 0:12 meets level 3.', resolvedBy: 'acct-lead' });
        expect(resolution?.scores.every((score) => score.level === 3)).toBe(true);
      } finally {
        check.close();
      }
    } finally {
      await api.stop();
      cleanup(serverDir);
    }
  });
});
