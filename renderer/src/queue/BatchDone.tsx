import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../shared/contract/methods';
import { useSession } from '../account/queries';
import { otherBatchesToDecide, undecidedIn } from '../navigation/queue-steps';
import { batchName } from './batch-name';

interface Props {
  batch: BatchSummary;
  batches: readonly BatchSummary[];
  onChooseBatch: (batchId: string) => void;
  /** Opens Account and sync (to claim, or to sign in first). */
  onClaimMore: () => void;
}

/**
 * A batch every submission of which has a decision: said in the rail for as long as it is shown, with
 * where its decisions are (waiting to sync, synced, kept on this computer for the demo) and what comes
 * next: the other batches with undecided work, or a claim.
 */
export function BatchDone({ batch, batches, onChooseBatch, onClaimMore }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const signedIn = useSession()?.signedIn ?? false;
  const { queued, conflict, handed_back: handedBack, kept_here: keptHere } = batch.counts;
  const others = otherBatchesToDecide(batches, batch.id).slice(0, 3);
  const state =
    batch.isDemo || keptHere > 0
      ? t('queue.done.keptHere')
      : conflict > 0
        ? t('queue.done.conflicts', { count: conflict })
        : queued > 0
          ? t('queue.done.waiting', { count: queued })
          : handedBack > 0
            ? t('queue.done.handedBack', { count: handedBack })
            : t('queue.done.synced');
  return (
    <section className="batch-done" aria-labelledby="batch-done-title">
      <h3 id="batch-done-title">{t('queue.done.title')}</h3>
      <p role="status">{state}</p>
      {others.length > 0 ? (
        others.map((other) => (
          <button key={other.id} type="button" onClick={() => onChooseBatch(other.id)} title={batchName(other, t, i18n.language)}>
            {t('queue.done.goTo', { batch: batchName(other, t, i18n.language), count: undecidedIn(other) })}
          </button>
        ))
      ) : (
        <button type="button" onClick={onClaimMore}>
          {signedIn ? t('queue.done.claimMore') : t('queue.done.signInToClaim')}
        </button>
      )}
    </section>
  );
}
