import { createDelegationSchema, type Delegation } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { SelectField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { hasRole, useCurrentUser } from '../../../lib/auth';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useAllActivePeople, useCreateDelegation, useDeleteDelegation, useDelegations } from '../api/freiraum';
import { formatDay, localizeErrors } from './format';

interface Candidate {
  id: string;
  name: string;
}

/**
 * Who decides for the manager while they are away. Managers cannot list the whole organisation
 * (GET /api/users is HR's and admins'), so they choose among the people they work with: their direct
 * reports and their own manager. HR and admins choose from everyone active.
 */
export function DelegationsCard({ reports }: { reports: Candidate[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useCurrentUser();
  const delegations = useDelegations();
  const seesEveryone = hasRole(me, 'hr', 'admin');
  const everyone = useAllActivePeople(seesEveryone);
  const remove = useDeleteDelegation();
  const [removeError, setRemoveError] = useState<string | null>(null);

  const candidates = new Map<string, Candidate>();
  for (const r of reports) candidates.set(r.id, r);
  if (me.managerId && me.managerName) candidates.set(me.managerId, { id: me.managerId, name: me.managerName });
  for (const u of everyone.data?.items ?? []) candidates.set(u.id, { id: u.id, name: `${u.firstName} ${u.lastName}` });
  candidates.delete(me.id);
  const choices = [...candidates.values()].sort((a, b) => a.name.localeCompare(b.name, lang));
  const span = (d: Delegation) =>
    t('freiraum.delegations.span', { from: formatDay(d.startsOn, lang), to: formatDay(d.endsOn, lang) });

  return (
    <Card title={t('freiraum.delegations.title')} description={t('freiraum.delegations.description')}>
      {delegations.isPending ? (
        <LoadingState />
      ) : delegations.isError ? (
        <ErrorState error={delegations.error} onRetry={() => void delegations.refetch()} />
      ) : (
        <div className="stack">
          {delegations.data.received.length > 0 && (
            <div className="alert alert--info">
              <p>
                <strong>{t('freiraum.delegations.receivedTitle')}</strong>
              </p>
              <ul className="prose-list">
                {delegations.data.received.map((d) => (
                  <li key={d.id}>{t('freiraum.delegations.receivedItem', { name: d.managerName, span: span(d) })}</li>
                ))}
              </ul>
              <p>
                <Link to="/freiraum/approvals">{t('freiraum.delegations.toApprovals')}</Link>
              </p>
            </div>
          )}
          <section aria-labelledby="freiraum-delegations-given">
            <h3 className="card__title" id="freiraum-delegations-given">
              {t('freiraum.delegations.givenTitle')}
            </h3>
            {delegations.data.given.length === 0 ? (
              <p className="muted small">{t('freiraum.delegations.noneGiven')}</p>
            ) : (
              <ul className="item-list freiraum-delegations">
                {delegations.data.given.map((d) => (
                  <li key={d.id} className="freiraum-delegation">
                    <span>
                      <span className="table__primary">{d.delegateName}</span> · {span(d)}
                    </span>
                    <Button
                      size="sm"
                      variant="ghost"
                      // One name per button, the same in every browser (a hidden span gets spaces around it).
                      aria-label={`${t('freiraum.delegations.remove')}: ${d.delegateName}`}
                      loading={remove.isPending && remove.variables === d.id}
                      onClick={() => {
                        setRemoveError(null);
                        remove.mutate(d.id, { onError: (err) => setRemoveError(errorMessage(err, t)) });
                      }}
                    >
                      {t('freiraum.delegations.remove')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <FormAlert>{removeError}</FormAlert>
          </section>
          <DelegationForm choices={choices} everyone={seesEveryone} />
        </div>
      )}
    </Card>
  );
}

function DelegationForm({ choices, everyone }: { choices: Candidate[]; everyone: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateDelegation();
  const [delegateId, setDelegateId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const body = { delegateId, startsOn, endsOn };
    const parsed = createDelegationSchema.safeParse(body, FORM_PARSE);
    if (!parsed.success) {
      setErrors(localizeErrors(zodFieldErrors(parsed.error, t), t));
      return;
    }
    setErrors({});
    try {
      const created = await create.mutateAsync(parsed.data);
      toast(t('freiraum.delegations.created', { name: created.delegateName }));
      setDelegateId('');
      setStartsOn('');
      setEndsOn('');
    } catch (err) {
      setErrors(localizeErrors(apiFieldErrors(err, t), t));
      setFormError(errorMessage(err, t));
    }
  }

  return (
    <section aria-labelledby="freiraum-delegations-new">
      <h3 className="card__title" id="freiraum-delegations-new">
        {t('freiraum.delegations.newTitle')}
      </h3>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormAlert>{formError}</FormAlert>
        <SelectField
          label={t('freiraum.delegations.delegate')}
          required
          value={delegateId}
          onChange={(e) => {
            setDelegateId(e.target.value);
            setErrors(({ delegateId: _gone, ...rest }) => rest);
          }}
          error={errors.delegateId}
          hint={
            choices.length === 0
              ? t('freiraum.delegations.noCandidates')
              : everyone
                ? t('freiraum.delegations.delegateHintAll')
                : t('freiraum.delegations.delegateHint')
          }
        >
          <option value="">{t('freiraum.delegations.chooseDelegate')}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <div className="form-row">
          <TextField
            label={t('freiraum.delegations.startsOn')}
            type="date"
            required
            value={startsOn}
            onChange={(e) => setStartsOn(e.target.value)}
            error={errors.startsOn}
          />
          <TextField
            label={t('freiraum.delegations.endsOn')}
            type="date"
            required
            min={startsOn || undefined}
            value={endsOn}
            onChange={(e) => setEndsOn(e.target.value)}
            error={errors.endsOn}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={create.isPending}>
            {t('freiraum.delegations.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
