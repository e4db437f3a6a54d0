import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { keysFolderFor } from '../../electron/core/platform/paths';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startPreview } from './harness';
import type { RunningPreview } from './harness';

export type PreviewOptions = Parameters<typeof startPreview>[0];

export interface WorkstationSession {
  browser: Browser;
  /** The test's preview host (own data folder): the default one, or the one the test started. */
  preview: RunningPreview;
  /** Stops the test's preview host, if one runs, and starts one with these options in its place. */
  startPreview(options: PreviewOptions): Promise<RunningPreview>;
  /** The file's page, blank at the start of each test, at the file's viewport, light theme. */
  page: Page;
  newPage(): Promise<Page>;
}

/**
 * Registers the hooks every end-to-end suite needs: one Chromium per file, a fresh preview host per
 * test, and a failure if the page threw or broke the Content Security Policy. A file whose every test starts its own host (signed in to a
 * server the test starts) says `previewPerTest: false`, so that no default one starts only to be
 * stopped (~1 CPU-s each).
 *
 * The page is the file's, not the test's: each test's preview host is another origin (its own port),
 * so nothing a page keeps (storage, caches, its workstation's access) reaches the next test, and a new
 * page costs Chromium a renderer process started from nothing (~1.5 CPU-s here, a sixth of a short
 * test). A test may close it (a crash, a restart): the next test gets a new one.
 */
export function useWorkstationSession({ viewport = { width: 1600, height: 1000 }, previewPerTest = true } = {}): WorkstationSession {
  const pageErrors: string[] = [];
  const session = {} as WorkstationSession;
  let running: RunningPreview | null = null;
  Object.defineProperty(session, 'preview', {
    get: () => {
      if (!running) throw new Error('This test has no preview host yet: start one with session.startPreview(…).');
      return running;
    },
    // A test that stopped its host keeping the data (a restart) stores the one it started on that data.
    set: (preview: RunningPreview) => (running = preview),
  });
  session.startPreview = async (options) => {
    await running?.stop();
    running = await startPreview(options);
    return running;
  };
  // What a page threw, and every Content Security Policy violation it reported (the workstation's
  // policy must hold for everything it runs, video.js included), in it and in the windows it opens.
  const watch = (page: Page): void => {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(`CSP: ${message.text()}`);
    });
    page.on('popup', watch);
  };
  session.newPage = async () => {
    const page = await session.browser.newPage({ viewport, locale: 'en-US' });
    watch(page);
    return page;
  };
  beforeAll(async () => {
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser.close();
  });
  beforeEach(async () => {
    if (previewPerTest) running = await startPreview();
    if (!session.page || session.page.isClosed()) session.page = await session.newPage();
  });
  afterEach(async () => {
    const { page } = session;
    if (!page.isClosed()) {
      // Leave the workstation before its host stops, so that nothing of this test's page runs on.
      await page.goto('about:blank');
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: 'light' });
    }
    const stopped = running;
    running = null;
    await stopped?.stop();
    expect(pageErrors.splice(0)).toEqual([]);
    if (stopped) expect([stopped.dataDir, keysFolderFor(stopped.dataDir)].filter((dir) => existsSync(dir)), 'left behind by the test').toEqual([]);
  });
  return session;
}
