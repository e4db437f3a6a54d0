import { useTranslation } from 'react-i18next';
import { useNavigation } from '../navigation/use-navigation';
import { views } from '../navigation/navigation-store';

/** A lead's views in a bar of their own: the header keeps its room for sync, account and language. */
export function LeadViewSwitch(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { isLead, view, show } = useNavigation();
  if (!isLead) return null;
  return (
    <nav className="view-switch" aria-label={t('lead.views')}>
      {views.map((candidate) => (
        <button key={candidate} type="button" aria-pressed={view === candidate} onClick={() => show(candidate)}>
          {t(`lead.view.${candidate}`)}
        </button>
      ))}
    </nav>
  );
}
