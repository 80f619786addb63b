import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { pick } from '../../../lib/bilingual';
import { usePath } from '../api/learning';
import { PathOverviewView } from '../components/path-overview';

/** Any path the learner may take (another track's, or one HR assigned). */
export function PathRoute() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const path = usePath(slug);

  return (
    <>
      <p className="back-link">
        <Link to="/learning">{t('learning.backToMyLearning')}</Link>
      </p>
      {path.isPending ? (
        <>
          <PageHeader title={t('learning.pathTitle')} />
          <LoadingState />
        </>
      ) : path.isError ? (
        <>
          <PageHeader title={t('learning.pathTitle')} />
          <ErrorState error={path.error} onRetry={() => void path.refetch()} />
        </>
      ) : (
        <>
          <PageHeader
            title={pick(path.data.title, i18n.language)}
            description={pick(path.data.summary, i18n.language)}
          />
          <PathOverviewView path={path.data} showTitle={false} />
        </>
      )}
    </>
  );
}
