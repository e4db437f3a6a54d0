import { z } from 'zod';
import { Id } from '../domain/rubric';
import { SubmissionStatus } from '../domain/submission';
import { SyncStatus } from './methods';

/** Typed events core pushes to every connected renderer. */
export const events = {
  'queue.changed': z.object({ batchId: Id, submissionId: Id, status: SubmissionStatus }),
  /** The batch list changed (a claim, a purge). */
  'workspace.changed': z.object({}),
  'sync.changed': SyncStatus,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/** One message on an event stream (IPC channel or WebSocket). */
export const EventEnvelope = z.object({ event: z.string().max(100), payload: z.unknown() });
