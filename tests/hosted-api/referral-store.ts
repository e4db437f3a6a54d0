import { referralLimits } from '../../shared/hosted-api/referrals';
import type { Referral, ReferralCreate, ReferralMessageCreate } from '../../shared/hosted-api/referrals';
import type { HostedStore } from './store';

export const referralTables = `
CREATE TABLE IF NOT EXISTS referrals (id TEXT PRIMARY KEY, submission_id TEXT NOT NULL REFERENCES submissions(id), account_id TEXT NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL, received_at TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS referral_messages (id TEXT PRIMARY KEY, referral_id TEXT NOT NULL REFERENCES referrals(id), account_id TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('assessor', 'lead')), body TEXT NOT NULL, at TEXT NOT NULL, received_at TEXT NOT NULL) STRICT;
CREATE INDEX IF NOT EXISTS referral_thread ON referral_messages(referral_id, at);
`;

interface Row {
  id: string;
  submission_id: string;
  account_id: string;
  reason: Referral['reason'];
  created_at: string;
}

/** What a referral's writer may not do (409 with `code`): an id already another's, a thread or an account over its limits. */
export class ReferralRefused extends Error {
  constructor(
    readonly code: 'id_taken' | 'thread_full' | 'too_many_open',
    message: string,
  ) {
    super(message);
  }
}


const idTaken = (what: string): ReferralRefused => new ReferralRefused('id_taken', `That ${what} id is already in use for something else: make a new id and send again.`);

/**
 * Referrals on the reference server: an assessor refers a submission they were given, with a reason
 * and a question (the first message); leads and the referring assessor add messages. Ids come from
 * the writer (it works offline), so a resend of the same referral or message by the same account is
 * recorded once; the same id for anything else is refused and never answered with what holds it.
 * A thread reads in the order the server received it (a writer's own clock cannot move a message
 * before another), and its state is who spoke last.
 */
export class ReferralStore {
  constructor(private readonly store: HostedStore) {}

  create(accountId: string, body: ReferralCreate, now: Date): Referral {
    this.store.db.transaction(() => {
      const existing = this.store.sql('SELECT * FROM referrals WHERE id = ?').get(body.id) as Row | undefined;
      if (existing) {
        if (existing.account_id !== accountId || existing.submission_id !== body.submissionId) throw idTaken('referral');
        return; // a resend
      }
      if (this.store.sql('SELECT 1 FROM referral_messages WHERE id = ?').get(body.id)) throw idTaken('referral');
      this.assertRoomToOpen(accountId);
      this.store.sql('INSERT INTO referrals VALUES (?, ?, ?, ?, ?, ?)').run(body.id, body.submissionId, accountId, body.reason, body.at, now.toISOString());
      // The question is the thread's first message (its id the referral's).
      this.store.sql('INSERT INTO referral_messages VALUES (?, ?, ?, ?, ?, ?, ?)').run(body.id, body.id, accountId, 'assessor', body.question, body.at, now.toISOString());
    })();
    return this.get(body.id)!;
  }

  /** The referring assessor or a lead adds a message; null when the referral is not theirs to write in. */
  reply(accountId: string, referralId: string, body: ReferralMessageCreate, now: Date): Referral | null {
    const referral = this.store.sql('SELECT * FROM referrals WHERE id = ?').get(referralId) as Row | undefined;
    if (!referral) return null;
    const isLead = this.store.isLead(accountId);
    if (!isLead && referral.account_id !== accountId) return null;
    const existing = this.store.sql('SELECT referral_id, account_id FROM referral_messages WHERE id = ?').get(body.id) as { referral_id: string; account_id: string } | undefined;
    if (existing && (existing.referral_id !== referralId || existing.account_id !== accountId)) throw idTaken('message');
    if (!existing) {
      const thread = this.store.sql('SELECT count(*) AS messages, coalesce(sum(length(CAST(body AS BLOB))), 0) AS bytes FROM referral_messages WHERE referral_id = ?').get(referralId) as { messages: number; bytes: number };
      if (thread.messages >= referralLimits.messagesPerThread || thread.bytes + Buffer.byteLength(body.body) > referralLimits.bytesPerThread) {
        throw new ReferralRefused('thread_full', `This thread is full (at most ${referralLimits.messagesPerThread} messages and ${referralLimits.bytesPerThread} bytes): start a new referral.`);
      }
      // A follow-up to an answered thread waits for a lead again: it counts as an open referral.
      if (!isLead && this.get(referralId)?.state === 'answered') this.assertRoomToOpen(accountId);
    }
    if (!existing) this.store.sql('INSERT INTO referral_messages VALUES (?, ?, ?, ?, ?, ?, ?)').run(body.id, referralId, accountId, isLead ? 'lead' : 'assessor', body.body, body.at, now.toISOString());
    return this.get(referralId);
  }

  /** Refuses one more referral waiting for a lead when the assessor already has as many as allowed. */
  private assertRoomToOpen(accountId: string): void {
    if (this.list(accountId).filter((referral) => referral.state === 'open').length >= referralLimits.openPerAccount) {
      throw new ReferralRefused('too_many_open', `You have ${referralLimits.openPerAccount} referrals waiting for a lead's answer: write again once leads have answered.`);
    }
  }

  get(id: string): Referral | null {
    const row = this.store.sql('SELECT * FROM referrals WHERE id = ?').get(id) as Row | undefined;
    return row ? this.referralOf(row) : null;
  }

  /** One assessor's referrals, or (for leads) everyone's, newest first. */
  list(accountId: string | null): Referral[] {
    const rows = this.store.sql('SELECT * FROM referrals WHERE @accountId IS NULL OR account_id = @accountId ORDER BY received_at DESC, rowid DESC LIMIT 5000').all({ accountId }) as Row[];
    return rows.map((row) => this.referralOf(row));
  }

  private referralOf(row: Row): Referral {
    const submission = this.store.sql('SELECT label, credential_id FROM submissions WHERE id = ?').get(row.submission_id) as { label: string; credential_id: string };
    const messages = (this.store.sql('SELECT * FROM referral_messages WHERE referral_id = ? ORDER BY received_at, rowid').all(row.id) as { id: string; account_id: string; role: 'assessor' | 'lead'; body: string; at: string; received_at: string }[]).map((message) => ({
      id: message.id,
      author: { id: message.account_id, displayName: this.store.account(message.account_id)?.displayName ?? message.account_id, role: message.role },
      body: message.body,
      at: message.at,
      receivedAt: message.received_at,
    }));
    return {
      id: row.id,
      submissionId: row.submission_id,
      label: submission.label,
      credentialId: submission.credential_id,
      assessor: { id: row.account_id, displayName: this.store.account(row.account_id)?.displayName ?? row.account_id },
      reason: row.reason,
      state: messages.at(-1)?.author.role === 'lead' ? 'answered' : 'open',
      createdAt: row.created_at,
      messages,
    };
  }
}
