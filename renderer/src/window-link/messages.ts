import { z } from 'zod';
import { CommentRegion, EvidenceComment } from '../../../shared/domain/comment';
import { shortcutActions } from '../../../shared/keyboard/keymap';
import type { ShortcutAction } from '../../../shared/keyboard/keymap';

const Id = z.string().min(1).max(200);
const Millis = z.number().finite().min(0).max(24 * 60 * 60 * 1000);
const Action = z.enum(shortcutActions);

/** What the scoring window tells the evidence window: what to show, and keys pressed there for the evidence. */
export const ToEvidenceWindow = z.discriminatedUnion('type', [
  z.object({ type: z.literal('show'), submissionId: Id.nullable(), evidenceId: Id.nullable(), page: z.number().int().min(1).max(10_000), atMs: Millis }),
  /** The comments as the scoring window shows them (edits included before core has them): both windows show the same. */
  z.object({ type: z.literal('comments'), submissionId: Id, comments: z.array(EvidenceComment).max(5000) }),
  z.object({ type: z.literal('action'), action: Action }),
  z.object({ type: z.literal('seek'), evidenceId: Id, ms: Millis }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('close') }),
]);
export type ToEvidenceWindow = z.infer<typeof ToEvidenceWindow>;

/**
 * What the evidence window tells the scoring window: it is there, where playback is, and what was done
 * on the evidence. What does something to a submission names the one the evidence window shows.
 */
export const FromEvidenceWindow = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello') }),
  z.object({ type: z.literal('bye') }),
  z.object({ type: z.literal('position'), submissionId: Id, evidenceId: Id, ms: Millis, playing: z.boolean() }),
  z.object({ type: z.literal('select'), submissionId: Id, evidenceId: Id }),
  z.object({ type: z.literal('page'), submissionId: Id, evidenceId: Id, page: z.number().int().min(1).max(10_000) }),
  z.object({ type: z.literal('action'), submissionId: Id, action: Action }),
  z.object({ type: z.literal('score'), submissionId: Id, level: z.number().int().min(0).max(9) }),
  z.object({ type: z.literal('addComment'), submissionId: Id }),
  z.object({ type: z.literal('regionComment'), submissionId: Id, region: CommentRegion }),
  z.object({ type: z.literal('pick'), submissionId: Id, commentId: Id }),
]);
export type FromEvidenceWindow = z.infer<typeof FromEvidenceWindow>;

/**
 * Whether the scoring window, with `openSubmissionId` open, may act on a message from its evidence
 * window: a key pressed or a comment started there while the two windows show different
 * submissions (the scoring window moved on and the other has not caught up) is about the one shown
 * there, so it is dropped rather than applied to this one. A level scored blind to the wrong
 * submission is a wrong credential decision.
 */
export function actsOnOpenSubmission(message: FromEvidenceWindow, openSubmissionId: string): boolean {
  return !('submissionId' in message) || message.submissionId === openSubmissionId;
}

/**
 * The actions the evidence answers (playback, zoom, pages, marking an area): pressed in the scoring
 * window they go to the evidence window; pressed there, they stay there (and are never sent back).
 */
export const evidenceActions: ReadonlySet<ShortcutAction> = new Set<ShortcutAction>([
  'playPause',
  'back10',
  'forward10',
  'back5',
  'forward5',
  'previousFrame',
  'nextFrame',
  'slower',
  'faster',
  'toggleMute',
  'toggleFullscreen',
  'zoomIn',
  'zoomOut',
  'previousPage',
  'nextPage',
  'markRegion',
]);
