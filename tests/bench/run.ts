// `npm run bench`: figures for every issue so far. Prints one table; asserts nothing.
//  - each inter-rater statistic on 50 raters × 10,000 units (target well under a second)
//  - lead dashboard for 100 assessors × 20 criteria × 1 year: computed in core, first paint in Chromium
//  - durable scoring write in core (target p99 < 5 ms), against a raw SQLite upsert with fsync off, also on
//    live work where each edit records its audit-trail change in the same transaction
//  - the severity model (many-facet Rasch) on 100 raters × 5,000 submissions × 8 criteria; a year of audit
//    trail (ms for one submission's timeline)
//  - preview cold load to first queue paint in Chromium, demo and 5,000-submission batches (target < 1,000 ms)
//  - open a submission from the queue to rubric and evidence painted (target p95 < 150 ms)
import Database from 'better-sqlite3-multiple-ciphers';
import { criteriaOf, writeOverallFeedback } from '../e2e/page-helpers';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { cleanup, freshDataDir, launchChromium, startPreview } from '../e2e/harness';
import type { RunningPreview } from '../e2e/harness';
import { openTestCore } from '../support/core-fixture';
import { bundleTestHosts } from '../support/test-hosts';
import { projectPaths } from '../../electron/launcher/project-paths';
import { rpc } from '../support/http';
import { claimedSubmission, manifestOf } from '../support/fake-hosted';
import { benchHosted } from './hosted';
import { benchDashboard } from './dashboard';
import { benchStatistics } from './statistics';
import { printTable, summarize } from './stats';
import type { Row } from './stats';

const rows: Row[] = [];
const progress = (message: string): void => console.error(`bench: ${message}`);

function benchDurableWrites(count: number): void {
  const fixture = openTestCore();
  const criteria = ['cs-ov-context', 'cs-ov-objectives', 'cs-ev-factors', 'cs-ev-engagement', 'cs-ev-work', 'cs-rf-impact', 'cs-rf-next'];
  const durable: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const result = fixture.core.invoke('draft.setScore', { submissionId: 'demo-sub-001', criterionId: criteria[index % criteria.length]!, level: (index % 4) + 1 });
    durable.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
  }
  // Live work also records each change for the audit trail in the same transaction (a run of edits to
  // one field updates its change; others are appended).
  claimedSubmission(fixture.db, 'bench-live');
  const live = manifestOf('bench-live').rubric.components.flatMap((component) => component.criteria.map((criterion) => criterion.id));
  const audited: number[] = [];
  for (let index = 0; index < count; index++) {
    const criterionId = live[index % live.length]!;
    const started = performance.now();
    const result =
      index % 2 === 0
        ? fixture.core.invoke('draft.setScore', { submissionId: 'bench-live', criterionId, level: (index % 4) + 1 })
        : fixture.core.invoke('draft.setRationale', { submissionId: 'bench-live', criterionId, rationale: `Seen at ${index} s: the evidence shows it.`.repeat(1 + (index % 5)) });
    audited.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
  }
  fixture.dispose();

  const dir = freshDataDir();
  const raw = new Database(join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.exec('CREATE TABLE scores (submission_id TEXT, criterion_id TEXT, level INTEGER, PRIMARY KEY (submission_id, criterion_id)) STRICT');
  const upsert = raw.prepare('INSERT INTO scores VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET level = excluded.level');
  const baseline: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    upsert.run('s', criteria[index % criteria.length], (index % 4) + 1);
    baseline.push(performance.now() - started);
  }
  raw.close();
  cleanup(dir);
  const baselineRow = { name: 'raw upsert, fsync off', summary: summarize(baseline) };
  rows.push({ name: 'baseline: raw SQLite upsert, synchronous=OFF', summary: baselineRow.summary, unit: 'ms', target: '' });
  rows.push({ name: 'durable scoring write (core, validated, FULL)', summary: summarize(durable), unit: 'ms', target: 'p99 < 5', baseline: baselineRow });
  rows.push({ name: 'durable scoring write on live work, with its audit-trail record', summary: summarize(audited), unit: 'ms', target: 'p99 < 5', baseline: baselineRow });
}

async function coldLoad(browser: Browser, preview: RunningPreview, batchId: string | null, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } }); // cold: empty cache
    const page = await context.newPage();
    if (batchId) await page.addInitScript(`window.localStorage.setItem('assessor.batch', ${JSON.stringify(batchId)})`);
    await page.goto(preview.url);
    await page.waitForFunction(() => performance.getEntriesByName('queue-painted').length > 0);
    samples.push(await page.evaluate(() => performance.getEntriesByName('queue-painted')[0]!.startTime));
    await context.close();
  }
  return samples;
}

