import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useAiPolicy } from '../api/ai-policy';
import { AiPolicyEditor } from '../components/ai-policy-editor';
import { DataClassLegend } from '../components/data-class-legend';

export function AiPolicyRoute() {
  const { t } = useTranslation();
  const policy = useAiPolicy();
  return (
    <>
      <PageHeader title={t('aiPolicy.title')} description={t('aiPolicy.description')} />
      {policy.isPending ? (
        <LoadingState />
      ) : policy.isError ? (
        <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <div className="stack">
          <DataClassLegend />
          <AiPolicyEditor policy={policy.data} />
        </div>
      )}
    </>
  );
}
