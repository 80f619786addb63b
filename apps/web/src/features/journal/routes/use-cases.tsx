import { OTHER_TOOL_ID } from '@freiraum/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Card } from '../../../components/ui/card';
import { SelectField, TextField } from '../../../components/ui/field';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { trackName, useDepartments, useTracks } from '../../../lib/reference-data';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useAiPolicy, useUseCases } from '../api/journal';
import { UseCaseCard } from '../components/use-case-card';

const PAGE_SIZE = 20;

/** `/use-cases`: promoted experiments, searchable by text, track, department and tool. */
export function UseCasesRoute() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 300);
  const trackId = params.get('track') ?? undefined;
  const departmentId = params.get('department') ?? undefined;
  const toolId = params.get('tool') ?? undefined;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const tracks = useTracks();
  const departments = useDepartments();
  const policy = useAiPolicy();
  const query = useUseCases({
    q: params.get('q') || undefined,
    trackId,
    departmentId,
    toolId,
    limit: PAGE_SIZE,
    offset,
  });

  function update(changes: Record<string, string | undefined>, resetOffset = true) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (resetOffset) next.delete('offset');
        return next;
      },
      { replace: true },
    );
  }

  // The search box writes to the URL once typing pauses: one request per pause, and a shareable address.
  const currentQ = params.get('q') ?? '';
  useEffect(() => {
    if (q !== currentQ) update({ q: q || undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the debounced text should trigger this
  }, [q]);

  const filtered = Boolean(currentQ || trackId || departmentId || toolId);

  return (
    <>
      <PageHeader title={t('journal.library.title')} description={t('journal.library.description')} />
      <Card className="card--flush">
        <div className="filters" role="search" aria-label={t('journal.library.filtersLabel')}>
          <TextField
            label={t('journal.library.search')}
            type="search"
            placeholder={t('journal.library.searchPlaceholder')}
            maxLength={200}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <SelectField
            label={t('fields.track')}
            value={trackId ?? ''}
            onChange={(e) => update({ track: e.target.value || undefined })}
          >
            <option value="">{t('journal.library.allTracks')}</option>
            {(tracks.data ?? []).map((track) => (
              <option key={track.id} value={track.id}>
                {trackName(track, i18n.language)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('fields.department')}
            value={departmentId ?? ''}
            onChange={(e) => update({ department: e.target.value || undefined })}
          >
            <option value="">{t('journal.library.allDepartments')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('journal.fields.tool')}
            value={toolId ?? ''}
            onChange={(e) => update({ tool: e.target.value || undefined })}
          >
            <option value="">{t('journal.library.allTools')}</option>
            {(policy.data?.tools ?? []).map((tool) => (
              <option key={tool.id} value={tool.id}>
                {tool.name}
              </option>
            ))}
            <option value={OTHER_TOOL_ID}>{t('journal.form.otherTool')}</option>
          </SelectField>
        </div>
      </Card>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Card>
          <EmptyState title={filtered ? t('journal.library.emptyFilteredTitle') : t('journal.library.emptyTitle')}>
            {filtered ? t('journal.library.emptyFilteredText') : t('journal.library.emptyText')}
          </EmptyState>
        </Card>
      ) : (
        <>
          <p className="small muted journal-count" aria-live="polite">
            {t('journal.library.count', { count: query.data.total })}
          </p>
          <div className="stack" aria-busy={query.isFetching || undefined}>
            {query.data.items.map((useCase) => (
              <UseCaseCard key={useCase.id} useCase={useCase} tracks={tracks.data} />
            ))}
          </div>
          <Pagination
            offset={offset}
            limit={PAGE_SIZE}
            total={query.data.total}
            onChange={(next) => update({ offset: next ? String(next) : undefined }, false)}
          />
        </>
      )}
    </>
  );
}
