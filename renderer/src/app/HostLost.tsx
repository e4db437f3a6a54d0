import { useTranslation } from 'react-i18next';

/** The preview host has not answered for a while: how to get back in (nothing saved is lost). */
export function HostLost(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <p className="host-lost" role="alert">
      {t('app.hostLost')}
    </p>
  );
}
