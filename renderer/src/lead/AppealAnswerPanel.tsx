import { useTranslation } from 'react-i18next';
import { allCriteria } from '../../../shared/domain/rubric';
import type { AuditTrail } from '../../../shared/hosted-api/audit';
import type { AppealAnswer } from '../../../shared/quality/audit';
import { anchorLabel } from '../comments/anchor';
import { formatDateTime } from '../format';
import { levelWords } from './audit-words';

/** "Who decided this, on what evidence, and did anything change after?", answered from the trail. */
export function AppealAnswerPanel({ trail, answer }: { trail: AuditTrail; answer: AppealAnswer }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const titleOf = new Map(allCriteria(trail.rubric).map((criterion) => [criterion.id, criterion.title]));
  const kindOf = new Map(trail.evidence.map((item) => [item.id, item.kind]));
  if (!answer.decision) {
    return (
      <section className="appeal-answer" aria-labelledby="appeal-title">
        <h4 id="appeal-title">{t('audit.appeal')}</h4>
        <p>{t('audit.noDecision')}</p>
      </section>
    );
  }
  const { entry, value, resolution } = answer.decision;
  const outcome = t(`decision.outcomes.${value.outcome}`);
  // Two readings with different outcomes and no resolution: no decision stands yet (the latest reading is not it).
  const open = !resolution && answer.otherReadings.some((reading) => reading.outcome !== value.outcome);
  return (
    <section className="appeal-answer" aria-labelledby="appeal-title">
      <h4 id="appeal-title">{t('audit.appeal')}</h4>
      {open && <p className="changed-after">{t('audit.noneStands')}</p>}
      <p>
        {open && `${t('audit.latestReading')} `}
        {resolution
          ? t('audit.resolvedBy', { outcome, who: entry.actor.displayName, time: formatDateTime(entry.at, i18n.language) })
          : `${t('audit.decidedBy', { outcome, who: entry.actor.displayName, time: formatDateTime(value.decidedAt ?? entry.at, i18n.language), machine: value.machine?.name ?? t('audit.unnamedMachine') })} ${t('audit.received', { time: formatDateTime(entry.receivedAt, i18n.language) })}`}
        {value.note && ` ${t('audit.note', { note: value.note })}`}
      </p>
      {answer.otherReadings.length > 0 && (
        <p className="other-readings">
          {t(resolution ? 'audit.settledReadings' : open ? 'audit.readingsDiffer' : 'audit.alsoRead', {
            readings: answer.otherReadings.map((reading) => `${reading.actor.displayName} (${t(`decision.outcomes.${reading.outcome}`)})`).join(', '),
          })}
        </p>
      )}
      <div className="appeal-columns">
        <div>
          <h5>{t('audit.levelsThen')}</h5>
          <ul>
            {answer.scores.map((score) => (
              <li key={score.criterionId}>
                <span data-content>{titleOf.get(score.criterionId)}</span>: <strong>{levelWords(trail.rubric, score.criterionId, score.level)}</strong>
                {score.rationale && <span className="hint"> · {score.rationale}</span>}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h5>{t('audit.evidenceThen', { count: answer.comments.length })}</h5>
          {answer.comments.length === 0 ? (
            <p className="hint">{t('audit.noEvidence')}</p>
          ) : (
            <ul>
              {answer.comments.map((comment) => (
                <li key={comment.id}>
                  <strong>{anchorLabel(comment, t, kindOf.get(comment.evidenceId))}</strong> · {comment.body}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <p className={answer.changedAfter.length > 0 ? 'changed-after' : undefined}>
        {answer.changedAfter.length === 0 ? t('audit.nothingAfter') : t('audit.changedAfter', { count: answer.changedAfter.length })}
      </p>
    </section>
  );
}
