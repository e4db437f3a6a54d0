import { hasVisibleText, withoutHiddenControls } from '../../../shared/domain/text';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdjudicationQueue } from '../../../shared/contract/methods';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { Criterion } from '../../../shared/domain/rubric';
import { allCriteria } from '../../../shared/domain/rubric';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import { passRuleOutcome } from '../../../shared/domain/lead-review-check';
import { useContractMutation } from '../data/contract-mutation';
import { keepFocusOn } from '../ui/keep-focus';
import { revealInPane } from '../ui/keep-in-view';
import { describeFailure } from '../errors';
import { formatDateTime } from '../format';
import { OpenBeside } from './OpenBeside';
import { GridRow } from './GridRow';
import { LevelPicker } from './LevelPicker';
import { ReadingNotes } from './ReadingNotes';
import { resolveAdjudication } from './mutations';
import { ResolutionConfirm } from './ResolutionConfirm';

export type Case = AdjudicationQueue['adjudications'][number];
type Reading = Case['decisions'][number];
type Rubric = AdjudicationQueue['rubrics'][number];
const outcomes = ['award', 'not_yet', 'flag'] as const;

export const levelName = (criterion: Criterion, level: number | null | undefined): string => {
  if (level === null || level === undefined) return '–';
  const found = criterion.levels.find((candidate) => candidate.level === level);
  return found ? `${level} · ${found.label}` : String(level);
};
const levelOf = (reading: Reading, criterionId: string): number | null => reading.scores.find((score) => score.criterionId === criterionId)?.level ?? null;

/** The rows every reading gives alike: criteria with one level from all, and the outcome if all chose it; how many rows that is. */
function agreedRows(item: Case, criteria: Criterion[]): { levels: Record<string, number>; outcome: DecisionOutcome | null; count: number } {
  const levels: Record<string, number> = {};
  for (const criterion of criteria) {
    const given = item.decisions.map((reading) => levelOf(reading, criterion.id));
    const first = given[0];
    if (first !== null && first !== undefined && given.every((level) => level === first)) levels[criterion.id] = first;
  }
  const outcomes = new Set(item.decisions.map((reading) => reading.outcome));
  const outcome = item.decisions.length > 0 && outcomes.size === 1 ? item.decisions[0]!.outcome : null;
  return { levels, outcome, count: Object.keys(levels).length + (outcome ? 1 : 0) };
}

/**
 * One adjudication: a criterion × assessor grid (levels, rationales, the lead's own level in the last
 * column), each assessor's comments (timed ones seek the evidence), and a resolution that starts empty —
 * nothing is carried over from either reading unless the lead takes the rows both gave alike in one
 * step — and is confirmed before it is queued.
 */
