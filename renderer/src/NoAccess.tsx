import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page was opened (or reloaded) without the link the workstation printed when it started: its
 * access lives only in the page's memory, so there is nothing to show but how to get back in.
 */
export function NoAccess(): React.JSX.Element {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <main className="no-access">
      <h1>{t('app.title')}</h1>
      <p role="alert">{t('access.needsLink')}</p>
      <p className="hint">{t('access.why')}</p>
    </main>
  );
}
