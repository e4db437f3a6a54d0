import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { HostedStore } from '../hosted-api/store';
import { rpc } from '../support/http';
import { until } from '../support/until';
import type { RunningPreview } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<unknown[]> {
  await page.evaluate(axeSource); // through the DevTools protocol, so our CSP does not block it
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.slice(0, 3).map((node) => node.target) }));
  });
}

/** The playing element's current time in seconds. */
export function videoTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector<HTMLMediaElement>('.video-host video')?.currentTime ?? -1);
}

/**
 * Waits until the evidence video can seek (its metadata is loaded). Fails saying what the page had
 * (the player, the media element's states and error, whether the page was visible), so a stall is legible.
 */
export async function waitForVideo(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.video-host')?.dataset.ready === 'true' && (document.querySelector<HTMLMediaElement>('.video-host video')?.readyState ?? 0) >= 1);
  } catch (error) {
    const seen = await page
      .evaluate(() => {
        const host = document.querySelector<HTMLElement>('.video-host');
        const video = host?.querySelector('video');
        return {
          host: host ? { ready: host.dataset.ready ?? null, evidenceId: host.dataset.evidenceId ?? null } : null,
          video: video ? { readyState: video.readyState, networkState: video.networkState, error: video.error?.message ?? video.error?.code ?? null, src: video.currentSrc.replace(/sig=[^&]+/, 'sig=…') } : null,
          visibility: document.visibilityState,
        };
      })
      .catch((reason: unknown) => String(reason));
    throw new Error(`the evidence video did not become ready: ${JSON.stringify(seen)}`, { cause: error });
  }
}

/** Waits until the video has settled near `seconds` (seeks are asynchronous). */
export async function waitForVideoNear(page: Page, seconds: number, tolerance = 0.5): Promise<void> {
  await page.waitForFunction(
    ([target, slack]) => {
      const video = document.querySelector<HTMLMediaElement>('.video-host video');
      return !!video && !video.seeking && Math.abs(video.currentTime - target!) <= slack!;
    },
    [seconds, tolerance],
  );
}

/**
 * Waits until the image evidence shown has loaded. The layer that marks areas on it takes the image's
 * size: measured before, it is a sliver, and a drag on it marks nothing (or somewhere else).
 */
export async function waitForImage(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const image = document.querySelector<HTMLImageElement>('.image-canvas img');
    return !!image && image.complete && image.naturalWidth > 0;
  });
}

/**
 * Resolves once the page has drawn two more frames: what the last key or resize set off in the renderer
 * is on screen by then, so a key that shows nothing by then does nothing.
 */
export async function afterTwoFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Waits for every shown edit to be acknowledged as durable (in any language). */
export async function waitForSaved(page: Page): Promise<void> {
  await page.locator('.save-status.save-saved').waitFor();
}

export async function openFromQueue(page: Page, label: RegExp): Promise<void> {
  await page.getByRole('option', { name: label }).click();
  await page.getByRole('heading', { level: 2, name: label }).waitFor();
}

/**
 * Waits until the claimed batch is all on this machine and the queue says so. Fails saying what
 * core reported (the files left, what moves, notices) and what the queue showed, so a stall is legible.
 */
export async function waitForOfflineBatch(page: Page, preview: RunningPreview, timeoutMs = 90_000): Promise<void> {
  const rowsLeft = (): Promise<number> => page.evaluate(() => document.querySelectorAll('.queue-row .chip-remote').length);
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await rowsLeft()) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const status = await rpc(preview.port, preview.secret, 'sync.status', {});
  const rows = await page.evaluate(() => [...document.querySelectorAll('.queue-row')].map((row) => row.textContent));
  throw new Error(`the batch is not all offline after ${timeoutMs} ms.\nqueue: ${JSON.stringify(rows)}\nsync.status: ${status.body}`);
}

/** The rubric's criteria (each a radio group of its levels), apart from any other radio group on the page. */
export function criteriaOf(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('region', { name: 'Rubric' }).getByRole('radiogroup');
}

/** The account and sync drawer (signing in, claiming, sync details, qualification), opened from the header. */
export async function openAccount(page: Page): Promise<ReturnType<Page['getByRole']>> {
  const drawer = page.getByRole('dialog', { name: 'Account and sync' });
  if (!(await drawer.isVisible())) await page.getByRole('button', { name: 'Account and sync' }).click();
  await drawer.waitFor();
  return drawer;
}

