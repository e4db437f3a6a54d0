import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cleanup, freshDataDir, startHostedApiProcess } from './harness';
import { claim, pick, signIn, waitForVideo } from './page-helpers';
import { useWorkstationSession } from './session';

const session = useWorkstationSession({ previewPerTest: false }); // each test starts its own, signed in to its server

/**
 * Words of English that no Spanish sentence uses. Content the programme wrote (rubrics, titles,
 * labels, comments: marked `data-content`) is left out; everything else on screen — the interface,
 * core's and the server's messages, video.js's controls, names read out to screen readers — counts.
 */
const englishWords = /\b(the|and|of|to|is|are|not|with|your|this|that|for|from|has|have|will|was|please|waiting|downloading|downloaded|files?|failed|error|signed|scored|criteria|comments?|decided|award|play|pause|mute|captions|seek|progress|remaining|duration|loaded|fullscreen)\b/i;

async function englishOnScreen(page: Page): Promise<string[]> {
  return page.evaluate((pattern) => {
    const english = new RegExp(pattern, 'i');
    const found = new Set<string>();
    const outsideContent = (element: Element | null): boolean => !!element && !element.closest('[data-content]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text && english.test(text) && outsideContent(node.parentElement) && !node.parentElement?.closest('script, style')) found.add(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!outsideContent(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value && english.test(value)) found.add(`${name}: ${value}`);
      }
    }
    return [...found];
  }, englishWords.source);
}

describe('Spanish', () => {
  it('shows no English from the interface, core or the server, signed in with a claimed batch', async () => {
    const serverDir = freshDataDir();
    const api = await startHostedApiProcess({ dataDir: serverDir });
    try {
      await session.startPreview({ serverUrl: api.url });
      const { page } = session;
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(session.preview.url);
      await signIn(page, 'assessor@example.org', 'correct horse battery staple');
      await claim(page, 5);
      // Switched after core and the server have spoken: what they said is said again in Spanish.
      await pick(page, 'Language', 'español');
      await page.locator('.toast').getByText('Se reservaron 5 entregas; sus evidencias se están descargando.').waitFor(); // said again in Spanish
      const seen: string[] = [];
      // What stays counts: screen readers' announcements of a toast shown before the switch clear within seconds.
      const look = async (where: string): Promise<void> => {
        let found: string[] = [];
        for (let tries = 0; tries < 20; tries += 1) {
          found = await englishOnScreen(page);
          if (found.length === 0) break;
          await page.waitForTimeout(250);
        }
        for (const text of found) seen.push(`${where}: ${text}`);
      };
      await page.getByRole('button', { name: 'Cuenta y sincronización' }).click();
      await page.getByRole('dialog').waitFor();
      await look('account drawer');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('option', { name: /Submission 0001/ }).click();
      await page.waitForFunction(() => document.querySelector('.video-host') !== null, undefined, { timeout: 60_000 });
      await waitForVideo(page);
      await look('workspace');
      await page.locator('.rubric-pane [role="radiogroup"]').first().focus();
      await page.keyboard.press('1');
      await page.keyboard.press('Alt+Shift+N'); // refused: the low score cites nothing
      await look('refused decision');
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
      await look('shortcut sheet');
      expect(seen).toEqual([]);
    } finally {
      await api.stop();
      cleanup(serverDir);
    }
  });
});
