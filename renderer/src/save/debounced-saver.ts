import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { ContractErrorShape } from '../../../shared/contract/result';
import { saveTracker } from './save-tracker';

/** The longest an edit waits before it is sent to core (the issue allows at most 500 ms). */
const saveDebounceMs = 300;

type Send = () => Promise<{ ok: true; value: { savedAt: string } } | { ok: false; error: ContractErrorShape }>;
/** How an edit changes the submission on screen. */
export type LocalChange = (detail: SubmissionDetail) => SubmissionDetail;

/**
 * Coalesces rapid edits to the same field (typing) into one durable write per pause, and flushes
 * everything at once when the assessor leaves the submission or the page hides. Keys start with the
 * submission's id: `<submissionId>:<field>`.
 */
class DebouncedSaver {
  private readonly waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; send: Send; change: LocalChange | null }>();
  private readonly sending = new Map<string, LocalChange>();

  /** `change`: the edit as shown, laid again over anything read from core before it is acknowledged. */
  schedule(key: string, send: Send, change: LocalChange | null = null): void {
    const existing = this.waiting.get(key);
    if (existing) clearTimeout(existing.timer);
    else saveTracker.begin();
    this.waiting.set(key, { timer: setTimeout(() => void this.fire(key), saveDebounceMs), send, change });
  }

  /** Sends now; resolves when core has acknowledged. */
  async saveNow(send: Send): Promise<boolean> {
    saveTracker.begin();
    return this.run(send);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.waiting.keys()].map((key) => this.fire(key)));
  }

  /** Edits of this submission on screen that core has not acknowledged yet, oldest first. */
  unsavedChanges(submissionId: string): LocalChange[] {
    const mine = (key: string): boolean => key.startsWith(`${submissionId}:`);
    const sending = [...this.sending].filter(([key]) => mine(key)).map(([, change]) => change);
    const waiting = [...this.waiting].filter(([key, entry]) => mine(key) && entry.change).map(([, entry]) => entry.change!);
    return [...sending, ...waiting];
  }

  private async fire(key: string): Promise<void> {
    const entry = this.waiting.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.waiting.delete(key);
    if (entry.change) this.sending.set(key, entry.change);
    try {
      await this.run(entry.send);
    } finally {
      if (this.sending.get(key) === entry.change) this.sending.delete(key);
    }
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

/** One saver for the page: a submission's waiting edits are flushed before anything leaves it. */
export const saver = new DebouncedSaver();
