/**
 * Bytes per second over a sliding window, so the rate and time left shown during a download follow
 * what the network does now, not what it did at the start.
 */
export class TransferRate {
  private samples: { atMs: number; bytes: number }[] = [];

  constructor(private readonly windowMs = 5000) {}

  add(bytes: number, atMs: number): void {
    this.samples.push({ atMs, bytes });
    this.trim(atMs);
  }

  bytesPerSecond(nowMs: number): number {
    this.trim(nowMs);
    const first = this.samples[0];
    if (!first) return 0;
    const total = this.samples.reduce((sum, sample) => sum + sample.bytes, 0);
    // A window that has only just started is measured over at least one second, so one burst does not read as a flood.
    return Math.round((total * 1000) / Math.max(1000, nowMs - first.atMs));
  }

  reset(): void {
    this.samples = [];
  }

  private trim(nowMs: number): void {
    while (this.samples.length > 0 && this.samples[0]!.atMs < nowMs - this.windowMs) this.samples.shift();
  }
}
