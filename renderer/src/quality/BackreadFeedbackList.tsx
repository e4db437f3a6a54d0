import { useTranslation } from 'react-i18next';
import type { QualitySummary } from '../../../shared/contract/methods';
import { formatDateTime } from '../format';

/** What leads said when they backread the assessor's decisions: each override with its levels and why. */
export function BackreadFeedbackList({ reviews }: { reviews: QualitySummary['backreadFeedback'] }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const level = (value: number | null): string => (value === null ? '–' : String(value));
  return (
    <section className="backread-feedback" aria-labelledby="backread-feedback-title">
      <h3 id="backread-feedback-title">{t('backreadFeedback.title')}</h3>
      {reviews.length === 0 ? (
        <p className="hint">{t('backreadFeedback.none')}</p>
      ) : (
        <ul>
          {reviews.slice(0, 20).map((review) => {
            const overrides = review.criteria.filter((item) => item.verdict === 'override');
            return (
              <li key={review.submissionId}>
                <strong data-content>{review.label}</strong> · {formatDateTime(review.reviewedAt, i18n.language)} · {t('backreadFeedback.agreed', { count: review.criteria.length - overrides.length })}
                {review.note && <p className="hint">{review.note}</p>}
                {overrides.length > 0 && (
                  <ul>
                    {overrides.map((item) => (
                      <li key={item.criterionId}>
                        {t('backreadFeedback.overrode', { criterion: item.title, yours: level(item.level), theirs: level(item.leadLevel) })}
                        {item.note && ` · ${item.note}`}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
