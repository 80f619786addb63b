import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useSettings } from '../api/settings';
import { SettingsForm } from '../components/settings-form';
import { TracksCard } from '../components/tracks-card';

export function SettingsRoute() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <div className="grid-2 grid-2--wide-left">
          <SettingsForm settings={settings.data} />
          <TracksCard />
        </div>
      )}
    </>
  );
}
