import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cutOrWrappedWords, openFromQueue, pick, screenshotsDir, seriousAxeViolations, waitForImage, waitForSaved, waitForVideo, waitForVideoNear } from './page-helpers';
import { useWorkstationSession } from './session';

const session = useWorkstationSession();

/** The demo workspace as an assessor leaves it mid-batch: a decision made, comments on video, page and image. */
async function setTheScene(page: Page): Promise<void> {
  await openFromQueue(page, /Submission 002/);
  await waitForVideo(page);
  await page.keyboard.press('l');
  await waitForVideoNear(page, 10);
  await page.keyboard.press('c');
  await page.keyboard.type('Works the first year out loud before the class tries the second.');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('l');
  await page.keyboard.press('c');
  await page.keyboard.type('Ask a learner to predict year 3 before calculating.');
  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  await waitForImage(page); // else the drag marks nothing, and the comment's words are typed as shortcuts
  await page.keyboard.press('r');
  const layer = page.locator('.region-layer.drawing');
  const box = (await layer.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 4 });
  await page.mouse.up();
  await page.locator('.region.current').waitFor(); // marked,
  await page.locator('textarea:focus').waitFor(); // and its comment open for writing
  await page.keyboard.type('Year 3 is where the table should show interest on interest.');
  await page.keyboard.press('Escape');
  await waitForSaved(page);
}

/**
 * No serious or critical axe violations on the scoring screen in either theme, the video and the
 * marked image each (where the scene is set: the English screens at 1440×900); a screenshot of each theme.
 */
async function checkBothThemes(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]); // the image with its marked area
  await page.keyboard.press('[');
  await waitForVideo(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsDir, `en-1440x900-theme-${colorScheme}.png`) });
  }
  await page.keyboard.press(']');
  await page.locator('.region').first().waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]); // the image, dark
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The screens an assessor meets, in one language at one size, from the scene set (Submission 002 open, its image shown). */
async function shootTheScreens(page: Page, language: 'en' | 'es', width: number, height: number): Promise<void> {
  const shoot = (name: string): Promise<Buffer> => page.screenshot({ path: join(screenshotsDir, `${language}-${width}x${height}-${name}.png`) });
  await page.keyboard.press('[');
  await waitForVideo(page);
  await shoot('1-video-and-rubric');
  await page.keyboard.press(']');
  await page.locator('.region').first().waitFor();
  await shoot('2-image-with-marked-area');
  await openFromQueue(page, /Submission 001/);
  await waitForVideo(page);
  await page.keyboard.press('t');
  await page.locator('.cue').first().waitFor();
  await page.locator('.cue-seek').nth(1).click();
  await page.locator('.cue.current').waitFor();
  await shoot('3-transcript');
  await page.keyboard.press(']');
  await page.locator('.pdf-page .textLayer span').first().waitFor(); // the page is drawn with its text
  await shoot('4-student-work-pdf');
  await page.keyboard.press('?');
  await page.getByRole('dialog').waitFor();
  await shoot('5-shortcut-sheet');
  await page.keyboard.press('Escape');
  await page.locator('.header-button').first().click();
  await page.getByRole('dialog').waitFor();
  await shoot('6-account-and-sync');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('screenshots of the main screens, in both languages, at the two sizes assessors use', () => {
  // One workstation and one scene for all four: setting the scene again for each was most of this file's time.
  it('en and es at 1280×720 and 1440×900, with axe in both themes', async () => {
    const { page, preview } = session;
    mkdirSync(screenshotsDir, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(preview.url);
    await setTheScene(page);
    await checkBothThemes(page);
    for (const [language, width, height] of [
      ['en', 1440, 900],
      ['en', 1280, 720],
      ['es', 1280, 720],
      ['es', 1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      if (language === 'es' && (await page.locator('html').getAttribute('lang')) !== 'es') await pick(page, 'Language', 'español');
      await openFromQueue(page, /Submission 002/);
      await page.locator('.evidence-tabs [role="tab"]').nth(1).click(); // the scene: its image, with the marked area
      await page.locator('.region').first().waitFor();
      expect(await cutOrWrappedWords(page), `${language} at ${width}×${height}`).toEqual([]);
      await shootTheScreens(page, language, width, height);
    }
  });
});
