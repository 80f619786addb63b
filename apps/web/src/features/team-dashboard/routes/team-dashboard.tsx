import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/auth';
import { useTeamDashboard } from '../api/team-dashboard';
import { LeadershipCard } from '../components/leadership-card';
import { MembersTable } from '../components/members-table';
import { TeamFreiraumCard } from '../components/team-freiraum-card';
import { WaitingLinks } from '../components/waiting-links';
import { periodLabel } from '../components/format';

/** The manager's team overview (PRODUCT.md §4): direct reports only, within the organisation's privacy settings. */
export function TeamDashboardRoute() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const query = useTeamDashboard(user.hasDirectReports);
  const noTeam = !user.hasDirectReports || (query.error instanceof ApiError && query.error.status === 403);

  return (
    <>
      <PageHeader
        title={t('teamDashboard.title')}
        description={
          query.data
            ? t('teamDashboard.description', { period: periodLabel(query.data.period.key, t, i18n.language) })
            : undefined
        }
      />
      {noTeam ? (
        <EmptyState title={t('teamDashboard.noTeamTitle')} action={<Link to="/">{t('errors.backHome')}</Link>}>
          {t('teamDashboard.noTeamText')}
        </EmptyState>
      ) : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className="stack">
          <WaitingLinks dashboard={query.data} />
          <div className="grid-2">
            <LeadershipCard own={query.data.own} teamCompletion={query.data.teamCompletion} />
            <TeamFreiraumCard freiraum={query.data.freiraum} period={query.data.period} />
          </div>
          <MembersTable dashboard={query.data} />
        </div>
      )}
    </>
  );
}
