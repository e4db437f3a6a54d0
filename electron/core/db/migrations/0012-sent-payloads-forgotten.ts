import type { Migration } from './migration';

const sql = `
-- What an outbox entry carried (the assessor's rationales, comments and quotes, feedback, notes, the
-- audit trail's before and after) is not needed once the server has it, nor once a refused decision
-- is settled: entries keep only their state, kind, entity, key and times. A referral and its messages
-- stay until the synced threads hold them (the thread view shows them meanwhile): the next fetch of
-- the threads empties them.
UPDATE outbox SET payload = '{}'
WHERE (state = 'acknowledged' AND kind NOT IN ('referral', 'referral_message')) OR state = 'resolved';
`;

export const migration0012SentPayloadsForgotten: Migration = {
  version: 12,
  name: 'sent-payloads-forgotten',
  up(db) {
    db.exec(sql);
  },
};
