import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useTeam } from '../api/freiraum';
import { DelegationsCard } from '../components/delegations-card';
import { PeriodNav, usePeriodParam } from '../components/period-nav';
import { TeamTable } from '../components/team-table';

export function TeamFreiraumRoute() {
  const { t } = useTranslation();
  const [period] = usePeriodParam();
  const team = useTeam(period);

  return (
    <>
      <PageHeader title={t('freiraum.team.title')} description={t('freiraum.team.description')} />
      {team.isPending ? (
        <LoadingState />
      ) : team.isError ? (
        <ErrorState error={team.error} onRetry={() => void team.refetch()} />
      ) : (
        <div className="stack">
          <PeriodNav
            current={team.data.period.key}
            previous={team.data.previousPeriod}
            next={team.data.nextPeriod}
            showBackToCurrent={period !== null}
          />
          <TeamTable team={team.data} />
          <DelegationsCard reports={team.data.members.map((m) => ({ id: m.userId, name: m.name }))} />
        </div>
      )}
    </>
  );
}
