import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startPreview } from './harness';
import { pick, waitForVideo } from './page-helpers';
import { useWorkstationSession } from './session';

const session = useWorkstationSession({ viewport: { width: 1440, height: 900 } });

describe('workstation in Chromium through the preview host', () => {
  it('opens the demo workspace, shows the queue and opens a submission from the keyboard', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    // Neither the secret nor the page token stays in the address bar (or the history).
    expect(new URL(page.url()).search).toBe('');
    await page.waitForFunction(() => window.location.hash === '');
    expect(await page.context().cookies()).toEqual([]); // nothing ambient: no cookie carries a credential
    await page.getByText('Demo workspace').waitFor();
    const queue = page.getByRole('listbox', { name: 'Batch queue' });
    await queue.getByRole('option').first().waitFor();
    await expect(queue.getByRole('option').count()).resolves.toBe(7);
    await expect(queue.getByRole('option').first().textContent()).resolves.toContain('Not started');

    await queue.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: /Submission 002/ });
    await heading.waitFor();
    await expect(heading.textContent()).resolves.toContain('Calculating Compound Interest');
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual([
      'Video Classroom video: small-group calculation',
      'Image Student work: savings growth table',
      'Written response Written reflection (Parts 1 and 3)',
    ]);
    await expect(page.getByRole('radiogroup', { name: 'Accurate calculation' }).getByRole('radio').count()).resolves.toBe(4);
    await expect(page.getByRole('region', { name: 'Rubric' }).getByRole('radiogroup').count()).resolves.toBe(6);
  });

  it('saves a score durably, updates the queue status, and keeps it when the page is opened again', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await page.getByRole('option', { name: /Submission 003/ }).click();
    const group = page.getByRole('radiogroup', { name: 'Quality of discussion' });
    await group.getByRole('radio', { name: /3 · Proficient/ }).click();
    await page.getByText(/^Saved \(/).waitFor();
    await expect(group.getByRole('radio', { name: /3 · Proficient/ }).isChecked()).resolves.toBe(true);
    await page.getByRole('option', { name: /Submission 003.*In progress/ }).waitFor();
    await page.getByText('1 of 8 criteria scored').waitFor();

    // The page keeps its access in memory only: a reload asks for the printed link, and nothing is lost.
    await page.reload();
    await page.getByText(/Open the link the workstation printed when it started/).waitFor();
    await page.goto(preview.url);
    await page.getByRole('option', { name: /Submission 003/ }).click();
    await expect(page.getByRole('radiogroup', { name: 'Quality of discussion' }).getByRole('radio', { name: /3 · Proficient/ }).isChecked()).resolves.toBe(true);
  });

  it('shows attempt 1’s score and feedback beside each criterion of a resubmission', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await page.getByRole('option', { name: /Submission 004/ }).click();
    await page.getByText('Resubmission', { exact: true }).waitFor();
    await expect(page.getByText('Attempt 1: 2 · Developing').count()).resolves.toBe(3);
    await page.getByText(/Earlier feedback: 'Understand credit scores' is not measurable/).waitFor();
  });

  it('speaks Spanish, with dates formatted for the locale', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await pick(page, 'Language', 'español');
    await page.getByRole('listbox', { name: 'Cola del lote' }).waitFor();
    await page.getByText('Demostración').waitFor();
    await page.getByText(/Vence el \d{1,2} dic 2026/).first().waitFor();
    await page.getByRole('option', { name: /Submission 001/ }).click();
    await page.getByRole('heading', { name: 'Rúbrica' }).waitFor();
    await page.getByText('0 de 7 criterios puntuados').waitFor();
    await page.goto(preview.url);
    await page.getByRole('listbox', { name: 'Cola del lote' }).waitFor();
  });

  it('shows a browser that lacks the link how to get in, and gives it no data', async () => {
    const { page, preview } = session;
    await page.goto(`${preview.origin}/`);
    await page.getByText(/Open the link the workstation printed when it started/).waitFor();
    const answer = await page.evaluate(async () => (await fetch('/rpc/workspace.summary', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status);
    expect(answer).toBe(401);
    expect((await page.goto(`${preview.origin}/?secret=wrong`))?.status()).toBe(401);
  });

  it('tells a page whose access ended (the workstation was started again) to open the printed link again, and loses nothing', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    const queue = page.getByRole('listbox', { name: 'Batch queue' });
    await queue.getByRole('option', { name: /Submission 003/ }).click();
    await page.getByRole('heading', { level: 2, name: /Submission 003/ }).waitFor();
    // Its evidence shown (the player's code is fetched once a video is first shown): stopped before that,
    // the page could not fetch it, and would fail for that rather than for the new run's refusal.
    await waitForVideo(page);
    await queue.focus();
    await preview.stop({ keepData: true });
    const restarted = (session.preview = await startPreview({ dataDir: preview.dataDir, port: preview.port }));
    // The next thing the page asks (opening a submission, or its time on task) carries a token the new run never issued.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText('This page’s access has ended: it went unused for hours, or the workstation was started again.').waitFor();
    await page.getByRole('alert').getByText(/Open the link the workstation printed when it started/).waitFor();
    await page.goto(restarted.url);
    await page.getByRole('heading', { level: 2, name: /Submission 003/ }).waitFor();
  });

  it('gives a page of another local port nothing, though the workstation is open in the same browser', async () => {
    const { preview } = session;
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(preview.url);
    await page.getByRole('listbox', { name: 'Batch queue' }).waitFor();
    // Another local program's page, on another port of 127.0.0.1: browsers send it this host's cookies, if there were any.
    const other = createServer((_request, response) => response.end('<!doctype html><title>other</title>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const stranger = await context.newPage();
      await stranger.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      const attempts = await stranger.evaluate(async (target) => {
        const rpcStatus = await fetch(`${target}/rpc/workspace.summary`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' }).then(
          (response) => response.status,
          () => 'blocked',
        );
        const socket = await new Promise<string>((resolve) => {
          const ws = new WebSocket(`${target.replace('http', 'ws')}/events`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        });
        return { rpcStatus, socket };
      }, preview.origin);
      expect(attempts.rpcStatus === 'blocked' || attempts.rpcStatus === 403 || attempts.rpcStatus === 401).toBe(true);
      expect(attempts.socket).toBe('refused');
    } finally {
      await context.close();
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

describe('a generated batch of 5,000 submissions', () => {
  it('renders only the visible rows and reaches the last one from the keyboard', async () => {
    const { page } = session;
    const preview = await session.startPreview({ generatedBatch: 5000 });
    await page.goto(preview.url);
    await pick(page, 'Batch', /5,000|5000/);
    const queue = page.getByRole('listbox', { name: 'Batch queue' });
    await queue.getByRole('option', { name: /Submission 00001/ }).waitFor();
    const rendered = await queue.getByRole('option').count();
    expect(rendered).toBeLessThan(60);
    await expect(queue.getByRole('option').first().getAttribute('aria-setsize')).resolves.toBe('5000');
    await queue.focus();
    await page.keyboard.press('End');
    await queue.getByRole('option', { name: /Submission 05000/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /Submission 05000/ }).waitFor();
    await expect(queue.getByRole('option').count()).resolves.toBeLessThan(60);
  });
});
