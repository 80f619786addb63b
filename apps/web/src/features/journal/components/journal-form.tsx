import {
  createJournalEntrySchema,
  DATA_CLASSES,
  OTHER_TOOL_ID,
  OUTCOMES,
  VISIBILITIES,
  type AiPolicy,
  type CreateJournalEntry,
  type DataClass,
  type JournalEntry,
  type Outcome,
  type Visibility,
} from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { SelectField, TextareaField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { errorMessage, FORM_PARSE, type FieldErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useAiPolicy, useCreateJournalEntry } from '../api/journal';
import { ChoiceGroup } from './choice-group';
import { journalApiErrors, journalFormErrors } from './journal-errors';

interface Draft {
  goal: string;
  toolId: string;
  toolName: string;
  dataClass: DataClass | '';
  outcome: Outcome | '';
  minutesSaved: string;
  learned: string;
  visibility: Visibility;
}

const emptyDraft: Draft = {
  goal: '',
  toolId: '',
  toolName: '',
  dataClass: '',
  outcome: '',
  minutesSaved: '',
  learned: '',
  visibility: 'private',
};

/** Mirrors the server's policy check, so the author knows before saving that a flag will keep it private. */
function policyConflict(policy: AiPolicy | undefined, toolId: string, dataClass: DataClass | ''): boolean {
  if (!policy || !toolId || !dataClass) return false;
  const tool = policy.tools.find((x) => x.id === toolId);
  return tool ? !tool.allowedDataClasses.includes(dataClass) : dataClass !== 'public';
}

/** The body as the contract wants it; the number field's text becomes a number (or nothing, when empty). */
function toBody(draft: Draft, requestId: string | null): Record<string, unknown> {
  const minutes = draft.minutesSaved.trim();
  return {
    ...(requestId ? { requestId } : {}),
    goal: draft.goal,
    toolId: draft.toolId,
    ...(draft.toolId === OTHER_TOOL_ID ? { toolName: draft.toolName } : {}),
    dataClass: draft.dataClass,
    outcome: draft.outcome,
    minutesSaved: minutes === '' ? undefined : Number(minutes),
    learned: draft.learned,
    visibility: draft.visibility,
  };
}

export function JournalForm({
  requestId,
  onSaved,
}: {
  requestId: string | null;
  onSaved: (entry: JournalEntry) => void;
}) {
  const { t } = useTranslation();
  const policy = useAiPolicy();
  const create = useCreateJournalEntry();
  const idempotency = useIdempotencyKey();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = createJournalEntrySchema.safeParse(toBody(draft, requestId), FORM_PARSE);
    const next = parsed.success ? {} : journalFormErrors(parsed.error, t);
    // zod runs the contract's "other tool needs a name" rule only once every field is valid; say it at once.
    if (draft.toolId === OTHER_TOOL_ID && draft.toolName.trim().length < 2)
      next.toolName = t('journal.form.errors.toolName');
    if (!parsed.success || Object.keys(next).length > 0) {
      setErrors(next);
      setFormError(t('errors.checkFields'));
      return;
    }
    setErrors({});
    const body: CreateJournalEntry = parsed.data;
    try {
      const entry = await create.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) });
      idempotency.settled();
      onSaved(entry);
    } catch (err) {
      idempotency.settled(err);
      setErrors(journalApiErrors(err, t));
      setFormError(errorMessage(err, t));
    }
  }

  const toolLabel =
    draft.toolId === OTHER_TOOL_ID
      ? draft.toolName.trim() || t('journal.form.otherTool')
      : (policy.data?.tools.find((x) => x.id === draft.toolId)?.name ?? draft.toolId);
  const conflict = policyConflict(policy.data, draft.toolId, draft.dataClass);
  const err = (field: string) => errors[field] || undefined;

  return (
    <form className="form journal-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormAlert>{formError}</FormAlert>
      {errors.requestId && <p className="alert alert--error">{errors.requestId}</p>}
      <TextareaField
        label={t('journal.form.goal')}
        hint={t('journal.form.goalHint')}
        rows={3}
        maxLength={1000}
        required
        value={draft.goal}
        onChange={(e) => set('goal', e.target.value)}
        error={err('goal')}
      />
      <div className="form-row">
        <SelectField
          label={t('journal.form.tool')}
          hint={policy.isError ? t('journal.form.toolsUnavailable') : undefined}
          required
          value={draft.toolId}
          onChange={(e) => set('toolId', e.target.value)}
          error={err('toolId')}
        >
          <option value="">{t('journal.form.choose')}</option>
          {(policy.data?.tools ?? []).map((tool) => (
            <option key={tool.id} value={tool.id}>
              {tool.name}
            </option>
          ))}
          <option value={OTHER_TOOL_ID}>{t('journal.form.otherTool')}</option>
        </SelectField>
        {draft.toolId === OTHER_TOOL_ID && (
          <TextField
            label={t('journal.form.toolName')}
            hint={t('journal.form.toolNameHint')}
            required
            maxLength={100}
            value={draft.toolName}
            onChange={(e) => set('toolName', e.target.value)}
            error={err('toolName')}
          />
        )}
      </div>
      <ChoiceGroup
        legend={t('journal.form.dataClass')}
        hint={t('journal.form.dataClassHint')}
        name="dataClass"
        value={draft.dataClass}
        onChange={(v) => set('dataClass', v)}
        error={err('dataClass')}
        choices={DATA_CLASSES.map((v) => ({
          value: v,
          label: t(`dataClasses.${v}.label`),
          hint: t(`dataClasses.${v}.description`),
        }))}
      />
      {conflict && draft.dataClass && (
        <p className="alert alert--info">
          {t('journal.form.conflict', { tool: toolLabel, dataClass: t(`dataClasses.${draft.dataClass}.label`) })}
        </p>
      )}
      <ChoiceGroup
        legend={t('journal.form.outcome')}
        hint={t('journal.form.outcomeHint')}
        name="outcome"
        value={draft.outcome}
        onChange={(v) => set('outcome', v)}
        error={err('outcome')}
        choices={OUTCOMES.map((v) => ({
          value: v,
          label: t(`journal.outcomes.${v}`),
          hint: t(`journal.form.outcomeHints.${v}`),
        }))}
      />
      <TextField
        label={t('journal.form.minutesSaved')}
        hint={t('journal.form.minutesSavedHint')}
        type="number"
        inputMode="numeric"
        min={0}
        max={10000}
        step={1}
        required
        value={draft.minutesSaved}
        onChange={(e) => set('minutesSaved', e.target.value)}
        error={err('minutesSaved')}
      />
      <TextareaField
        label={t('journal.form.learned')}
        hint={t('journal.form.learnedHint')}
        rows={4}
        maxLength={4000}
        required
        value={draft.learned}
        onChange={(e) => set('learned', e.target.value)}
        error={err('learned')}
      />
      <ChoiceGroup
        legend={t('journal.form.visibility')}
        hint={t('journal.form.visibilityHint')}
        name="visibility"
        value={draft.visibility}
        onChange={(v) => set('visibility', v)}
        error={err('visibility')}
        choices={VISIBILITIES.map((v) => ({
          value: v,
          label: t(`journal.visibility.options.${v}`),
          hint: t(`journal.visibility.hints.${v}`),
        }))}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={create.isPending}>
          {t('journal.form.submit')}
        </Button>
        <Link className="btn btn--ghost" to="/journal">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
