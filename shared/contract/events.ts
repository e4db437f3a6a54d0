import { z } from 'zod';
import { Id } from '../domain/rubric';
import { DecisionOutcome, SubmissionStatus } from '../domain/submission';
import { SyncStatus } from './methods';

/** Typed events core pushes to every connected renderer. */
export const events = {
  'queue.changed': z.object({ batchId: Id, submissionId: Id, status: SubmissionStatus, outcome: DecisionOutcome.nullable() }),
  /**
   * Something changed that the assessor's own edits did not (sync, downloads, a claim, sign-out):
   * says what, so that only what shows it is read again.
   */
  'workspace.changed': z.object({
    /** The batch list or its counts (a claim, a sync, a batch removed). */
    batches: z.boolean(),
    /** Submissions whose detail or queue row changed; 'all' after a sign-out or a wipe. */
    submissions: z.union([z.literal('all'), z.array(Id).max(1000)]),
    /** Quality data (qualification, calibration sets, lead dashboards, adjudications). */
    quality: z.boolean(),
  }),
  'sync.changed': SyncStatus,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
