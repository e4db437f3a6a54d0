import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { keysFolderFor } from '../../electron/core/platform/paths';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startPreview } from './harness';
import type { RunningPreview } from './harness';

export interface WorkstationSession {
  browser: Browser;
  /** A fresh preview host (own data folder) per test; a test that replaces it stores the new one here. */
  preview: RunningPreview;
  /** The file's page, blank at the start of each test, at the file's viewport, light theme. */
  page: Page;
  newPage(): Promise<Page>;
}

/**
 * Registers the hooks every end-to-end suite needs: one Chromium per file, a fresh preview host per
 * test, and a failure if the page threw.
 *
 * The page is the file's, not the test's: each test's preview host is another origin (its own port),
 * so nothing a page keeps (storage, caches, its workstation's access) reaches the next test, and a new
 * page costs Chromium a renderer process started from nothing (~1.5 CPU-s here, a sixth of a short
 * test). A test may close it (a crash, a restart): the next test gets a new one.
 */
export function useWorkstationSession(viewport = { width: 1600, height: 1000 }): WorkstationSession {
  const pageErrors: string[] = [];
  const session = {} as WorkstationSession;
  session.newPage = async () => {
    const page = await session.browser.newPage({ viewport, locale: 'en-US' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };
  beforeAll(async () => {
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser.close();
  });
  beforeEach(async () => {
    session.preview = await startPreview();
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
    const { dataDir } = session.preview;
    await session.preview.stop();
    expect(pageErrors.splice(0)).toEqual([]);
    expect([dataDir, keysFolderFor(dataDir)].filter((dir) => existsSync(dir)), 'left behind by the test').toEqual([]);
  });
  return session;
}