export function AdjudicationCase({
  item,
  rubric,
  inQueue = false,
  onSelectComment,
  onAnswered,
}: {
  item: Case;
  rubric: Rubric | null;
  /** In the lead's queue (wide, and it can be opened beside the evidence); else beside the evidence. */
  inQueue?: boolean;
  onSelectComment?: (comment: EvidenceComment) => void;
  /** The resolution is queued: where the lead goes on (beside the evidence, back to the queue). */
  onAnswered?: () => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const resolution = useContractMutation(resolveAdjudication);
  const criteria = rubric ? allCriteria(rubric) : [];
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [levels, setLevels] = useState<Record<string, number | undefined>>({});
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  /** What is missing, said where it shows: beside the evidence the pane scrolls, and the message is under the form. */
  const tell = (text: string): void => {
    setMessage(text);
    requestAnimationFrame(() => status.current && revealInPane(status.current));
  };
  const done = !!item.resolution || item.resolutionQueued;
  const unchosen = criteria.filter((criterion) => levels[criterion.id] === undefined);
  /** Beside the evidence (no queue to open it from) the grid is laid out for a narrow column. */
  const compact = !inQueue;
  const columns = item.decisions.length + (done ? 0 : 1);
  const agreed = agreedRows(item, criteria);
  /** Said in words as well as by the row's colour, as for the criteria. */
  const outcomesDiffer = new Set(item.decisions.map((reading) => reading.outcome)).size > 1;

  /** Fills the rows where every reading agrees (the outcome too), keeping what the lead already chose; the rest stays empty. */
  const takeAgreed = (): void => {
    setLevels((current) => ({ ...agreed.levels, ...current }));
    if (outcome === '' && agreed.outcome) setOutcome(agreed.outcome);
    setMessage(t('adjudication.agreedTaken'));
  };

  const askToConfirm = (): void => {
    const missing = [...(outcome === '' ? [t('adjudication.outcome')] : []), ...unchosen.map((criterion) => criterion.title), ...(!hasVisibleText(note) ? [t('adjudication.note')] : [])];
    if (missing.length > 0) return tell(t('adjudication.missing', { fields: missing.join(', ') }));
    // The resolution becomes the decision that stands: an award or "not yet" the pass rule gives for its levels.
    const ruleSays = rubric ? passRuleOutcome(rubric, criteria.map((criterion) => ({ criterionId: criterion.id, level: levels[criterion.id]! }))) : outcome;
    if (outcome !== 'flag' && ruleSays !== outcome && ruleSays !== 'incomplete') return tell(t('adjudication.ruleSays', { outcome: t(`decision.outcomes.${ruleSays}`) }));
    setMessage('');
    setConfirming(true);
  };
  const resolve = async (): Promise<void> => {
    if (outcome === '') return;
    const queued = await resolution
      .mutateAsync({
        submissionId: item.submissionId,
        // The lead's one note says why; it is not repeated as every criterion's rationale (the appeal answer reads it once).
        resolution: { outcome, note: note.trim(), scores: criteria.map((criterion) => ({ criterionId: criterion.id, level: levels[criterion.id]!, rationale: '' })) },
      })
      .then(
        () => {
          onAnswered?.();
          return t('adjudication.queuedMessage');
        },
        (error: unknown) => describeFailure(error, t),
      );
    setConfirming(false);
    setMessage(queued);
    keepFocusOn('case-title'); // the form it was in is gone
  };

  return (
    <article className="adjudication-case" aria-labelledby="case-title">
      <h3 id="case-title" tabIndex={-1}>
        {item.label}
      </h3>
      {inQueue && <OpenBeside kind="adjudication" submissionId={item.submissionId} onError={setMessage} />}
      <form
        className="resolution"
        aria-label={t('adjudication.resolution')}
        onSubmit={(event) => {
          event.preventDefault();
          askToConfirm();
        }}
      >
        {!done && agreed.count > 0 && (
          <button type="button" className="take-agreed" onClick={takeAgreed}>
            {t('adjudication.takeAgreed', { count: agreed.count })}
          </button>
        )}
        <table className={compact ? 'adjudication-grid compact' : 'adjudication-grid'}>
          <caption className="hint">{t('adjudication.gridCaption')}</caption>
          <thead>
            <tr>
              {!compact && <th scope="col">{t('adjudication.criterion')}</th>}
              {item.decisions.map((reading) => (
                <th key={reading.assessor.id} scope="col">
                  {reading.assessor.displayName}
                  <span className="hint"> · {formatDateTime(reading.decidedAt, i18n.language)}</span>
                </th>
              ))}
              {!done && <th scope="col">{t('adjudication.yourLevel')}</th>}
            </tr>
          </thead>
          <tbody>
            <GridRow
              compact={compact}
              columns={columns}
              className={outcomesDiffer ? 'differs' : undefined}
              heading={
                <>
                  {t('adjudication.outcome')}
                  {outcomesDiffer && <span className="differs-mark"> · {t('adjudication.differs')}</span>}
                </>
              }
            >
              {item.decisions.map((reading) => (
                <td key={reading.assessor.id}>{t(`decision.outcomes.${reading.outcome}`)}</td>
              ))}
              {!done && (
                <td>
                  <select aria-label={t('adjudication.outcome')} value={outcome} onChange={(event) => setOutcome(event.target.value as DecisionOutcome | '')}>
                    <option value="">{t('adjudication.choose')}</option>
                    {outcomes.map((value) => (
                      <option key={value} value={value}>
                        {t(`decision.outcomes.${value}`)}
                      </option>
                    ))}
                  </select>
                </td>
              )}
            </GridRow>
            {criteria.map((criterion) => {
              const given = item.decisions.map((reading) => levelOf(reading, criterion.id));
              const differs = new Set(given).size > 1;
              const cells = (
                <>
                  {item.decisions.map((reading) => {
                    const rationale = reading.scores.find((score) => score.criterionId === criterion.id)?.rationale ?? '';
                    return (
                      <td key={reading.assessor.id}>
                        <strong>{levelName(criterion, levelOf(reading, criterion.id))}</strong>
                        {rationale && <p className="rationale">{rationale}</p>}
                      </td>
                    );
                  })}
                  {!done && (
                    <td>
                      <LevelPicker
                        criterion={criterion}
                        label={t('adjudication.levelFor', { criterion: criterion.title })}
                        value={levels[criterion.id] ?? null}
                        onChange={(level) => setLevels((current) => ({ ...current, [criterion.id]: level ?? undefined }))}
                      />
                    </td>
                  )}
                </>
              );
              // Beside the evidence the column is narrow: the criterion gets a row of its own above its cells.
              return (
                <GridRow
                  key={criterion.id}
                  compact={compact}
                  columns={columns}
                  className={differs ? 'differs' : undefined}
                  heading={
                    <>
                      {criterion.title}
                      {differs && <span className="differs-mark"> · {t('adjudication.differs')}</span>}
                    </>
                  }
                >
                  {cells}
                </GridRow>
              );
            })}
          </tbody>
        </table>
        <div className="readings">
          {item.decisions.map((reading) => (
            <ReadingNotes key={reading.assessor.id} reading={reading} evidence={item.evidence} onSelectComment={onSelectComment} />
          ))}
        </div>
        {item.resolution ? (
          <p role="status">{t('adjudication.resolvedAs', { outcome: t(`decision.outcomes.${item.resolution.outcome}`), time: formatDateTime(item.resolution.resolvedAt, i18n.language) })}</p>
        ) : (
          <fieldset disabled={done}>
            <legend>{t('adjudication.resolution')}</legend>
            <label>
              {t('adjudication.note')} <textarea value={note} onChange={(event) => setNote(withoutHiddenControls(event.target.value))} maxLength={10_000} />
            </label>
            <button type="submit">{t('adjudication.resolveEllipsis')}</button>
          </fieldset>
        )}
        {/* Once the server holds a resolution (this lead's, or another's that came first) it speaks for the case, not "saved". */}
        <p role="status" ref={status}>
          {item.resolution ? '' : message}
        </p>
      </form>
      {confirming && outcome !== '' && (
        <ResolutionConfirm
          label={item.label}
          outcome={outcome}
          choices={criteria.map((criterion) => ({ criterion: criterion.title, level: levelName(criterion, levels[criterion.id]) }))}
          onConfirm={resolve}
          onCancel={() => setConfirming(false)}
        />
      )}
    </article>
  );
}
