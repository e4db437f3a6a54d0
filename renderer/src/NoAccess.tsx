import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page has no way in: it was opened (or reloaded) without the link the workstation printed when
 * it started, or the preview host stopped accepting its access (`ended`). Its access lives only in
 * the page's memory, so there is nothing to show but how to get back in.
 */
export function NoAccess({ ended = false }: { ended?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <main className="no-access">
      <h1>{t('app.title')}</h1>
      {ended && <p>{t('access.ended')}</p>}
      <p role="alert">{t('access.needsLink')}</p>
      <p className="hint">{ended ? t('access.endedWhy') : t('access.why')}</p>
    </main>
  );
}
