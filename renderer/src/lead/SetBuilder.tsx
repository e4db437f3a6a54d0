import { useState } from 'react';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { words } from '../words';
import type { Words } from '../words';
import { useTranslation } from 'react-i18next';
import { useContractMutation } from '../data/contract-mutation';
import { describeFailure } from '../errors';
import { findCandidates, prepareSet, publishSet } from './mutations';
import type { CalibrationCandidate, SetPurpose } from '../../../shared/hosted-api/quality';
import { formatMediaTime } from '../../../shared/format/media-time';
import { formatDateTime } from '../format';

/**
 * A lead starts a calibration set: chooses submissions of one micro-credential, then scores them as
 * the master in the ordinary workspace (and publishes the set from there).
 */
export function SetBuilder({ credentialId, onMasterBatch }: { credentialId: string; onMasterBatch: (batchId: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const find = useContractMutation(findCandidates);
  const prepare = useContractMutation(prepareSet);
  const [candidates, setCandidates] = useState<CalibrationCandidate[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<SetPurpose>('calibration');
  const [message, setMessage] = useState('');
  const busy = find.isPending || prepare.isPending;
  // Gold must be new to every assessor: only submissions nobody has claimed.
  const choosable = (candidate: CalibrationCandidate): boolean => purpose === 'calibration' || candidate.status === 'unclaimed';
  return (
    <section className="set-builder" aria-labelledby="set-builder-title">
      <h3 id="set-builder-title">{t('master.title')}</h3>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          find.mutate(
            { credentialId },
            {
              onSuccess: ({ submissions }) => {
                setCandidates(submissions);
                setChosen([]);
                setMessage(submissions.length === 0 ? t('master.none') : '');
              },
              onError: (error) => setMessage(describeFailure(error, t)),
            },
          )
        }
      >
        {t('master.find')}
      </button>
      {candidates && candidates.length > 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            prepare.mutate(
              { credentialId, title, purpose, submissionIds: chosen.filter((id) => candidates.some((candidate) => candidate.id === id && choosable(candidate))) },
              {
                onSuccess: ({ batchId, submissions }) => {
                  onMasterBatch(batchId);
                  setMessage(t('master.prepared', { count: submissions }));
                },
                onError: (error) => setMessage(describeFailure(error, t)),
              },
            );
          }}
        >
          <fieldset className="set-purpose">
            <legend>{t('master.purpose')}</legend>
            {(['calibration', 'gold'] as const).map((option) => (
              <label key={option}>
                <input type="radio" name="set-purpose" value={option} checked={purpose === option} onChange={() => setPurpose(option)} /> {t(`master.purposes.${option}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('master.choose')}</legend>
            {purpose === 'gold' && <p className="hint">{t('master.goldUnclaimedOnly')}</p>}
            <ul className="candidates">
              {candidates.map((candidate) => (
                <CandidateRow
                  key={candidate.id}
                  candidate={candidate}
                  disabled={!choosable(candidate)}
                  checked={chosen.includes(candidate.id) && choosable(candidate)}
                  onChange={(checked) => setChosen((current) => (checked ? [...current, candidate.id] : current.filter((id) => id !== candidate.id)))}
                />
              ))}
            </ul>
          </fieldset>
          <label>
            {t('master.setTitle')} <input value={title} required maxLength={200} onChange={(event) => setTitle(withoutHiddenControls(event.target.value))} />
          </label>
          <button type="submit" disabled={busy || !candidates.some((candidate) => chosen.includes(candidate.id) && choosable(candidate))}>
            {t('master.score', { count: candidates.filter((candidate) => chosen.includes(candidate.id) && choosable(candidate)).length })}
          </button>
        </form>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

/** One submission to choose from: its label, micro-credential and status, and a preview of its evidence. */
function CandidateRow({ candidate, checked, disabled, onChange }: { candidate: CalibrationCandidate; checked: boolean; disabled: boolean; onChange: (checked: boolean) => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const previewId = `candidate-preview-${candidate.id}`;
  return (
    <li className="candidate">
      <label>
        <input type="checkbox" checked={checked} disabled={disabled} aria-describedby={previewId} onChange={(event) => onChange(event.target.checked)} /> <strong data-content>{candidate.label}</strong>
      </label>
      <span className={`candidate-status status-${candidate.status}`}>{t(`master.status.${candidate.status}`)}</span>
      <div id={previewId} className="candidate-preview">
        <p className="hint">
          <span data-content>{candidate.credentialTitle}</span> · {t('master.attempt', { attempt: candidate.attempt })} · {t('master.submitted', { date: formatDateTime(candidate.submittedAt, i18n.language) })}
        </p>
        <p>
          {candidate.evidence
            .map((item) => [t(`evidence.kind.${item.kind}`), item.title, item.durationMs !== null ? formatMediaTime(item.durationMs) : null].filter(Boolean).join(' · '))
            .join('; ')}
        </p>
        {candidate.excerpt && (
          <blockquote className="candidate-excerpt" data-content>
            {candidate.excerpt}
          </blockquote>
        )}
      </div>
    </li>
  );
}

/** Above the queue of a master batch: what it is for, and publishing the set once every criterion has a level and a rationale. */
export function MasterBatchBar({ batchId, label, goldPool, onPublished }: { batchId: string; label: string; goldPool: boolean; onPublished: (message: Words) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const publish = useContractMutation(publishSet);
  const [message, setMessage] = useState('');
  return (
    <div className="master-bar">
      <p>{t(goldPool ? 'master.batchGold' : 'master.batch', { label })}</p>
      <button
        type="button"
        disabled={publish.isPending}
        onClick={() =>
          // Once published the batch is gone (and this bar with it, maybe before the answer): the app shows the message.
          void publish.mutateAsync({ batchId }).then(
            ({ title, submissions }) => onPublished(words(goldPool ? 'master.publishedGold' : 'master.published', { title, count: submissions })),
            (error: unknown) => setMessage(describeFailure(error, t)),
          )
        }
      >
        {t(goldPool ? 'master.publishGold' : 'master.publish')}
      </button>
      <p role="status">{message}</p>
    </div>
  );
}
