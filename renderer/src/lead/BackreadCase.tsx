import { withoutHiddenControls } from '../../../shared/domain/text';
import { useState, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackreadQueue } from '../../../shared/contract/methods';
import type { EvidenceComment } from '../../../shared/domain/comment';
import { allCriteria } from '../../../shared/domain/rubric';
import type { BackreadVerdict } from '../../../shared/hosted-api/backreading';
import { hasVisibleText } from '../../../shared/domain/text';
import { useContractMutation } from '../data/contract-mutation';
import { keepFocusOn } from '../ui/keep-focus';
import { revealInPane } from '../ui/keep-in-view';
import { describeFailure } from '../errors';
import { formatDateTime } from '../format';
import { levelName } from './AdjudicationCase';
import { reviewBackread } from './mutations';
import { OpenBeside } from './OpenBeside';
import { GridRow } from './GridRow';
import { LevelPicker } from './LevelPicker';
import { ReadingNotes } from './ReadingNotes';

type Item = BackreadQueue['backreads'][number];
type Rubric = BackreadQueue['rubrics'][number];
interface Draft {
  verdict: 'agree' | 'override' | null;
  level: number | null;
  note: string;
}

/**
 * One sampled decision read again: the assessor's level and rationale per criterion, and the
 * lead's verdict beside each (agree, or override with a level and a note), then a note for the
 * assessor. Read only towards the candidate: the review reaches the assessor as feedback.
 */
