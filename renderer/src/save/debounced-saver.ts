import type { ContractErrorShape } from '../../../shared/contract/result';
import { saveTracker } from './save-tracker';

/** The longest an edit waits before it is sent to core (the issue allows at most 500 ms). */
export const saveDebounceMs = 300;

type Send = () => Promise<{ ok: true; value: { savedAt: string } } | { ok: false; error: ContractErrorShape }>;

/**
 * Coalesces rapid edits to the same field (typing) into one durable write per pause, and flushes
 * everything at once when the assessor leaves the submission or the page hides.
 */
export class DebouncedSaver {
  private readonly waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; send: Send }>();

  schedule(key: string, send: Send): void {
    const existing = this.waiting.get(key);
    if (existing) clearTimeout(existing.timer);
    else saveTracker.begin();
    this.waiting.set(key, { timer: setTimeout(() => void this.fire(key), saveDebounceMs), send });
  }

  /** Sends now; resolves when core has acknowledged. */
  async saveNow(send: Send): Promise<boolean> {
    saveTracker.begin();
    return this.run(send);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.waiting.keys()].map((key) => this.fire(key)));
  }

  private async fire(key: string): Promise<void> {
    const entry = this.waiting.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.waiting.delete(key);
    await this.run(entry.send);
  }

  private async run(send: Send): Promise<boolean> {
    const started = performance.now();
    const result = await send();
    // Lets the bench read edit → durable latency after the debounce from the page.
    performance.measure('durable-save', { start: started, end: performance.now() });
    saveTracker.end(result.ok ? { ok: true, savedAt: result.value.savedAt } : { ok: false, error: result.error });
    return result.ok;
  }
}
