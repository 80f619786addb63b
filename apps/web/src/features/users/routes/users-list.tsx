import { ROLES, type Role, type UserListQuery } from '@freiraum/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { SelectField, TextField } from '../../../components/ui/field';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { TableScroll } from '../../../components/ui/table';
import { hasRole, useCurrentUser } from '../../../lib/auth';
import { trackLabel, useDepartments, useTracks } from '../../../lib/reference-data';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useUsers } from '../api/users';
import { roleTone, sortRoles } from '../../../lib/roles';

const PAGE_SIZE = 25;
type ActiveFilter = NonNullable<UserListQuery['active']>;

export function UsersListRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  // HR may see the list (for import and assignments); only admins change people.
  const canEdit = hasRole(me, 'admin');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 300);
  const role = (ROLES as readonly string[]).includes(params.get('role') ?? '')
    ? (params.get('role') as Role)
    : undefined;
  const departmentId = params.get('department') ?? undefined;
  const active = (
    ['true', 'false', 'all'].includes(params.get('active') ?? '') ? params.get('active') : 'true'
  ) as ActiveFilter;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const departments = useDepartments();
  const tracks = useTracks();
  const query = useUsers({ q: q || undefined, role, departmentId, active, limit: PAGE_SIZE, offset });

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

  // The search box writes to the URL once typing pauses, so a result list can be shared or reloaded.
  const currentQ = params.get('q') ?? '';
  useEffect(() => {
    if (q !== currentQ) update({ q: q || undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the debounced text should trigger this
  }, [q]);

  const filtered = Boolean(q || role || departmentId || active !== 'true');

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={canEdit ? t('users.description') : t('users.descriptionReadOnly')}
        actions={
          canEdit && (
            <Link className="btn btn--primary" to="/admin/users/new">
              {t('users.create')}
            </Link>
          )
        }
      />
      <Card className="card--flush">
        <div className="filters" role="search" aria-label={t('users.filters.label')}>
          <TextField
            label={t('users.filters.search')}
            type="search"
            placeholder={t('users.filters.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <SelectField
            label={t('fields.role')}
            value={role ?? ''}
            onChange={(e) => update({ role: e.target.value || undefined })}
          >
            <option value="">{t('users.filters.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('fields.department')}
            value={departmentId ?? ''}
            onChange={(e) => update({ department: e.target.value || undefined })}
          >
            <option value="">{t('users.filters.allDepartments')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('fields.status')}
            value={active}
            onChange={(e) => update({ active: e.target.value === 'true' ? undefined : e.target.value })}
          >
            <option value="true">{t('users.filters.active')}</option>
            <option value="false">{t('users.filters.inactive')}</option>
            <option value="all">{t('users.filters.all')}</option>
          </SelectField>
        </div>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState title={filtered ? t('users.emptyFilteredTitle') : t('users.emptyTitle')}>
            {filtered ? t('users.emptyFilteredText') : t('users.emptyText')}
          </EmptyState>
        ) : (
          <>
            <TableScroll label={t('users.tableLabel')}>
              <table className="table" aria-busy={query.isFetching || undefined}>
                <caption className="visually-hidden">{t('users.tableLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fields.name')}</th>
                    <th scope="col">{t('fields.roles')}</th>
                    <th scope="col">{t('fields.department')}</th>
                    <th scope="col">{t('fields.track')}</th>
                    <th scope="col">{t('fields.manager')}</th>
                    <th scope="col">{t('fields.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {query.data.items.map((u) => (
                    <tr key={u.id}>
                      <td>
                        {canEdit ? (
                          <Link className="table__primary" to={`/admin/users/${u.id}`}>
                            {u.erasedAt ? t('users.erase.erasedName') : `${u.firstName} ${u.lastName}`}
                          </Link>
                        ) : (
                          <span className="table__primary">
                            {u.erasedAt ? t('users.erase.erasedName') : `${u.firstName} ${u.lastName}`}
                          </span>
                        )}
                        {/* An erased person's address is a placeholder, not worth reading. */}
                        {!u.erasedAt && <div className="table__secondary">{u.email}</div>}
                      </td>
                      <td>
                        <span className="badges">
                          {sortRoles(u.roles).map((r) => (
                            <Badge key={r} tone={roleTone(r)}>
                              {t(`roles.${r}`)}
                            </Badge>
                          ))}
                        </span>
                      </td>
                      <td>{u.departmentName ?? <span className="muted">–</span>}</td>
                      <td className="nowrap">
                        {trackLabel(u.trackSlug, tracks.data, i18n.language) ?? <span className="muted">–</span>}
                      </td>
                      <td>{u.managerName ?? <span className="muted">–</span>}</td>
                      <td>
                        {u.erasedAt ? (
                          <span className="badges">
                            <Badge tone="danger">{t('users.status.inactive')}</Badge>
                            <Badge>{t('users.erase.erasedBadge')}</Badge>
                          </span>
                        ) : !u.active ? (
                          <Badge tone="danger">{t('users.status.inactive')}</Badge>
                        ) : u.hasPassword ? (
                          <Badge tone="success">{t('users.status.active')}</Badge>
                        ) : (
                          <Badge tone="warning">{t('users.status.invited')}</Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pagination
              offset={offset}
              limit={PAGE_SIZE}
              total={query.data.total}
              onChange={(nextOffset) => update({ offset: nextOffset ? String(nextOffset) : undefined }, false)}
            />
          </>
        )}
      </Card>
    </>
  );
}