async function openSubmission(browser: Browser, preview: RunningPreview, batchId: string | null, runs: number): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // The batch to open, as the last one worked in (the picker is not what is measured).
  if (batchId) await page.addInitScript(`window.localStorage.setItem('assessor.batch', ${JSON.stringify(batchId)})`);
  await page.goto(preview.url);
  await page.waitForFunction(() => document.querySelectorAll('[role="option"][id^="queue-option-"]').length > 3);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    samples.push(
      await page.evaluate(async (index) => {
        const options = [...document.querySelectorAll<HTMLElement>('[role="option"][id^="queue-option-"]')];
        const target = options[index % Math.min(options.length, 6)]!;
        const submissionId = target.id.replace('queue-option-', '');
        const alreadyOpen = target.getAttribute('aria-selected') === 'true';
        const next = alreadyOpen ? options[(index + 1) % Math.min(options.length, 6)]! : target;
        const wanted = alreadyOpen ? next.id.replace('queue-option-', '') : submissionId;
        performance.clearMarks('submission-painted');
        const started = performance.now();
        next.click();
        // No named inner functions here: the page gets this code as text (tsx would add helpers).
        return new Promise<number>((resolve) => {
          new PerformanceObserver((list, observer) => {
            const mark = list.getEntries().find((entry) => (entry as PerformanceMark).detail === wanted);
            if (!mark) return;
            observer.disconnect();
            resolve(mark.startTime - started);
          }).observe({ type: 'mark' });
        });
      }, run),
    );
  }
  await page.close();
  return samples;
}

/** Frame-to-frame times while the 5,000-row queue scrolls continuously (smooth = near 16.7 ms). */
async function scrollFrames(browser: Browser, preview: RunningPreview): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(`window.localStorage.setItem('assessor.batch', 'generated-5000')`);
  await page.goto(preview.url);
  await page.getByRole('option', { name: /Submission 00001/ }).waitFor();
  // Given as text: a named function compiled by tsx would carry a helper the page does not have.
  const frames = await page.evaluate<number[]>(`new Promise((resolve) => {
    const scroller = document.querySelector('[role="listbox"]');
    const times = [];
    const started = performance.now();
    let last = started;
    requestAnimationFrame(function frame(now) {
      times.push(now - last);
      last = now;
      scroller.scrollTop += 400; // ~24,000 px/s: far faster than a person scrolls
      if (now - started < 3000) requestAnimationFrame(frame);
      else resolve(times.slice(1));
    });
  })`);
  await page.close();
  return frames;
}

/**
 * The floor under edit → durable: a call that writes nothing, from the page to core and back, with the
 * page's own token (read from the address before the page takes it away), so that it reaches core: a
 * call without one is refused by the preview host and measures nothing.
 */
async function emptyRoundTrip(browser: Browser, preview: RunningPreview, calls: number): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(`window.__benchToken = (/(?:^#|&)session=([A-Za-z0-9_-]+)/.exec(location.hash) || [])[1] || window.__benchToken;`);
  await page.goto(preview.url);
  await page.getByRole('option', { name: /Submission 002/ }).waitFor();
  const samples = await page.evaluate(`(async () => {
    const times = [];
    const headers = { 'content-type': 'application/json', authorization: 'Bearer ' + window.__benchToken };
    for (let call = 0; call < ${calls}; call++) {
      const started = performance.now();
      const answer = await (await fetch('/rpc/app.info', { method: 'POST', headers, body: '{}' })).json();
      if (!answer.ok) throw new Error('the empty call did not reach core: ' + JSON.stringify(answer));
      times.push(performance.now() - started);
    }
    return times;
  })()`);
  await page.close();
  return samples as number[];
}

/** Edit → durable: from the debounced save leaving the page to core's acknowledgement (as measured in the page). */
async function editToDurable(browser: Browser, preview: RunningPreview, edits: number): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(preview.url);
  await page.getByRole('option', { name: /Submission 002/ }).click();
  const rationale = page.getByRole('textbox', { name: 'Rationale (internal)' }).first();
  await rationale.waitFor();
  await page.evaluate(() => performance.clearMeasures('durable-save'));
  for (let edit = 0; edit < edits; edit++) {
    await rationale.fill(`Rationale revision ${edit}: objectives are measurable.`);
    await page.waitForFunction((count) => performance.getEntriesByName('durable-save').length >= count, edit + 1);
  }
  const samples = await page.evaluate(() => performance.getEntriesByName('durable-save').map((entry) => entry.duration));
  await page.close();
  return samples;
}

/**
 * Click on a comment → the video shows that time: the seek completes (the frame is decoded) and the
 * next frame is painted. (requestVideoFrameCallback does not fire for a paused video in headless Chromium.)
 */
