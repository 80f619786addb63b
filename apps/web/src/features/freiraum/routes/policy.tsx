import { PERIOD_KINDS, updateFreiraumPolicySchema, type FreiraumPolicy, type PeriodKind } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { SelectField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { usePolicy, useUpdatePolicy } from '../api/freiraum';
import { localizeErrors } from '../components/format';

export function FreiraumPolicyRoute() {
  const { t } = useTranslation();
  const policy = usePolicy();
  return (
    <>
      <PageHeader title={t('freiraum.policy.title')} description={t('freiraum.policy.description')} />
      {policy.isPending ? (
        <LoadingState />
      ) : policy.isError ? (
        <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <PolicyForm policy={policy.data} />
      )}
    </>
  );
}

const asNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

function PolicyForm({ policy }: { policy: FreiraumPolicy }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdatePolicy();
  const [periodKind, setPeriodKind] = useState<PeriodKind>(policy.periodKind);
  const [defaultHours, setDefaultHours] = useState(String(policy.defaultHours));
  const [maxHours, setMaxHours] = useState(String(policy.maxHours));
  const [escalationDays, setEscalationDays] = useState(String(policy.escalationDays));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const body = {
      periodKind,
      defaultHours: asNumber(defaultHours),
      maxHours: asNumber(maxHours),
      escalationDays: asNumber(escalationDays),
    };
    const parsed = updateFreiraumPolicySchema.safeParse(body, FORM_PARSE);
    if (!parsed.success) {
      // zod skips the contract's "default ≤ max" rule while another field is invalid; show it at once.
      const aboveMax: FieldErrors =
        body.defaultHours > body.maxHours ? { defaultHours: t('freiraum.validation.defaultAboveMax') } : {};
      setErrors({ ...aboveMax, ...localizeErrors(zodFieldErrors(parsed.error, t), t) });
      setFormError(t('errors.checkFields'));
      return;
    }
    setErrors({});
    try {
      await update.mutateAsync(parsed.data);
      toast(t('freiraum.policy.saved'));
    } catch (error) {
      setErrors(localizeErrors(apiFieldErrors(error, t), t));
      setFormError(errorMessage(error, t));
    }
  }

  return (
    <Card title={t('freiraum.policy.formTitle')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormAlert>{formError}</FormAlert>
        <SelectField
          label={t('freiraum.policy.periodKind')}
          value={periodKind}
          onChange={(e) => setPeriodKind(e.target.value as PeriodKind)}
          error={errors.periodKind}
          hint={t('freiraum.policy.periodKindHint')}
        >
          {PERIOD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`freiraum.policy.periodKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <div className="form-row">
          <TextField
            label={t('freiraum.policy.defaultHours')}
            type="number"
            inputMode="decimal"
            min={0}
            step={0.5}
            required
            value={defaultHours}
            onChange={(e) => setDefaultHours(e.target.value)}
            error={errors.defaultHours}
            hint={t('freiraum.policy.defaultHoursHint')}
          />
          <TextField
            label={t('freiraum.policy.maxHours')}
            type="number"
            inputMode="decimal"
            min={0}
            step={0.5}
            required
            value={maxHours}
            onChange={(e) => setMaxHours(e.target.value)}
            error={errors.maxHours}
            hint={t('freiraum.policy.maxHoursHint')}
          />
        </div>
        <TextField
          label={t('freiraum.policy.escalationDays')}
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          step={1}
          required
          value={escalationDays}
          onChange={(e) => setEscalationDays(e.target.value)}
          error={errors.escalationDays}
          hint={t('freiraum.policy.escalationDaysHint')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
