// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract/methods';
import { changeLocale } from '../../../renderer/src/i18n';
import { useKeptLocale } from '../../../renderer/src/i18n/use-kept-locale';
import { renderInApp, setup, startI18n } from './harness';

beforeAll(startI18n);
// The catalogue is one for the whole worker: every test leaves it in English.
afterEach(() => changeLocale('en'));

describe('the interface language, kept by core', () => {
  it('comes back in the language core keeps, though the page’s own storage is new (the preview started again)', async () => {
    window.localStorage.clear();
    const view = renderInApp(() => useKeptLocale(), setup({ 'preferences.get': { locale: 'es' } }));
    await waitFor(() => expect(i18next.language).toBe('es'));
    expect(view.core.callsOf('preferences.set')).toEqual([]); // only read, not written again
  });

  it('is kept by core when the assessor chooses one', async () => {
    const view = renderInApp(() => useKeptLocale());
    await waitFor(() => expect(view.core.callsOf('preferences.get')).toHaveLength(1));
    act(() => view.result.current('es'));
    await waitFor(() => expect(view.core.callsOf('preferences.set')).toEqual([{ patch: { locale: 'es' } }]));
    expect(i18next.language).toBe('es');
  });

  it('is one the workstation speaks: core refuses any other', () => {
    expect(methods['preferences.set'].input.safeParse({ patch: { locale: 'fr' } }).success).toBe(false);
    expect(methods['preferences.set'].input.safeParse({ patch: { locale: 'es' } }).success).toBe(true);
  });
});
