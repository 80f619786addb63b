import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { contentLanguage, pick } from '../../../lib/bilingual';
import { formatDate } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { useDownloadCertificate, useMyCertificates } from '../api/certificates';

/** The learner's certificates, each with its PDF and the public verification link. */
export function CertificatesCard() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const query = useMyCertificates();
  const download = useDownloadCertificate();
  const lang = contentLanguage(i18n.language);

  return (
    <Card className="card--flush" title={t('certificates.title')} description={t('certificates.description')}>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t('certificates.emptyTitle')}>{t('certificates.emptyText')}</EmptyState>
      ) : (
        <ul className="item-list">
          {query.data.items.map((c) => {
            const title = pick(c.pathTitle, lang);
            return (
              <li key={c.code} className="certificate">
                <div className="certificate__text">
                  <p className="certificate__title">{title}</p>
                  <p className="small muted">
                    {t('certificates.completedOn', { date: formatDate(c.completedAt, lang) })} ·{' '}
                    {t('certificates.code')} <span className="mono">{c.code}</span>
                  </p>
                  <p className="small">
                    <a href={c.verifyUrl} target="_blank" rel="noopener noreferrer">
                      {t('certificates.verifyLink')}
                      <span className="visually-hidden">: {title}</span>
                    </a>
                  </p>
                </div>
                <Button
                  variant="primary"
                  size="sm"
                  loading={download.isPending && download.variables?.code === c.code}
                  onClick={() =>
                    download.mutate(
                      { code: c.code, lang },
                      { onError: (error) => toast(errorMessage(error, t), 'error') },
                    )
                  }
                >
                  {t('certificates.download')}
                  <span className="visually-hidden">: {title}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
