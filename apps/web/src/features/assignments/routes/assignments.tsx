import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useAssignmentOverview } from '../api/assignments';
import { AssignForm } from '../components/assign-form';
import { AssignmentOverviewCards } from '../components/assignment-overview';

export function AssignmentsRoute() {
  const { t } = useTranslation();
  const overview = useAssignmentOverview();
  return (
    <>
      <PageHeader title={t('assignments.title')} description={t('assignments.description')} />
      <div className="stack">
        <AssignForm />
        {overview.isPending ? (
          <LoadingState />
        ) : overview.isError ? (
          <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
        ) : (
          <AssignmentOverviewCards overview={overview.data} />
        )}
      </div>
    </>
  );
}
