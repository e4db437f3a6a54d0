import { answersAtOnce, handlerApp } from '../contract/handler-app';
import type { Db } from '../db/database';
import { deleteSnippet, markSnippetUsed, saveSnippet, searchSnippets } from '../repositories/comment-bank';

/** The assessor's personal comment bank: snippets of feedback found by search and reused. */
export function commentBankHandlers({ db, now }: { db: Db; now: () => Date }) {
  return handlerApp({
    'bank.search': answersAtOnce(({ query }) => ({ snippets: searchSnippets(db, query) })),
    'bank.save': answersAtOnce((snippet) => {
      const savedAt = now().toISOString();
      saveSnippet(db, snippet, savedAt);
      return { savedAt };
    }),
    'bank.delete': answersAtOnce(({ id }) => ({ deleted: deleteSnippet(db, id) })),
    'bank.markUsed': answersAtOnce(({ id }) => ({ updated: markSnippetUsed(db, id) })),
  });
}
