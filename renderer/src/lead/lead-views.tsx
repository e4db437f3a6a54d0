import type { ComponentType } from 'react';
import type { MethodName } from '../../../shared/contract/methods';
import { AdjudicationQueueView } from './AdjudicationQueueView';
import { AuditTrailView } from './AuditTrailView';
import { BackreadingView } from './BackreadingView';
import { LeadDashboardView } from './LeadDashboardView';
import type { LeadViewId } from './lead-view-ids';
import { ReferralsView } from './ReferralsView';

/** One of the lead's views: everything the rest of the renderer knows of it. */
export interface LeadView {
  id: LeadViewId;
  /** Its name in the view switch (an i18n key). */
  label: string;
  /** What the main area shows while it is chosen. */
  component: ComponentType;
  /** The contract reads it shows from synced quality data, read again whenever quality data arrives. */
  reads: readonly MethodName[];
  /** It shows cases that arrive on the server: while it is open, the lead's queues are fetched every few seconds (use-follow-lead-queues.ts). */
  followsQueues: boolean;
}

// The registry, in the switch's order. Adding a view is one entry here (and its id in lead-view-ids.ts):
// the navigation store, the view switch, the main area and core's quality event all follow it. The
// type asks for every id once.
const entries: { readonly [Id in LeadViewId]: Omit<LeadView, 'id'> } = {
  dashboard: { label: 'lead.view.dashboard', component: LeadDashboardView, reads: ['lead.dashboard'], followsQueues: false },
  adjudication: { label: 'lead.view.adjudication', component: AdjudicationQueueView, reads: ['lead.adjudications'], followsQueues: true },
  backreading: { label: 'lead.view.backreading', component: BackreadingView, reads: ['lead.backreads'], followsQueues: true },
  referrals: { label: 'lead.view.referrals', component: ReferralsView, reads: ['referral.list'], followsQueues: true },
  // Searched for online on demand: nothing synced to read again.
  audit: { label: 'lead.view.audit', component: AuditTrailView, reads: [], followsQueues: false },
};

export const leadViews: readonly LeadView[] = (Object.keys(entries) as LeadViewId[]).map((id) => ({ id, ...entries[id] }));

/** What every lead view shows from synced quality data, each read once: core's quality event reads them again. */
export const leadViewReads: readonly MethodName[] = [...new Set(leadViews.flatMap((view) => view.reads))];
