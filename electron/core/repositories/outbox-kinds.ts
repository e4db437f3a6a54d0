/**
 * The two outbox kinds the data layer itself reads, named here once (every query of the data layer
 * takes them from here): a decision's entry is what a submission's status, undo, the conflict list,
 * evidence retention, quality data and the remote-wipe report are derived from (status.ts, outbox.ts,
 * decisions.ts, claimed-work.ts, evidence.ts, quality.ts); the audit trail's entries gather changes
 * until they leave (audit.ts) and are not counted as work waiting to sync. Their job modules
 * (core/scoring/outbox/decision.ts, core/audit/outbox/audit-changes.ts) take their kind from here.
 */
export const decisionKind = 'decision';
export const auditKind = 'audit';
