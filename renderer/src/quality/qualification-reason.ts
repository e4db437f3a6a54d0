import type { TFunction } from 'i18next';
import type { QualificationStatus } from '../../../shared/hosted-api/quality';

/**
 * Why live claims are blocked and what to do, worded here from the server's figures (its own
 * `reason` is English, for logs): how many calibration submissions are left, or how far a failed
 * attempt was from the rule. Null when nothing blocks.
 */
export function qualificationReason(status: QualificationStatus, t: TFunction): string | null {
  switch (status.status) {
    case 'not_started':
      return t('qualification.reason.notStarted', { count: status.requiredItems });
    case 'in_progress':
      return t('qualification.reason.inProgress', { scored: status.scoredItems, count: status.requiredItems });
    case 'not_qualified': {
      const parts: string[] = [];
      const rule = status.required;
      if (rule && status.exactAgreement !== null && status.exactAgreement < rule.exactAgreement) {
        parts.push(t('qualification.reason.agreement', { agreement: status.exactAgreement, needed: rule.exactAgreement }));
      }
      if (rule && status.maxLevelsOff !== null && status.maxLevelsOff > rule.maxLevelsOff) {
        parts.push(t('qualification.reason.levelsOff', { count: status.maxLevelsOff, allowed: rule.maxLevelsOff }));
      }
      parts.push(t('qualification.reason.retry'));
      return parts.join(' ');
    }
    case 'locked_out': {
      const lockout = status.lockout;
      if (!lockout) return null;
      const { recalibration } = lockout;
      const why = t(lockout.trigger === 'gold' ? 'qualification.reason.lockedGold' : 'qualification.reason.lockedBackread', { since: new Date(lockout.since), figure: lockout.figure, threshold: lockout.threshold, count: lockout.window });
      const todo = recalibration.needsLead
        ? t('qualification.reason.recalibrationNeedsLead', { title: recalibration.setTitle })
        : t('qualification.reason.recalibrate', { title: recalibration.setTitle, scored: recalibration.scoredItems, count: recalibration.requiredItems, needed: recalibration.required.exactAgreement });
      // A failed attempt is final too: another is the lead's call.
      const last = recalibration.lastAttempt ? `${t('qualification.reason.lastAttempt', { agreement: recalibration.lastAttempt.exactAgreement })} ${t('qualification.reason.retry')}` : '';
      return [why, todo, last, t('qualification.reason.claimedStays')].filter(Boolean).join(' ');
    }
    default:
      return null;
  }
}
