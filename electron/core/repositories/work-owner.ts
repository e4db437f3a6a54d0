import type { Db } from '../db/database';

export interface WorkOwner {
  serverUrl: string;
  accountId: string;
}

export function getWorkOwner(db: Db): WorkOwner | null {
  const row = db.prepare('SELECT server_url, account_id FROM work_owner WHERE id = 1').get() as { server_url: string; account_id: string } | undefined;
  return row ? { serverUrl: row.server_url, accountId: row.account_id } : null;
}

export function setWorkOwner(db: Db, owner: WorkOwner, at: string): void {
  db.prepare(
    `INSERT INTO work_owner (id, server_url, account_id, since) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, account_id = excluded.account_id, since = excluded.since
     WHERE server_url != excluded.server_url OR account_id != excluded.account_id`,
  ).run(owner.serverUrl, owner.accountId, at);
}
