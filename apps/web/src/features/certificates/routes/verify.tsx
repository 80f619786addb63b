import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { LoadingState } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { pick } from '../../../lib/bilingual';
import { formatDate } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { useVerifyCertificate } from '../api/certificates';

/** Public page behind the link printed on every certificate: is this code genuine, and for whom? */
export function VerifyCertificateRoute() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const query = useVerifyCertificate(code);
  const unknown = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);

  return (
    <AuthLayout
      title={t('certificates.verify.title')}
      footer={<Link to="/sign-in">{t('certificates.verify.toSignIn')}</Link>}
    >
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <div className="alert alert--error" role="alert">
          <p>{unknown ? t('certificates.verify.unknown', { code }) : errorMessage(query.error, t)}</p>
        </div>
      ) : (
        <div className="verify">
          <p className="alert alert--success" role="status">
            {t('certificates.verify.valid')}
          </p>
          <dl className="facts">
            <dt>{t('certificates.verify.holder')}</dt>
            <dd>{query.data.holderName ?? <span className="muted">{t('certificates.verify.erased')}</span>}</dd>
            <dt>{t('certificates.verify.path')}</dt>
            <dd>{pick(query.data.pathTitle, i18n.language)}</dd>
            <dt>{t('certificates.verify.organization')}</dt>
            <dd>{query.data.organizationName}</dd>
            <dt>{t('certificates.verify.completedAt')}</dt>
            <dd>{formatDate(query.data.completedAt, i18n.language)}</dd>
            <dt>{t('certificates.code')}</dt>
            <dd className="mono">{query.data.code}</dd>
          </dl>
        </div>
      )}
    </AuthLayout>
  );
}