export async function closeAccount(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Account and sync' }).waitFor({ state: 'detached' });
}

/** Signs in from the drawer (and leaves it open, for claiming). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const drawer = await openAccount(page);
  await drawer.getByRole('textbox', { name: 'Email' }).fill(email);
  await drawer.getByLabel('Password').fill(password);
  await drawer.getByRole('button', { name: 'Sign in' }).click();
  await drawer.getByText(`Signed in as ${email}.`).waitFor();
}

/** Claims a batch of `size` from the drawer; it closes, and the queue shows the new batch. */
export async function claim(page: Page, size: number): Promise<void> {
  const drawer = await openAccount(page);
  await drawer.getByRole('spinbutton', { name: 'Submissions' }).fill(String(size));
  await drawer.getByRole('button', { name: 'Claim a batch' }).click();
  await drawer.waitFor({ state: 'detached' });
  // The server's submissions (labelled with four digits; the demo's with three) are in the queue: a row
  // clicked before would be the demo's, closed again as the queue turns to the new batch.
  await page.getByRole('listbox').first().getByRole('option', { name: /\b\d{4}\b/ }).first().waitFor();
}

/** Chooses an option of one of the workstation's pickers (a Radix Select: a button, then a listbox). */
export async function pick(page: Page, picker: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: picker }).click();
  const choices = page.locator('.picker-content');
  await choices.getByRole('option', { name: option }).click();
  await choices.waitFor({ state: 'detached' });
}

/** Where a reviewer finds the main screens without running the app (named in the README). */
export const screenshotsDir = join(import.meta.dirname, '..', '..', 'screenshots');

/** Signs out from the drawer (unsent work stays) and closes it. */
export async function signOut(page: Page): Promise<void> {
  const drawer = await openAccount(page);
  await drawer.getByRole('button', { name: 'Sign out' }).click();
  await drawer.getByRole('button', { name: 'Sign in' }).waitFor();
  await closeAccount(page);
}

/** "Sync now" from the header, until the status line says nothing waits. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText(/^Online · synced /).waitFor();
}

/**
 * Waits until the reference server's own database shows `what` (read from its files): the status line
 * read just after an action can still show the last pass, and signing out then would keep the work here.
 */
export async function untilOnServer(serverDir: string, what: string, check: (store: HostedStore) => boolean): Promise<void> {
  await until(() => {
    const store = new HostedStore(serverDir);
    try {
      return Promise.resolve(check(store));
    } finally {
      store.close();
    }
  }, what);
}

/**
 * Waits as `waiting` does; if it fails, the error also says what the screen showed (headings, the
 * queue, toasts), so that a failure on a loaded machine can be read without running it again.
 */
export async function orExplain<T>(page: Page, waiting: Promise<T>): Promise<T> {
  try {
    return await waiting;
  } catch (error) {
    const shown = {
      headings: await page.locator('h2, h3').allTextContents(),
      queue: await page.getByRole('listbox').allTextContents(),
      toasts: await page.locator('.toast').allTextContents(),
      notices: await page.locator('[role="status"], [role="alert"], .hint').allTextContents(),
    };
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nOn screen: ${JSON.stringify(shown)}`, { cause: error });
  }
}

/**
 * The words in the header, the lead's bar of views and on the decision buttons that are cut short or
 * wrapped onto a second line (none should be, in either language, at the sizes assessors use).
 */
export function cutOrWrappedWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('.app-header > *, .app-header .sync-text, .view-switch > button, .decision-buttons > button')) {
      const text = element.textContent?.trim() ?? '';
      if (!text) continue;
      const words = document.createRange();
      words.selectNodeContents(element);
      const lineTops = [...words.getClientRects()].map((rect) => rect.top).sort((a, b) => a - b);
      const wrapped = lineTops.some((top, index) => index > 0 && top - lineTops[index - 1]! > 8);
      const cut = element.scrollWidth > element.clientWidth + 1 || element.getBoundingClientRect().right > innerWidth;
      if (wrapped || cut) found.push(text);
    }
    return found;
  });
}

/**
 * Writes the overall feedback from the keyboard (its key, Shift+F, brings the field into focus) and
 * leaves the field; a decision with none asks first (see the scoring keyboard journey).
 */
export async function writeOverallFeedback(page: Page, text = 'Your objectives are clear, named at the start and checked at the end.'): Promise<void> {
  await page.keyboard.press('Shift+F');
  await page.locator('textarea:focus').waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}
