import {
  createFreiraumRequestSchema,
  PURPOSE_TYPES,
  type FreiraumRequest,
  type PurposeType,
} from '@freiraum/contracts';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Fieldset, SelectField, TextareaField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { pick } from '../../../lib/bilingual';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useCreateRequest, useLearningModules, useUseCaseChoices } from '../api/freiraum';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { formatDay, formatHours, localizeErrors } from './format';

/** The contract's purpose rules (exercise → module, use case → use case, experiment → a description). */
function purposeErrors(
  body: { purposeType: PurposeType; exerciseId?: string; useCaseId?: string; purpose: string },
  t: TFunction,
): FieldErrors {
  if (body.purposeType === 'exercise' && !body.exerciseId)
    return { exerciseId: t('freiraum.validation.exerciseRequired') };
  if (body.purposeType === 'use_case' && !body.useCaseId)
    return { useCaseId: t('freiraum.validation.useCaseRequired') };
  if (body.purposeType === 'experiment' && body.purpose.length < 5)
    return { purpose: t('freiraum.validation.purposeRequired') };
  return {};
}

/** 0.5, 1, 1.5 … 8: a request is at most a working day. */
export const HOUR_CHOICES = Array.from({ length: 16 }, (_, i) => (i + 1) / 2);
const PURPOSE_MAX = 1000;

export function RequestForm({ today, onCreated }: { today: string; onCreated?: (request: FreiraumRequest) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const toast = useToast();
  const create = useCreateRequest();
  const idempotency = useIdempotencyKey();
  const [slotDate, setSlotDate] = useState('');
  const [hours, setHours] = useState('');
  const [purposeType, setPurposeType] = useState<PurposeType>('experiment');
  const [exerciseId, setExerciseId] = useState('');
  const [useCaseId, setUseCaseId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const modules = useLearningModules(purposeType === 'exercise');
  const useCases = useUseCaseChoices(purposeType === 'use_case');

  const clear = (field: string) => setErrors(({ [field]: _gone, ...rest }) => rest);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const body = {
      slotDate,
      hours: hours === '' ? Number.NaN : Number(hours),
      purposeType,
      exerciseId: purposeType === 'exercise' && exerciseId ? exerciseId : undefined,
      useCaseId: purposeType === 'use_case' && useCaseId ? useCaseId : undefined,
      purpose: purpose.trim(),
    };
    const parsed = createFreiraumRequestSchema.safeParse(body, FORM_PARSE);
    const past = parsed.success && slotDate < today;
    if (!parsed.success || past) {
      // zod skips the contract's cross-field rules while a field is invalid; show them all at once.
      setErrors(
        parsed.success
          ? { slotDate: t('freiraum.validation.todayOrLater') }
          : { ...purposeErrors(body, t), ...localizeErrors(zodFieldErrors(parsed.error, t), t) },
      );
      setFormError(t('errors.checkFields'));
      return;
    }
    setErrors({});
    const key = idempotency.keyFor(body);
    try {
      const created = await create.mutateAsync({ body, key });
      idempotency.settled();
      toast(
        t('freiraum.form.created', {
          date: formatDay(created.slotDate, lang),
          hours: formatHours(created.hours, t, lang),
        }),
      );
      setSlotDate('');
      setHours('');
      setExerciseId('');
      setUseCaseId('');
      setPurpose('');
      onCreated?.(created);
    } catch (error) {
      idempotency.settled(error);
      setErrors(localizeErrors(apiFieldErrors(error, t), t));
      // A 409 here is the budget (or the same submission still running): its sentence says by how much.
      setFormError(
        error instanceof ApiError && error.status === 409
          ? t('errors.conflict', { message: error.message })
          : errorMessage(error, t),
      );
    }
  }

  const purposeHint =
    purposeType === 'experiment' ? t('freiraum.form.purposeHintExperiment') : t('freiraum.form.purposeHintOptional');

  return (
    <Card title={t('freiraum.form.title')} description={t('freiraum.form.description')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormAlert>{formError}</FormAlert>
        <div className="form-row">
          <TextField
            label={t('freiraum.form.date')}
            type="date"
            name="slotDate"
            required
            min={today}
            value={slotDate}
            onChange={(e) => {
              setSlotDate(e.target.value);
              clear('slotDate');
            }}
            error={errors.slotDate}
            hint={t('freiraum.form.dateHint')}
          />
          <SelectField
            label={t('freiraum.form.hours')}
            name="hours"
            required
            value={hours}
            onChange={(e) => {
              setHours(e.target.value);
              clear('hours');
            }}
            error={errors.hours}
          >
            <option value="">{t('freiraum.form.chooseHours')}</option>
            {HOUR_CHOICES.map((h) => (
              <option key={h} value={String(h)}>
                {formatHours(h, t, lang)}
              </option>
            ))}
          </SelectField>
        </div>
        <Fieldset legend={t('freiraum.form.purposeType')} stacked>
          {PURPOSE_TYPES.map((value) => (
            <div className="check" key={value}>
              <input
                id={`freiraum-purpose-${value}`}
                className="check__input"
                type="radio"
                name="purposeType"
                value={value}
                checked={purposeType === value}
                onChange={() => {
                  setPurposeType(value);
                  setErrors(({ exerciseId: _e, useCaseId: _u, purpose: _p, ...rest }) => rest);
                }}
              />
              <label className="check__label" htmlFor={`freiraum-purpose-${value}`}>
                {t(`freiraum.purposeTypes.${value}`)}
              </label>
            </div>
          ))}
        </Fieldset>
        {purposeType === 'exercise' && (
          <SelectField
            label={t('freiraum.form.module')}
            name="exerciseId"
            required
            value={exerciseId}
            onChange={(e) => {
              setExerciseId(e.target.value);
              clear('exerciseId');
            }}
            error={errors.exerciseId}
            hint={
              modules.isPending
                ? t('common.loading')
                : modules.isError
                  ? t('errors.loadFailed')
                  : modules.paths.length === 0
                    ? t('freiraum.form.noModules')
                    : t('freiraum.form.moduleHint')
            }
          >
            <option value="">{t('freiraum.form.chooseModule')}</option>
            {modules.paths.map((path) => (
              <optgroup key={path.slug} label={pick(path.title, lang)}>
                {path.modules.map((m) => (
                  <option key={`${path.slug}-${m.id}`} value={m.id}>
                    {pick(m.title, lang)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        )}
        {purposeType === 'use_case' && (
          <SelectField
            label={t('freiraum.form.useCase')}
            name="useCaseId"
            required
            value={useCaseId}
            onChange={(e) => {
              setUseCaseId(e.target.value);
              clear('useCaseId');
            }}
            error={errors.useCaseId}
            hint={
              useCases.isPending
                ? t('common.loading')
                : useCases.isError
                  ? t('errors.loadFailed')
                  : useCases.data.items.length === 0
                    ? t('freiraum.form.noUseCases')
                    : undefined
            }
          >
            <option value="">{t('freiraum.form.chooseUseCase')}</option>
            {(useCases.data?.items ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.title}
              </option>
            ))}
          </SelectField>
        )}
        <TextareaField
          label={t('freiraum.form.purpose')}
          name="purpose"
          required={purposeType === 'experiment'}
          rows={3}
          maxLength={PURPOSE_MAX}
          value={purpose}
          onChange={(e) => {
            setPurpose(e.target.value);
            clear('purpose');
          }}
          error={errors.purpose}
          hint={purposeHint}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={create.isPending}>
            {t('freiraum.form.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
