import { clockSkewMs } from '../../../shared/domain/decision-check';

/**
 * How far this machine's clock is from the hosted API's, read from the Date header of each answer.
 * The server refuses times it is told (when a decision was made, when a change happened) that its
 * own clock cannot believe; a laptop whose clock has drifted, or was set by hand, would otherwise see
 * its decisions and its audit trail refused. So times are sent as the server's clock would have said
 * them, once the two clocks differ by more than half the server's tolerance. Under that, the
 * machine's own times go as they are (the header has a resolution of one second).
 */
export class ServerClock {
  /** Server minus local, from the last answer; 0 until one arrives. */
  private offsetMs = 0;

  constructor(private readonly now: () => Date) {}

  observe(dateHeader: string | null): void {
    const server = Date.parse(dateHeader ?? '');
    if (Number.isFinite(server)) this.offsetMs = server - this.now().getTime();
  }

  /** The two clocks differ by more than half what the server tolerates. */
  isOff(): boolean {
    return Math.abs(this.offsetMs) > clockSkewMs / 2;
  }

  /** A time this machine stated, on the server's clock (as it is while the two agree). */
  toServer(at: string): string {
    return this.isOff() ? new Date(Date.parse(at) + this.offsetMs).toISOString() : at;
  }
}