async function commentToFrame(browser: Browser, preview: RunningPreview, clicks: number): Promise<number[]> {
  const times = [3_000, 9_500, 17_000, 24_000, 31_000, 37_500];
  for (const [index, startMs] of times.entries()) {
    await rpc(preview.port, preview.secret, 'comment.save', {
      submissionId: 'demo-sub-006',
      comment: { id: `bench-${index}`, evidenceId: 'demo-ev-006-video', startMs, endMs: null, page: null, quote: null, body: `Moment ${index}`, tag: 'note', visibility: 'internal', criterionIds: [] },
    });
  }
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(preview.url);
  await page.getByRole('option', { name: /Submission 006/ }).click();
  await page.waitForFunction(() => (document.querySelector<HTMLMediaElement>('.video-host video')?.readyState ?? 0) >= 2);
  const samples: number[] = [];
  for (let click = 0; click < clicks; click++) {
    const index = click % times.length;
    // Given as text: the page cannot run helpers tsx adds to named functions.
    samples.push(
      await page.evaluate<number>(`new Promise((resolve) => {
        const video = document.querySelector('.video-host video');
        const button = [...document.querySelectorAll('.comment-anchor')][${index}];
        const started = performance.now();
        video.addEventListener('seeked', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started))), { once: true });
        button.click();
      })`),
    );
  }
  await page.close();
  return samples;
}

/** Renderer heap (after a forced GC) before and after scoring and awarding 100 submissions in a row. */
async function heapOverHundredSubmissions(browser: Browser, preview: RunningPreview): Promise<{ before: number; after: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async (): Promise<number> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize / (1024 * 1024);
  };
  await page.addInitScript(`window.localStorage.setItem('assessor.batch', 'generated-5000')`);
  await page.goto(preview.url);
  await page.getByRole('option', { name: /Submission 00001/ }).click();
  await page.getByRole('heading', { level: 2, name: /Submission 00001/ }).waitFor();
  const before = await heapMb();
  for (let scored = 0; scored < 100; scored++) {
    if (scored % 10 === 0) progress(`  scored ${scored}`);
    const label = `Submission ${String(scored + 1).padStart(5, '0')}`;
    await page.getByRole('heading', { level: 2, name: new RegExp(label) }).waitFor();
    await criteriaOf(page).first().waitFor();
    const criteria = await criteriaOf(page).count();
    for (let press = 0; press < criteria; press++) await page.keyboard.press('3');
    await page.getByText('Meets the pass rule: award').waitFor();
    await writeOverallFeedback(page); // as an assessor does (a decision without it asks first)
    await page.getByText(/^Saved \(/).waitFor();
    await page.keyboard.press('Alt+Shift+A');
  }
  await page.getByRole('heading', { level: 2, name: /Submission 00101/ }).waitFor();
  const after = await heapMb();
  await page.close();
  return { before, after };
}

async function main(): Promise<void> {
  // The hosts it starts run from bundles (as in the tests), made here from the sources as they are now:
  // on a fresh clone no test run has made them yet.
  bundleTestHosts(projectPaths().root);
  benchDurableWrites(1000);
  progress('inter-rater statistics');
  benchStatistics(rows);
  const browser = await launchChromium();
  const demo = await startPreview();
  const large = await startPreview({ generatedBatch: 5000 });
  try {
    const batches = [
      { label: 'demo, 7', preview: demo, batchId: null },
      { label: '5,000 batch', preview: large, batchId: 'generated-5000' },
    ];
    for (const { label, preview, batchId } of batches) {
      rows.push({ name: `preview cold load → first queue paint (${label})`, summary: summarize(await coldLoad(browser, preview, batchId, 12)), unit: 'ms', target: '< 1000' });
    }
    for (const { label, preview, batchId } of batches) {
      rows.push({ name: `open submission → rubric + evidence painted (${label})`, summary: summarize(await openSubmission(browser, preview, batchId, 60)), unit: 'ms', target: 'p95 < 150' });
    }
    progress('edit → durable');
    const roundTrip = { name: 'empty call', summary: summarize(await emptyRoundTrip(browser, demo, 100)) };
    rows.push({ name: 'baseline: empty call page → core → page (app.info)', summary: roundTrip.summary, unit: 'ms', target: '' });
    rows.push({ name: 'edit → durable after the debounce (rationale)', summary: summarize(await editToDurable(browser, demo, 100)), unit: 'ms', target: 'p99 < 20', baseline: roundTrip });
    progress('comment → frame');
    rows.push({ name: 'click comment → video frame at that time', summary: summarize(await commentToFrame(browser, demo, 60)), unit: 'ms', target: 'p95 < 250' });
    progress('heap over 100 submissions');
    const heap = await heapOverHundredSubmissions(browser, large);
    rows.push({ name: 'renderer heap before scoring 100 submissions', summary: summarize([heap.before]), unit: 'MB', target: '' });
    rows.push({ name: 'renderer heap after scoring 100 submissions', summary: summarize([heap.after]), unit: 'MB', target: 'growth < 20', baseline: { name: 'before', summary: summarize([heap.before]) } });
    rows.push({ name: 'queue scroll frame time (5,000 batch, 3 s fling)', summary: summarize(await scrollFrames(browser, large)), unit: 'ms', target: 'p95 ≤ 33 (30 fps)' });
    progress('lead dashboard');
    await benchDashboard(rows, browser);
  } finally {
    await browser.close();
    await demo.stop();
    await large.stop();
  }
  progress('hosted API and sync');
  await benchHosted(rows, progress);
  console.log('');
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
