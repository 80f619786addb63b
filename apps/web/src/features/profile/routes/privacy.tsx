import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { FormAlert } from '../../../components/ui/form-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/form-errors';
import { useDownloadMyData, usePrivacyInfo } from '../api/privacy';

function humanize(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/** "My data & privacy": what Freiraum stores about me and who can see it, in plain language. */
export function PrivacyRoute() {
  const { t } = useTranslation();
  const query = usePrivacyInfo();
  const download = useDownloadMyData();

  return (
    <>
      <PageHeader
        title={t('privacy.title')}
        description={t('privacy.description')}
        actions={<Link to="/profile">{t('privacy.backToProfile')}</Link>}
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className="stack">
          <Card title={t('privacy.storedTitle')} description={t('privacy.storedDescription')}>
            {query.data.categories.map((category) => (
              <section key={category.key} className="privacy-category" aria-labelledby={`privacy-${category.key}`}>
                <h3 className="privacy-category__title" id={`privacy-${category.key}`}>
                  {t(`privacy.categories.${category.key}.title`, { defaultValue: humanize(category.key) })}
                </h3>
                <p className="privacy-category__text">
                  {t(`privacy.categories.${category.key}.text`, { defaultValue: '' })}
                </p>
                <p className="privacy-fields">
                  <strong>{t('privacy.whatLabel')}</strong>{' '}
                  {category.fields
                    .map((field) => t(`privacy.fields.${field}`, { defaultValue: humanize(field) }))
                    .join(', ')}
                </p>
                <div className="audience">
                  <strong className="small">{t('privacy.whoLabel')}</strong>
                  {category.visibleTo.length === 0 ? (
                    <Badge>{t('privacy.audience.nobody')}</Badge>
                  ) : (
                    category.visibleTo.map((who) => (
                      <Badge key={who} tone={who === 'self' ? 'primary' : 'neutral'}>
                        {t(`privacy.audience.${who}`, { threshold: query.data.settings.privacyThreshold })}
                      </Badge>
                    ))
                  )}
                </div>
              </section>
            ))}
          </Card>
          <Card title={t('privacy.settingsTitle')} description={t('privacy.settingsDescription')}>
            <ul className="prose-list">
              <li>{t('privacy.settings.threshold', { count: query.data.settings.privacyThreshold })}</li>
              <li>
                {t(
                  query.data.settings.hrSeesIndividuals
                    ? 'privacy.settings.hrIndividualsOn'
                    : 'privacy.settings.hrIndividualsOff',
                )}
              </li>
              <li>
                {t(
                  query.data.settings.managersSeeLastActivity
                    ? 'privacy.settings.managersActivityOn'
                    : 'privacy.settings.managersActivityOff',
                )}
              </li>
              <li>{t('privacy.settings.audit')}</li>
            </ul>
          </Card>
          <Card title={t('privacy.export.title')} description={t('privacy.export.description')}>
            <div className="stack">
              <FormAlert>{download.isError ? errorMessage(download.error, t) : null}</FormAlert>
              <div>
                <Button variant="primary" loading={download.isPending} onClick={() => download.mutate()}>
                  {t('privacy.export.button')}
                </Button>
              </div>
              <p className="small muted">{t('privacy.export.erasure')}</p>
            </div>
          </Card>
        </div>
      )}
    </>
  );
}
