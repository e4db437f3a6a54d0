// @vitest-environment jsdom
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLocale } from '../../../renderer/src/i18n';
import { startI18n } from './harness';

describe('numbers and dates in the catalogues', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await changeLocale('en');
  });

  it('are formatted for the language, with the options the catalogue names', async () => {
    await startI18n();
    await changeLocale('en');
    expect(i18next.t('queue.progress', { done: 12345, total: 20000 })).toBe('12,345 of 20,000 decided');
    const since = new Date(Date.UTC(2026, 11, 7, 9, 30));
    const locked = i18next.t('qualification.reason.lockedGold', { since, figure: 0.456, count: 20, threshold: 0.8 });
    expect(locked).toContain('46% exact agreement on your last 20 gold items (80% needed)');
    expect(locked).toContain('2026');
    await changeLocale('es');
    expect(i18next.t('queue.progress', { done: 12345, total: 20000 })).toBe('12.345 de 20.000 decididas');
    expect(i18next.t('qualification.reason.agreement', { agreement: 0.456, needed: 0.8 })).toMatch(/^46\s%/);
  });

  it('build one Intl formatter per language and format, however many values pass through it', async () => {
    await startI18n();
    await changeLocale('en');
    i18next.t('queue.progress', { done: 1, total: 2 }); // the formatters this test counts made before it counts
    i18next.t('qualification.reason.agreement', { agreement: 0.1, needed: 0.8 });
    const made = vi.spyOn(Intl, 'NumberFormat');
    for (let done = 0; done < 50; done++) {
      i18next.t('queue.progress', { done, total: 50 });
      i18next.t('qualification.reason.agreement', { agreement: done / 50, needed: 0.8 });
    }
    expect(made).not.toHaveBeenCalled();
  });
});
