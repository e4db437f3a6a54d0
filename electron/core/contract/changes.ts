import type { EventPayload } from '../../../shared/contract/events';

type WorkspaceChanged = EventPayload<'workspace.changed'>;

/** More submissions than this in one event are sent as 'all' (the renderer reads them again anyway). */
const maxListed = 1000;

/**
 * Collects what sync, downloads, claims and sign-out changed, and tells the renderer once per turn
 * of the event loop, naming what changed (which submissions, the batch list, quality data) so that
 * only the screens showing it read it again.
 */
export class WorkspaceChanges {
  private batches = false;
  private quality = false;
  private submissions: Set<string> | 'all' = new Set();
  private scheduled = false;

  constructor(private readonly emit: (payload: WorkspaceChanged) => void) {}

  /** The batch list or its counts changed. */
  batchList(): void {
    this.batches = true;
    this.schedule();
  }

  /** These submissions' detail or queue rows changed (their batch counts with them). */
  submissionsChanged(ids: Iterable<string>): void {
    if (this.submissions !== 'all') for (const id of ids) this.submissions.add(id);
    if (this.submissions !== 'all' && this.submissions.size > maxListed) this.submissions = 'all';
    this.batches = true;
    this.schedule();
  }

  qualityData(): void {
    this.quality = true;
    this.schedule();
  }

  /** Sign-out, a wipe, a new evidence key: everything may look different. */
  everything(): void {
    this.submissions = 'all';
    this.batches = true;
    this.quality = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const payload: WorkspaceChanged = { batches: this.batches, submissions: this.submissions === 'all' ? 'all' : [...this.submissions], quality: this.quality };
    this.batches = false;
    this.quality = false;
    this.submissions = new Set();
    if (payload.batches || payload.quality || payload.submissions.length > 0) this.emit(payload);
  }
}
