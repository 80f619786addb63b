import { setAllocationSchema, type Balance, type TeamFreiraum } from '@freiraum/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { TextField } from '../../../components/ui/field';
import { EmptyState } from '../../../components/ui/states';
import { TableScroll } from '../../../components/ui/table';
import { useToast } from '../../../components/ui/toast';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors } from '../../../lib/form-errors';
import { useSetAllocation } from '../api/freiraum';
import { formatHours, localizeErrors, periodLabel } from './format';

type Member = TeamFreiraum['members'][number];
const COLUMNS = ['allocated', 'pending', 'approved', 'used', 'left'] as const satisfies readonly (keyof Balance)[];

/** Direct reports' hours in the period, with the totals; a manager changes one person's allocation in place. */
export function TeamTable({ team }: { team: TeamFreiraum }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [editing, setEditing] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const h = (n: number) => formatHours(n, t, lang);
  const period = periodLabel(team.period.key, t, lang);

  function stopEditing(userId: string) {
    setEditing(null);
    window.setTimeout(() => editButtons.current.get(userId)?.focus(), 0);
  }

  return (
    <Card
      className="card--flush"
      title={t('freiraum.team.tableTitle', { period })}
      description={t('freiraum.team.policyNote', {
        defaultHours: h(team.policy.defaultHours),
        maxHours: h(team.policy.maxHours),
      })}
    >
      {team.members.length === 0 ? (
        <EmptyState title={t('freiraum.team.emptyTitle')}>{t('freiraum.team.emptyText')}</EmptyState>
      ) : (
        <TableScroll label={t('freiraum.team.table')}>
          <table className="table freiraum-team-table">
            <caption className="visually-hidden">{t('freiraum.team.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                {COLUMNS.map((c) => (
                  <th scope="col" className="num" key={c}>
                    {t(`freiraum.balance.${c}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('freiraum.team.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) => (
                <MemberRows
                  key={m.userId}
                  member={m}
                  periodKey={team.period.key}
                  period={period}
                  maxHours={team.policy.maxHours}
                  editing={editing === m.userId}
                  onEdit={() => setEditing(m.userId)}
                  onDone={() => stopEditing(m.userId)}
                  editButtonRef={(el) => {
                    if (el) editButtons.current.set(m.userId, el);
                    else editButtons.current.delete(m.userId);
                  }}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('freiraum.team.total')}</th>
                {COLUMNS.map((c) => (
                  <td className="num" key={c}>
                    {h(team.totals[c])}
                  </td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </Card>
  );
}

function MemberRows({
  member: m,
  periodKey,
  period,
  maxHours,
  editing,
  onEdit,
  onDone,
  editButtonRef,
}: {
  member: Member;
  periodKey: string;
  period: string;
  maxHours: number;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
  editButtonRef: (el: HTMLButtonElement | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const h = (n: number) => formatHours(n, t, i18n.language);
  return (
    <>
      <tr>
        <th scope="row" className="table__primary">
          {m.name}
        </th>
        {COLUMNS.map((c) => (
          <td className="num" key={c}>
            {h(m.balance[c])}
            {c === 'allocated' && m.customAllocation && (
              <>
                {' '}
                <Badge tone="primary">{t('freiraum.team.custom')}</Badge>
              </>
            )}
          </td>
        ))}
        <td>
          <Button
            ref={editButtonRef}
            size="sm"
            variant="ghost"
            aria-label={`${t('freiraum.team.edit')}: ${m.name}`}
            aria-expanded={editing}
            onClick={onEdit}
          >
            {t('freiraum.team.edit')}
          </Button>
        </td>
      </tr>
      {editing && (
        <tr className="freiraum-team-table__edit">
          <td colSpan={COLUMNS.length + 2}>
            <AllocationForm member={m} periodKey={periodKey} period={period} maxHours={maxHours} onDone={onDone} />
          </td>
        </tr>
      )}
    </>
  );
}

function AllocationForm({
  member: m,
  periodKey,
  period,
  maxHours,
  onDone,
}: {
  member: Member;
  periodKey: string;
  period: string;
  maxHours: number;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const toast = useToast();
  const save = useSetAllocation();
  const id = useId();
  const [hours, setHours] = useState(String(m.balance.allocated));
  const [error, setError] = useState<string | undefined>();
  const committed = m.balance.pending + m.balance.approved;

  useEffect(() => {
    const input = document.getElementById(id) as HTMLInputElement | null;
    input?.focus();
    input?.select();
  }, [id]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = { period: periodKey, hours: hours.trim() === '' ? Number.NaN : Number(hours) };
    const parsed = setAllocationSchema.safeParse(body, FORM_PARSE);
    if (!parsed.success) {
      setError(localizeErrors(zodFieldErrors(parsed.error, t), t).hours ?? t('errors.checkFields'));
      return;
    }
    if (body.hours > maxHours) {
      setError(t('freiraum.validation.atMostHours', { max: formatHours(maxHours, t, lang) }));
      return;
    }
    setError(undefined);
    try {
      await save.mutateAsync({ userId: m.userId, body: parsed.data });
      toast(t('freiraum.team.saved', { name: m.name, hours: formatHours(parsed.data.hours, t, lang) }));
      onDone();
    } catch (err) {
      // The 409 ("… is N hours below what is pending and approved") says by how much: show it by the field.
      const fields = localizeErrors(apiFieldErrors(err, t), t);
      setError(fields.hours ?? fields.period ?? errorMessage(err, t));
    }
  }

  return (
    <form className="form freiraum-allocation" onSubmit={(e) => void onSubmit(e)} noValidate>
      <TextField
        id={id}
        label={t('freiraum.team.hoursFor', { name: m.name, period })}
        type="number"
        inputMode="decimal"
        min={0}
        max={maxHours}
        step={0.5}
        value={hours}
        onChange={(e) => {
          setHours(e.target.value);
          setError(undefined);
        }}
        error={error}
        hint={t('freiraum.team.hoursHint', {
          max: formatHours(maxHours, t, lang),
          committed: formatHours(committed, t, lang),
        })}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" size="sm" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button size="sm" disabled={save.isPending} onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
