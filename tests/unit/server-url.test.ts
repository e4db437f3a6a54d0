import { describe, expect, it } from 'vitest';
import { checkServerUrl, sameServer } from '../../shared/hosted-api/server-url';

describe('hosted API addresses', () => {
  it.each([
    ['https://assess.example.org', 'https://assess.example.org'],
    ['https://Assess.Example.org:8443/api/', 'https://assess.example.org:8443'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.10.0.1', 'http://127.10.0.1'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    [' https://assess.example.org ', 'https://assess.example.org'],
  ])('allows %s (as %s)', (raw, origin) => {
    expect(checkServerUrl(raw)).toEqual({ ok: true, url: origin });
  });

  it.each([
    ['http://assess.example.org', 'not_https'],
    ['http://10.0.0.5:8080', 'not_https'],
    ['http://127.0.0.1.evil.example', 'not_https'],
    ['http://localhost.evil.example', 'not_https'],
    ['https://user:pw@assess.example.org', 'has_credentials'],
    ['http://127.0.0.1@evil.example', 'has_credentials'],
    ['ftp://assess.example.org', 'not_a_url'],
    ['javascript:alert(1)', 'not_a_url'],
    ['assess.example.org', 'not_a_url'],
    ['https://', 'not_a_url'],
    ['https://assess.example.org:99999', 'not_a_url'],
  ])('refuses %s (%s)', (raw, problem) => {
    expect(checkServerUrl(raw)).toEqual({ ok: false, problem });
  });

  it('counts this computer’s names for one server as the same server, and nothing else', () => {
    expect(sameServer('http://127.0.0.1:34615', 'http://localhost:34615')).toBe(true);
    expect(sameServer('http://[::1]:34615', 'http://127.0.0.1:34615')).toBe(true);
    expect(sameServer('https://assess.example.org', 'https://assess.example.org:443')).toBe(true);
    expect(sameServer('http://127.0.0.1:34615', 'http://127.0.0.1:34616')).toBe(false);
    expect(sameServer('https://assess.example.org', 'https://other.example.org')).toBe(false);
    expect(sameServer('http://localhost:80', 'https://localhost:443')).toBe(false);
  });
});
