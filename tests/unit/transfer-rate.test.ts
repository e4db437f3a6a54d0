import { describe, expect, it } from 'vitest';
import { TransferRate } from '../../electron/core/evidence/transfer-rate';

describe('download rate', () => {
  it('measures bytes per second over the recent window only', () => {
    const rate = new TransferRate(5000);
    expect(rate.bytesPerSecond(0)).toBe(0);
    for (let second = 0; second <= 10; second++) rate.add(second < 5 ? 1_000_000 : 100_000, second * 1000);
    // Samples from 5 s to 10 s remain: six of 100 kB over 5 s.
    expect(rate.bytesPerSecond(10_000)).toBe(120_000);
    expect(rate.bytesPerSecond(60_000)).toBe(0);
  });

  it('does not read one early burst as a flood', () => {
    const rate = new TransferRate();
    rate.add(500_000, 1000);
    expect(rate.bytesPerSecond(1010)).toBe(500_000);
  });
});