export function BackreadCase({ item, rubric, inQueue = false, onSelectComment, onAnswered }: { item: Item; rubric: Rubric | null; inQueue?: boolean; onSelectComment?: (comment: EvidenceComment) => void; onAnswered?: () => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const review = useContractMutation(reviewBackread);
  const criteria = rubric ? allCriteria(rubric) : [];
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  /** What is missing, said where it shows: beside the evidence the pane scrolls, and the message is under the form. */
  const tell = (text: string): void => {
    setMessage(text);
    requestAnimationFrame(() => status.current && revealInPane(status.current));
  };
  const done = !!item.review || item.reviewQueued || review.isPending;
  const compact = !inQueue;
  const draftOf = (criterionId: string): Draft => drafts[criterionId] ?? { verdict: null, level: null, note: '' };
  const change = (criterionId: string, patch: Partial<Draft>): void => setDrafts((current) => ({ ...current, [criterionId]: { ...draftOf(criterionId), ...patch } }));
  const reviewed = (criterionId: string): BackreadVerdict | undefined => item.review?.criteria.find((verdict) => verdict.criterionId === criterionId);

  /** Agrees with every criterion not yet given a verdict, in one step; the lead then overrides the few that need it. */
  const agreeWithAll = (): void => {
    setDrafts((current) => Object.fromEntries(criteria.map((criterion) => [criterion.id, current[criterion.id]?.verdict ? current[criterion.id]! : { verdict: 'agree', level: null, note: '' }])));
    setMessage(t('backreading.agreedAll'));
  };

  const send = async (): Promise<void> => {
    if (review.isPending) return; // one review per case: a second press while the first is on its way sends nothing
    const missing = criteria.filter((criterion) => {
      const draft = draftOf(criterion.id);
      return draft.verdict === null || (draft.verdict === 'override' && (draft.level === null || !hasVisibleText(draft.note)));
    });
    if (missing.length > 0) return tell(t('backreading.missing', { criteria: missing.map((criterion) => criterion.title).join(', ') }));
    const given = new Map(item.decision.scores.map((score) => [score.criterionId, score.level]));
    const unchanged = criteria.filter((criterion) => draftOf(criterion.id).verdict === 'override' && draftOf(criterion.id).level === given.get(criterion.id));
    if (unchanged.length > 0) return tell(t('backreading.sameLevel', { criteria: unchanged.map((criterion) => criterion.title).join(', ') }));
    const verdicts = criteria.map((criterion) => {
      const draft = draftOf(criterion.id);
      // An agreement carries no note: the note box shows only for an override, so a note typed
      // there and then switched to "agree" is not the lead's (nor shown to them) any more.
      return draft.verdict === 'override' ? { criterionId: criterion.id, verdict: 'override' as const, level: draft.level, note: draft.note.trim() } : { criterionId: criterion.id, verdict: 'agree' as const, level: null, note: '' };
    });
    setMessage(
      await review.mutateAsync({ submissionId: item.submissionId, review: { criteria: verdicts, note: note.trim() } }).then(
        () => {
          onAnswered?.();
          return t('backreading.queued');
        },
        (error: unknown) => describeFailure(error, t),
      ),
    );
    keepFocusOn('backread-title'); // the form it was in is gone
  };

  return (
    <article className="adjudication-case" aria-labelledby="backread-title">
      <h3 id="backread-title" tabIndex={-1}>
        {item.label} · {item.decision.assessor.displayName} · {t(`decision.outcomes.${item.decision.outcome}`)}
      </h3>
      <p className="hint">
        {t(`backreading.reason.${item.reason}`)} · {t('backreading.decidedAt', { time: formatDateTime(item.decision.decidedAt, i18n.language) })}
      </p>
      {inQueue && <OpenBeside kind="backread" submissionId={item.submissionId} onError={setMessage} />}
      <form
        aria-label={t('backreading.form')}
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        {!item.review && (
          <button type="button" className="take-agreed" disabled={done} onClick={agreeWithAll}>
            {t('backreading.agreeAll')}
          </button>
        )}
        <table className={compact ? 'adjudication-grid compact' : 'adjudication-grid'}>
          <caption className="hint">{t('backreading.gridCaption')}</caption>
          <thead>
            <tr>
              {!compact && <th scope="col">{t('adjudication.criterion')}</th>}
              <th scope="col">{item.decision.assessor.displayName}</th>
              <th scope="col">{t('backreading.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion) => {
              const score = item.decision.scores.find((candidate) => candidate.criterionId === criterion.id);
              const draft = draftOf(criterion.id);
              const given = reviewed(criterion.id);
              const cells = (
                <>
                  <td>
                    <strong>{levelName(criterion, score?.level)}</strong>
                    {score?.rationale && <p className="rationale">{score.rationale}</p>}
                  </td>
                  <td>
                    {given ? (
                      <span>{given.verdict === 'agree' ? t('backreading.agree') : t('backreading.overrodeTo', { level: levelName(criterion, given.level) })}{given.note && ` · ${given.note}`}</span>
                    ) : (
                      <fieldset className="verdict" disabled={done}>
                        <legend className="visually-hidden">{t('backreading.verdictFor', { criterion: criterion.title })}</legend>
                        {(['agree', 'override'] as const).map((verdict) => (
                          <label key={verdict}>
                            <input type="radio" name={`verdict-${criterion.id}`} checked={draft.verdict === verdict} onChange={() => change(criterion.id, { verdict })} /> {t(`backreading.${verdict}`)}
                          </label>
                        ))}
                        {draft.verdict === 'override' && (
                          <>
                            <LevelPicker criterion={criterion} label={t('backreading.levelFor', { criterion: criterion.title })} value={draft.level} onChange={(level) => change(criterion.id, { level })} />
                            <textarea aria-label={t('backreading.noteFor', { criterion: criterion.title })} placeholder={t('backreading.notePlaceholder')} value={draft.note} maxLength={5000} onChange={(event) => change(criterion.id, { note: withoutHiddenControls(event.target.value) })} />
                          </>
                        )}
                      </fieldset>
                    )}
                  </td>
                </>
              );
              return (
                <GridRow key={criterion.id} compact={compact} columns={2} heading={criterion.title}>
                  {cells}
                </GridRow>
              );
            })}
          </tbody>
        </table>
        <div className="readings">
          <ReadingNotes reading={item.decision} evidence={item.evidence} onSelectComment={onSelectComment} />
        </div>
        {item.review ? (
          <p role="status">{t('backreading.reviewedAt', { time: formatDateTime(item.review.reviewedAt, i18n.language) })}{item.review.note && ` · ${item.review.note}`}</p>
        ) : (
          <fieldset className="resolution" disabled={done}>
            <legend>{t('backreading.review')}</legend>
            <label>
              {t('backreading.noteForAssessor')} <textarea value={note} maxLength={10_000} onChange={(event) => setNote(withoutHiddenControls(event.target.value))} />
            </label>
            <button type="submit">{t('backreading.send')}</button>
          </fieldset>
        )}
        {/* What core keeps says the review waits to sync, not only this case's memory of sending it:
            the case may be shown anew (read again, opened again) before the review leaves. */}
        <p role="status" ref={status}>
          {item.review ? '' : message || (item.reviewQueued ? t('backreading.queued') : '')}
        </p>
      </form>
    </article>
  );
}
