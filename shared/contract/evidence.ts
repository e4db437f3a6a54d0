import { z } from 'zod';
import { Id } from '../domain/rubric';
import { NoInput } from './common';
import { SyncStatus } from './sync';

/** A same-origin path to evidence: `evidence/<id>[/captions]`, with the preview host's signature as a query. */
const EvidenceUrl = z.string().max(1000).regex(/^\/?evidence\/[A-Za-z0-9._:%-]+(\/captions)?(\?[A-Za-z0-9=&._~-]*)?$/);

/** Evidence on this machine: where the renderer loads it from, downloads and retention. */
export const evidenceMethods = {
  /**
   * Where the renderer loads an evidence item's bytes (or captions) from: relative to the page, and
   * in the preview host signed for that one item and short-lived. Not found unless it is on this machine.
   */
  'evidence.url': {
    input: z.object({ evidenceId: Id, part: z.enum(['media', 'captions']) }).strict(),
    output: z.object({ url: EvidenceUrl }),
  },
  'downloads.pause': { input: NoInput, output: SyncStatus },
  'downloads.resume': { input: NoInput, output: SyncStatus },
  /** How long synced evidence stays on this machine; applied at once. */
  'storage.setRetention': { input: z.object({ days: z.number().int().min(0).max(90) }).strict(), output: SyncStatus },
} as const;
