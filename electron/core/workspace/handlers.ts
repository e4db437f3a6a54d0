import { answersAtOnce, handlerApp } from '../contract/handler-app';
import type { Db } from '../db/database';
import { schemaVersion } from '../db/migrate';
import { listBatches, listQueue } from '../repositories/batches';
import { readPreferences, writePreferences } from './preferences';

/** The workspace around the scoring: the app, its batches and queues, and the assessor's settings. */
export function workspaceHandlers({ db, now, version }: { db: Db; now: () => Date; version: string }) {
  return handlerApp({
    'app.info': answersAtOnce(() => ({ version, schemaVersion })),
    'workspace.summary': answersAtOnce(() => {
      const batches = listBatches(db, now());
      return { isDemo: batches.length > 0 && batches.every((batch) => batch.isDemo), batches };
    }),
    'queue.list': answersAtOnce(({ batchId }) => ({ items: listQueue(db, batchId, now()) })),
    'preferences.get': answersAtOnce(() => readPreferences(db)),
    'preferences.set': answersAtOnce(({ patch }) => writePreferences(db, patch, now().toISOString())),
  });
}
