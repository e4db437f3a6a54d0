import { z } from 'zod';
import { textLimits } from '../domain/text-limits';
import { CommentTag } from '../domain/comment';
import { Id } from '../domain/rubric';
import { requiredText } from '../domain/text';
import { Timestamp } from './common';

export const Snippet = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(10_000),
  tag: CommentTag,
  usedCount: z.number().int().min(0),
  updatedAt: Timestamp,
});
export type Snippet = z.infer<typeof Snippet>;

/** The comment bank: the assessor's reusable feedback snippets. */
export const commentBankMethods = {
  'bank.search': {
    input: z.object({ query: z.string().max(200) }).strict(),
    output: z.object({ snippets: z.array(Snippet) }),
  },
  'bank.save': {
    input: z.object({ id: Id, title: requiredText(200), body: requiredText(textLimits.snippet), tag: CommentTag }).strict(),
    output: z.object({ savedAt: Timestamp }),
  },
  'bank.delete': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  'bank.markUsed': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ updated: z.boolean() }),
  },
} as const;
