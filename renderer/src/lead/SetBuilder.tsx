import { useState } from 'react';
import { words } from '../words';
import type { Words } from '../words';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client-context';
import { describeError } from '../errors';
import { useAction } from '../use-action';

/**
 * A lead starts a calibration set: chooses submissions of one micro-credential, then scores them as
 * the master in the ordinary workspace (and publishes the set from there).
 */
export function SetBuilder({ credentialId, onMasterBatch }: { credentialId: string; onMasterBatch: (batchId: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  const [candidates, setCandidates] = useState<{ id: string; label: string }[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const { busy, message, run } = useAction();
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
            setCandidates(result.value.submissions.slice(0, 30));
            setChosen([]);
            return '';
          })
        }
      >
        {t('master.find')}
      </button>
      {candidates && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              const result = await client.invoke('lead.prepareSet', { credentialId, title, submissionIds: chosen });
              if (!result.ok) return describeError(result.error, t);
              onMasterBatch(result.value.batchId);
              return t('master.prepared', { count: result.value.submissions });
            });
          }}
        >
          <fieldset>
            <legend>{t('master.choose')}</legend>
            {candidates.map((candidate) => (
              <label key={candidate.id} className="candidate">
                <input
                  type="checkbox"
                  checked={chosen.includes(candidate.id)}
                  onChange={(event) => setChosen((current) => (event.target.checked ? [...current, candidate.id] : current.filter((id) => id !== candidate.id)))}
                />{' '}
                {candidate.label}
              </label>
            ))}
          </fieldset>
          <label>
            {t('master.setTitle')} <input value={title} required maxLength={200} onChange={(event) => setTitle(event.target.value)} />
          </label>
          <button type="submit" disabled={busy || chosen.length === 0}>
            {t('master.score', { count: chosen.length })}
          </button>
        </form>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

/** Above the queue of a master batch: what it is for, and publishing the set once every criterion has a level and a rationale. */
export function MasterBatchBar({ batchId, label, onPublished }: { batchId: string; label: string; onPublished: (message: Words) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  const { busy, message, run } = useAction();
  return (
    <div className="master-bar">
      <p>{t('master.batch', { label })}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const result = await client.invoke('lead.publishSet', { batchId });
            if (!result.ok) return describeError(result.error, t);
            // Once published the batch is gone (and this bar with it): the app shows the message.
            onPublished(words('master.published', { title: result.value.title, count: result.value.submissions }));
            return '';
          })
        }
      >
        {t('master.publish')}
      </button>
      <p role="status">{message}</p>
    </div>
  );
}
