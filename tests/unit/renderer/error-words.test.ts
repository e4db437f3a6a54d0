// @vitest-environment jsdom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/contract/result';
import { describeError } from '../../../renderer/src/errors';
import { startI18n } from './harness';

beforeAll(startI18n);

describe('an error as the assessor reads it (worded from its code)', () => {
  const en = i18next.getFixedT('en');
  const es = i18next.getFixedT('es');

  it('says how long to wait after too many sign-ins, in each language, with core’s figure', () => {
    const throttled = { code: 'throttled' as const, message: 'Too many failed sign-ins. Try again in 17 seconds.' };
    expect([describeError(throttled, en), describeError(throttled, es)]).toEqual(['Too many failed sign-ins: try again in 17 seconds.', 'Demasiados inicios de sesión fallidos: vuelva a intentarlo dentro de 17 segundos.']);
  });

  it('says a session the server ended is ended, not that something is not allowed', () => {
    expect(describeError({ code: 'session_ended', message: 'x' }, en)).toBe('The server ended this session: sign in again (your unsent work stays here).');
  });

  it('has words for every code in both languages, none of them a permission message but forbidden’s', () => {
    for (const code of ErrorCode.options) {
      for (const t of [en, es]) expect(t(`errors.${code}`), code).not.toBe(`errors.${code}`);
      if (code !== 'forbidden') expect(en(`errors.${code}`)).not.toMatch(/not allowed/);
    }
  });
});
