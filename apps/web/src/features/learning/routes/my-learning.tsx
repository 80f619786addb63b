import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { usePath, usePaths } from '../api/learning';
import { PathList } from '../components/path-list';
import { PathOverviewView } from '../components/path-overview';

/** "My learning": the own track's path in full, other paths below, then whatever the app adds (certificates). */
export function MyLearningRoute({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const paths = usePaths();
  const items = paths.data?.items ?? [];
  // The own track's path leads; without a track, the first path HR assigned.
  const main = items.find((p) => p.isOwnTrack) ?? items.find((p) => p.assigned) ?? null;
  const path = usePath(main?.slug ?? null);
  const others = items.filter((p) => p.slug !== main?.slug);
  const assigned = others.filter((p) => p.assigned);
  const open = others.filter((p) => !p.assigned);

  return (
    <>
      <PageHeader title={t('learning.title')} description={t('learning.description')} />
      {paths.isPending ? (
        <LoadingState />
      ) : paths.isError ? (
        <ErrorState error={paths.error} onRetry={() => void paths.refetch()} />
      ) : (
        <div className="stack">
          {!main ? (
            <Card>
              <EmptyState title={t('learning.noOwnPathTitle')}>{t('learning.noOwnPathText')}</EmptyState>
            </Card>
          ) : path.isPending ? (
            <LoadingState />
          ) : path.isError ? (
            <ErrorState error={path.error} onRetry={() => void path.refetch()} />
          ) : (
            <div>
              <PathOverviewView path={path.data} showTitle />
            </div>
          )}
          {assigned.length > 0 && (
            <Card title={t('learning.assignedTitle')} description={t('learning.assignedDescription')}>
              <PathList paths={assigned} />
            </Card>
          )}
          {open.length > 0 && (
            <Card title={t('learning.otherPathsTitle')} description={t('learning.otherPathsDescription')}>
              <PathList paths={open} />
            </Card>
          )}
          {children}
        </div>
      )}
    </>
  );
}
