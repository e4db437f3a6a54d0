import { describe, expect, it } from 'vitest';
import { PreviewCredentials, sameOriginPath } from '../../electron/preview/access';

const query = (url: string): URLSearchParams => new URL(url, 'http://127.0.0.1').searchParams;

describe('signed evidence URLs of the preview host', () => {
  it('lapse when unread for the idle period, and stay alive while a player keeps reading them', () => {
    let now = 1_000_000;
    const credentials = new PreviewCredentials('s'.repeat(32), () => now);
    const url = credentials.signEvidenceUrl('ev-1', 'media');
    now += PreviewCredentials.urlIdleMs - 1;
    expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(true); // read just in time: kept alive
    now += PreviewCredentials.urlIdleMs - 1;
    expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(true);
    now += PreviewCredentials.urlIdleMs + 1;
    expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(false); // paused too long: ask for a new one

    const unread = credentials.signEvidenceUrl('ev-2', 'media');
    now += PreviewCredentials.urlIdleMs + 1;
    expect(credentials.acceptsEvidenceUrl('ev-2', 'media', query(unread))).toBe(false);
  });

  it('never outlive their cap, however often they are read', () => {
    let now = 0;
    const credentials = new PreviewCredentials('s'.repeat(32), () => now);
    const url = credentials.signEvidenceUrl('ev-1', 'media');
    for (; now < PreviewCredentials.urlMaxMs; now += 60_000) expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(true);
    now += 60_000;
    expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(false);
  });

  it('are bound to their host run: another run’s signature is worthless', () => {
    const url = new PreviewCredentials().signEvidenceUrl('ev-1', 'media');
    expect(new PreviewCredentials().acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(false);
  });
});

describe('the secret exchange redirect', () => {
  it.each([
    ['/', '/'],
    ['/queue', '/queue'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
  ])('%s → %s', (path, expected) => {
    expect(sameOriginPath(new URL(`http://127.0.0.1${path.startsWith('//') ? `/.${path}` : path}?secret=x`))).toBe(expected);
  });
});
