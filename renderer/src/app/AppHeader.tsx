import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { formatTime, languageName } from '../format';
import { SyncIndicator, SyncNowButton } from '../account/SyncIndicator';
import { supportedLocales } from '../i18n';
import type { Locale } from '../i18n';
import { useKeptLocale } from '../i18n/use-kept-locale';
import { useNavigation } from '../navigation/use-navigation';
import { troubledBatch } from '../navigation/shown-batch';
import { LeaseWarning } from '../queue/LeaseWarning';
import { LockoutNotice } from '../quality/LockoutNotice';
import { useSaveStatus } from '../save/save-tracker';
import { Picker } from '../ui/Picker';

interface Props {
  isDemo: boolean;
  onOpenAccount: () => void;
  onOpenShortcuts: () => void;
  /** The lease warning was pressed: the queue is unfolded to show the rows in trouble. */
  onShowQueue: () => void;
}

/** The header: sync and save state where the eye finds them, the account, the shortcut sheet and the language. */
export function AppHeader({ isDemo, onOpenAccount, onOpenShortcuts, onShowQueue }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const saveStatus = useSaveStatus();
  const chooseLocale = useKeptLocale();
  const { batches, chooseBatch } = useNavigation();
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      {isDemo && (
        <span className="demo-badge" title={t('app.demoExplanation')}>
          {t('app.demoBadge')}
        </span>
      )}
      <SyncIndicator onOpen={onOpenAccount} />
      <LeaseWarning
        batches={batches}
        onShow={() => {
          const troubled = troubledBatch(batches);
          if (troubled) chooseBatch(troubled.id);
          onShowQueue();
        }}
      />
      <LockoutNotice onShow={onOpenAccount} />
      <SyncNowButton />
      <p className={`save-status save-${saveStatus.state}`} role="status">
        {saveStatus.state === 'saving' && t('save.saving')}
        {saveStatus.state === 'saved' && (saveStatus.at ? t('save.savedAt', { time: formatTime(saveStatus.at, i18n.language) }) : t('save.allSaved'))}
        {saveStatus.state === 'failed' && t('save.failed', { message: describeError(saveStatus.error, t) })}
      </p>
      <button type="button" className="header-button" onClick={onOpenAccount}>
        {t('account.open')}
      </button>
      <button type="button" className="header-button" onClick={onOpenShortcuts}>
        {t('shortcuts.open')}
      </button>
      <Picker
        className="language"
        label={t('app.language')}
        value={i18n.language}
        options={supportedLocales.map((locale) => ({ value: locale, label: languageName(locale) }))}
        onChange={(locale) => chooseLocale(locale as Locale)}
      />
    </header>
  );
}
