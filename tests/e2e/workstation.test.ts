import { describe, expect, it } from 'vitest';
import { startPreview } from './harness';
import { useWorkstationSession } from './session';

const session = useWorkstationSession({ width: 1440, height: 900 });

describe('workstation in Chromium through the preview host', () => {
  it('opens the demo workspace, shows the queue and opens a submission from the keyboard', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    expect(new URL(page.url()).search).toBe(''); // the secret left the address bar
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
    await expect(page.getByRole('radiogroup').count()).resolves.toBe(6);
  });

  it('saves a score durably, updates the queue status, and keeps it across a reload', async () => {
    const { page, preview } = session;
    await page.goto(preview.url);
    await page.getByRole('option', { name: /Submission 003/ }).click();
    const group = page.getByRole('radiogroup', { name: 'Quality of discussion' });
    await group.getByRole('radio', { name: /3 · Proficient/ }).click();
    await page.getByText(/^All changes saved \(/).waitFor();
    await expect(group.getByRole('radio', { name: /3 · Proficient/ }).isChecked()).resolves.toBe(true);
    await page.getByRole('option', { name: /Submission 003.*In progress/ }).waitFor();
    await page.getByText('1 of 8 criteria scored').waitFor();

    await page.reload();
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
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('listbox', { name: 'Cola del lote' }).waitFor();
    await page.getByText('Espacio de demostración').waitFor();
    await page.getByText(/Vence el \d{1,2} dic 2026/).first().waitFor();
    await page.getByRole('option', { name: /Submission 001/ }).click();
    await page.getByRole('heading', { name: 'Rúbrica' }).waitFor();
    await page.getByText('0 de 7 criterios puntuados').waitFor();
    await page.reload();
    await page.getByRole('listbox', { name: 'Cola del lote' }).waitFor();
  });

  it('refuses a browser that lacks the secret', async () => {
    const { page, preview } = session;
    const response = await page.goto(`${preview.origin}/`);
    expect(response?.status()).toBe(401);
    await expect(page.textContent('body')).resolves.toContain('needs the link');
  });
});

describe('a generated batch of 5,000 submissions', () => {
  it('renders only the visible rows and reaches the last one from the keyboard', async () => {
    const { page } = session;
    await session.preview.stop();
    const preview = (session.preview = await startPreview({ generatedBatch: 5000 }));
    await page.goto(preview.url);
    await page.getByRole('combobox', { name: 'Batch' }).selectOption('generated-5000');
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
