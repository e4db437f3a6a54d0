import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startPreview } from './harness';
import type { RunningPreview } from './harness';

export interface WorkstationSession {
  browser: Browser;
  /** A fresh preview host (own data folder) per test; a test that replaces it stores the new one here. */
  preview: RunningPreview;
  page: Page;
  newPage(): Promise<Page>;
}

/**
 * Registers the hooks every end-to-end suite needs: one Chromium per file, a fresh preview host and
 * page per test, and a failure if the page threw.
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
    session.page = await session.newPage();
  });
  afterEach(async () => {
    await session.page.close();
    await session.preview.stop();
    expect(pageErrors.splice(0)).toEqual([]);
  });
  return session;
}
