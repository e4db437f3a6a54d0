/**
 * The lead's views, by id; each has its one entry in lead-views.tsx (label, screen, reads). Kept apart
 * and free of React because the navigation store, which tests read without React, is typed by them.
 */
export type LeadViewId = 'dashboard' | 'adjudication' | 'backreading' | 'referrals' | 'audit';
