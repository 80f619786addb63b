import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useAuditLog } from '../api/audit';
import { AuditTable } from '../components/audit-table';

const PAGE_SIZE = 50;
const FILTERS = ['action', 'actorId', 'targetType', 'targetId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

// Known actions as suggestions; the field still accepts any text, since later features add actions.
const KNOWN_ACTIONS = [
  'organization.created',
  'organization.settings_changed',
  'organization.ai_policy_changed',
  'organization.ai_policy_updated',
  'track.updated',
  'department.created',
  'user.created',
  'user.updated',
  'user.roles_changed',
  'user.manager_changed',
  'user.deactivated',
  'user.reactivated',
  'user.reset_link_issued',
  'user.password_changed',
  'user.password_reset',
  'user.invitation_accepted',
  'users.imported',
];

/** A calendar day (yyyy-mm-dd, local time) → the ISO instant where it starts; `nextDay` for an exclusive end. */
export function dayToIso(day: string, nextDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (nextDay ? 1 : 0));
  return date.toISOString();
}

export function AuditLogRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const value = (key: Filter) => params.get(key) ?? '';
  const [draft, setDraft] = useState<Record<Filter, string>>(
    () => Object.fromEntries(FILTERS.map((k) => [k, value(k)])) as Record<Filter, string>,
  );
  const offset = Math.max(0, Number(params.get('offset')) || 0);

  const query = useAuditLog({
    action: value('action') || undefined,
    actorId: value('actorId') || undefined,
    targetType: value('targetType') || undefined,
    targetId: value('targetId') || undefined,
    from: dayToIso(value('from')),
    to: dayToIso(value('to'), true),
    limit: PAGE_SIZE,
    offset,
  });
  const fieldErrors = query.isError ? apiFieldErrors(query.error, t) : {};

  function apply(next: Record<Filter, string>, nextOffset = 0) {
    const search = new URLSearchParams();
    for (const key of FILTERS) if (next[key].trim()) search.set(key, next[key].trim());
    if (nextOffset) search.set('offset', String(nextOffset));
    setParams(search, { replace: true });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  function filterBy(key: Filter, id: string) {
    const next = { ...draft, [key]: id };
    setDraft(next);
    apply(next);
  }

  const active = FILTERS.some((key) => value(key));
  // Paging keeps the filters in effect, not what is typed but not yet applied.
  const applied = () => Object.fromEntries(FILTERS.map((k) => [k, value(k)])) as Record<Filter, string>;
  const set = (key: Filter) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card className="card--flush">
        <form className="filters" role="search" aria-label={t('audit.filters.label')} onSubmit={onSubmit}>
          <TextField
            label={t('audit.filters.action')}
            list="audit-actions"
            value={draft.action}
            onChange={set('action')}
            error={fieldErrors.action}
          />
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`audit.actions.${action}`, { defaultValue: action })}
              </option>
            ))}
          </datalist>
          <TextField
            label={t('audit.filters.actorId')}
            value={draft.actorId}
            onChange={set('actorId')}
            error={fieldErrors.actorId}
          />
          <TextField
            label={t('audit.filters.targetId')}
            value={draft.targetId}
            onChange={set('targetId')}
            error={fieldErrors.targetId}
          />
          <TextField
            label={t('audit.filters.from')}
            type="date"
            value={draft.from}
            onChange={set('from')}
            error={fieldErrors.from}
          />
          <TextField
            label={t('audit.filters.to')}
            type="date"
            value={draft.to}
            onChange={set('to')}
            error={fieldErrors.to}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary">
              {t('audit.filters.apply')}
            </Button>
            {active && (
              <Button
                variant="ghost"
                onClick={() => {
                  const empty = Object.fromEntries(FILTERS.map((k) => [k, ''])) as Record<Filter, string>;
                  setDraft(empty);
                  apply(empty);
                }}
              >
                {t('audit.filters.reset')}
              </Button>
            )}
          </div>
        </form>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          Object.keys(fieldErrors).length > 0 ? (
            <div className="state">
              <FormAlert>{t('errors.checkFields')}</FormAlert>
            </div>
          ) : (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          )
        ) : query.data.items.length === 0 ? (
          <EmptyState title={active ? t('audit.emptyFilteredTitle') : t('audit.emptyTitle')}>
            {active ? t('audit.emptyFilteredText') : t('audit.emptyText')}
          </EmptyState>
        ) : (
          <>
            <AuditTable
              items={query.data.items}
              onFilterActor={(id) => filterBy('actorId', id)}
              onFilterTarget={(id) => filterBy('targetId', id)}
            />
            <Pagination
              offset={offset}
              limit={PAGE_SIZE}
              total={query.data.total}
              onChange={(next) => apply(applied(), next)}
            />
          </>
        )}
      </Card>
    </>
  );
}
