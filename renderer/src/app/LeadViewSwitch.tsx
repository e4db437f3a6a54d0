import { useTranslation } from 'react-i18next';
import { leadViews } from '../lead/lead-views';
import type { View } from '../navigation/navigation-store';
import { useNavigation } from '../navigation/use-navigation';

/** A lead's views in a bar of their own: the header keeps its room for sync, account and language. */
export function LeadViewSwitch(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { isLead, view, show } = useNavigation();
  if (!isLead) return null;
  const choices: { id: View; label: string }[] = [{ id: 'scoring', label: t('lead.view.scoring') }, ...leadViews.map(({ id, label }) => ({ id, label: t(label) }))];
  return (
    <nav className="view-switch" aria-label={t('lead.views')}>
      {choices.map((choice) => (
        <button key={choice.id} type="button" aria-pressed={view === choice.id} onClick={() => show(choice.id)}>
          {choice.label}
        </button>
      ))}
    </nav>
  );
}
