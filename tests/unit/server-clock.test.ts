import { describe, expect, it } from 'vitest';
import { ServerClock } from '../../electron/core/hosted/server-clock';

const local = new Date('2026-12-06T10:00:00.000Z');
const clockAt = (serverDate: string): ServerClock => {
  const clock = new ServerClock(() => local);
  clock.observe(serverDate);
  return clock;
};

describe('the server’s clock, read from its answers', () => {
  it('leaves this machine’s times as they are while the two clocks agree within half the server’s tolerance', () => {
    for (const server of ['Sun, 06 Dec 2026 10:00:01 GMT', 'Sun, 06 Dec 2026 10:02:29 GMT', 'Sun, 06 Dec 2026 09:57:31 GMT']) {
      const clock = clockAt(server);
      expect(clock.isOff()).toBe(false);
      expect(clock.toServer('2026-12-06T09:55:00.000Z')).toBe('2026-12-06T09:55:00.000Z');
    }
  });

  it('puts times on the server’s clock once this one is off, either way', () => {
    expect(clockAt('Sun, 06 Dec 2026 11:00:00 GMT').toServer('2026-12-06T09:55:00.000Z')).toBe('2026-12-06T10:55:00.000Z'); // an hour behind
    expect(clockAt('Sun, 06 Dec 2026 09:50:00 GMT').toServer('2026-12-06T09:55:00.000Z')).toBe('2026-12-06T09:45:00.000Z'); // ten minutes ahead
  });

  it('ignores an answer without a readable Date, and knows nothing before the first one', () => {
    const clock = new ServerClock(() => local);
    expect(clock.isOff()).toBe(false);
    clock.observe('Sun, 06 Dec 2026 11:00:00 GMT');
    clock.observe(null);
    clock.observe('yesterday-ish');
    expect(clock.toServer('2026-12-06T10:00:00.000Z')).toBe('2026-12-06T11:00:00.000Z');
  });
});
