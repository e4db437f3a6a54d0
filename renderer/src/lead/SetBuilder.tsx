import { useState } from 'react';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { words } from '../words';
import type { Words } from '../words';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client-context';
import { describeError } from '../errors';
import { useAction } from '../use-action';
import type { CalibrationCandidate, SetPurpose } from '../../../shared/hosted-api/quality';
import { formatMediaTime } from '../../../shared/format/media-time';
import { formatDateTime } from '../format';

/**
 * A lead starts a calibration set: chooses submissions of one micro-credential, then scores them as
 * the master in the ordinary workspace (and publishes the set from there).
 */
export function SetBuilder({ credentialId, onMasterBatch }: { credentialId: string; onMasterBatch: (batchId: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  const [candidates, setCandidates] = useState<CalibrationCandidate[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<SetPurpose>('calibration');
  const { busy, message, run } = useAction();
  // Gold must be new to every assessor: only submissions nobody has claimed.
  const choosable = (candidate: CalibrationCandidate): boolean => purpose === 'calibration' || candidate.status === 'unclaimed';
  return (
    <section className="set-builder" aria-labelledby="set-builder-title">
      <h3 id="set-builder-title">{t('master.title')}</h3>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const result = await client.invoke('lead.candidates', { credentialId });
            if (!result.ok) return describeError(result.error, t);
            setCandidates(result.value.submissions);
            setChosen([]);
            return result.value.submissions.length === 0 ? t('master.none') : '';
          })
        }
      >
        {t('master.find')}
      </button>
      {candidates && candidates.length > 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              const result = await client.invoke('lead.prepareSet', { credentialId, title, purpose, submissionIds: chosen.filter((id) => candidates.some((candidate) => candidate.id === id && choosable(candidate))) });
              if (!result.ok) return describeError(result.error, t);
              onMasterBatch(result.value.batchId);
              return t('master.prepared', { count: result.value.submissions });
            });
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
  const client = useClient();
  const { busy, message, run } = useAction();
  return (
    <div className="master-bar">
      <p>{t(goldPool ? 'master.batchGold' : 'master.batch', { label })}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const result = await client.invoke('lead.publishSet', { batchId });
            if (!result.ok) return describeError(result.error, t);
            // Once published the batch is gone (and this bar with it): the app shows the message.
            onPublished(words(goldPool ? 'master.publishedGold' : 'master.published', { title: result.value.title, count: result.value.submissions }));
            return '';
          })
        }
      >
        {t(goldPool ? 'master.publishGold' : 'master.publish')}
      </button>
      <p role="status">{message}</p>
    </div>
  );
}
