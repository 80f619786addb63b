import { DATA_CLASSES, practiceAnswerSchema, type AiPolicy, type DataClass, type Flag } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { SelectField, TextareaField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { pick } from '../../../lib/bilingual';
import { formatDateTime } from '../../../lib/format';
import { FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useAiPolicy, useMyFlags } from '../api/learning';
import {
  practiceAnswerViewSchema,
  practiceBodySchema,
  practiceFeedbackSchema,
  type PracticeAnswerView,
  type PracticeBody,
} from '../api/exercise-shapes';
import type { ExerciseProps } from './exercise-types';
import { Markdown } from './markdown';
import { ShapeError } from './shape-error';

const OTHER = 'other';

export function PracticeExercise(props: ExerciseProps) {
  const parsed = practiceBodySchema.safeParse(props.body);
  if (!parsed.success) return <ShapeError />;
  return <Practice {...props} practice={parsed.data} />;
}

/** Mirrors the server's policy check, so the learner knows before submitting that a flag will be raised. */
function policyConflict(policy: AiPolicy | undefined, toolId: string, dataClass: DataClass | ''): boolean {
  if (!policy || !toolId || !dataClass) return false;
  const tool = policy.tools.find((t) => t.id === toolId);
  return tool ? !tool.allowedDataClasses.includes(dataClass) : dataClass !== 'public';
}

interface Draft {
  whatIDid: string;
  result: string;
  howChecked: string;
  toolId: string;
  toolName: string;
  dataClass: DataClass | '';
}

const emptyDraft: Draft = { whatIDid: '', result: '', howChecked: '', toolId: '', toolName: '', dataClass: '' };

function draftFrom(answer: PracticeAnswerView | null): Draft {
  return answer ? { ...answer, toolName: answer.toolName ?? '' } : emptyDraft;
}

function Practice({
  practice,
  latest,
  submit,
  submitting,
  fieldErrors,
  formError,
  exerciseId,
}: ExerciseProps & { practice: PracticeBody }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const policy = useAiPolicy();
  const previous = latest ? (practiceAnswerViewSchema.safeParse(latest.answer).data ?? null) : null;
  const flag = latest ? practiceFeedbackSchema.safeParse(latest.feedback).data?.flag : undefined;
  const myFlags = useMyFlags(Boolean(flag));
  const flagState = flag ? myFlags.data?.items.find((f) => f.id === flag.id) : undefined;
  const [draft, setDraft] = useState<Draft>(() => draftFrom(previous));
  const [errors, setErrors] = useState<FieldErrors>({});
  const status = latest?.status ?? null;
  // A pending submission cannot be replaced (the API answers 409); accepted work is done.
  const showForm = status === null || status === 'revision_requested';
  const toolNameOf = (id: string, name?: string) =>
    id === OTHER
      ? (name ?? t('learning.practice.otherTool'))
      : (policy.data?.tools.find((x) => x.id === id)?.name ?? id);
  const allErrors: FieldErrors = { ...fieldErrors, ...errors };

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const answer = {
      whatIDid: draft.whatIDid,
      result: draft.result,
      howChecked: draft.howChecked,
      toolId: draft.toolId,
      ...(draft.toolId === OTHER ? { toolName: draft.toolName } : {}),
      dataClass: draft.dataClass,
    };
    const parsed = practiceAnswerSchema.safeParse(answer, FORM_PARSE);
    const next: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    if (draft.toolId === OTHER && !draft.toolName.trim()) next.toolName = t('validation.required');
    setErrors(next);
    if (!parsed.success || Object.values(next).some(Boolean)) return;
    await submit(parsed.data);
  }

  const conflict = policyConflict(policy.data, draft.toolId, draft.dataClass);

  return (
    <div className="exercise">
      <div className="exercise__brief">
        <p className="exercise__task">
          <strong>{t('learning.practice.task')}</strong> {pick(practice.task, lang)}
        </p>
        <div className="callout">
          <Markdown>{pick(practice.guidance, lang)}</Markdown>
        </div>
      </div>

      {latest && status !== null && status !== 'graded' && (
        <div
          className={`result ${status === 'accepted' ? 'result--passed' : status === 'submitted' ? 'result--waiting' : 'result--failed'}`}
          role="status"
        >
          <p className="result__title">{t(`learning.practice.status.${status}`)}</p>
          {status === 'revision_requested' && latest.reviewNote && (
            <p>
              <strong>{t('learning.practice.reviewerNote')}</strong>{' '}
              <span className="plain-text">{latest.reviewNote}</span>
            </p>
          )}
          {status === 'accepted' && latest.reviewNote && (
            <p>
              <strong>{t('learning.practice.reviewerNote')}</strong>{' '}
              <span className="plain-text">{latest.reviewNote}</span>
            </p>
          )}
          <p className="result__time">
            {t('learning.practice.submittedAt', { date: formatDateTime(latest.createdAt, lang) })}
          </p>
        </div>
      )}

      {flag && <FlagNotice flag={flag} state={flagState} />}

      {previous && !showForm && (
        <dl className="facts answer-facts">
          <dt>{t('learning.practice.whatIDid')}</dt>
          <dd className="plain-text">{previous.whatIDid}</dd>
          <dt>{t('learning.practice.result')}</dt>
          <dd className="plain-text">{previous.result}</dd>
          <dt>{t('learning.practice.howChecked')}</dt>
          <dd className="plain-text">{previous.howChecked}</dd>
          <dt>{t('learning.practice.tool')}</dt>
          <dd>{toolNameOf(previous.toolId, previous.toolName)}</dd>
          <dt>{t('learning.practice.dataClass')}</dt>
          <dd>{t(`dataClasses.${previous.dataClass}.label`)}</dd>
        </dl>
      )}

      {showForm && (
        <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <FormAlert>{formError}</FormAlert>
          <TextareaField
            id={`${exerciseId}-what`}
            label={t('learning.practice.whatIDid')}
            hint={t('learning.practice.whatIDidHint')}
            rows={5}
            required
            value={draft.whatIDid}
            onChange={(e) => set('whatIDid', e.target.value)}
            error={allErrors.whatIDid || undefined}
          />
          <TextareaField
            id={`${exerciseId}-result`}
            label={t('learning.practice.result')}
            hint={t('learning.practice.resultHint')}
            rows={4}
            required
            value={draft.result}
            onChange={(e) => set('result', e.target.value)}
            error={allErrors.result || undefined}
          />
          <TextareaField
            id={`${exerciseId}-checked`}
            label={t('learning.practice.howChecked')}
            hint={t('learning.practice.howCheckedHint')}
            rows={4}
            required
            value={draft.howChecked}
            onChange={(e) => set('howChecked', e.target.value)}
            error={allErrors.howChecked || undefined}
          />
          <div className="form-row">
            <SelectField
              id={`${exerciseId}-tool`}
              label={t('learning.practice.tool')}
              required
              value={draft.toolId}
              onChange={(e) => set('toolId', e.target.value)}
              error={allErrors.toolId || undefined}
            >
              <option value="">{t('learning.practice.choose')}</option>
              {(policy.data?.tools ?? []).map((tool) => (
                <option key={tool.id} value={tool.id}>
                  {tool.name}
                </option>
              ))}
              <option value={OTHER}>{t('learning.practice.otherTool')}</option>
            </SelectField>
            <SelectField
              id={`${exerciseId}-class`}
              label={t('learning.practice.dataClass')}
              required
              hint={draft.dataClass ? t(`dataClasses.${draft.dataClass}.description`) : undefined}
              value={draft.dataClass}
              onChange={(e) => set('dataClass', e.target.value as DataClass | '')}
              error={allErrors.dataClass || undefined}
            >
              <option value="">{t('learning.practice.choose')}</option>
              {DATA_CLASSES.map((dataClass) => (
                <option key={dataClass} value={dataClass}>
                  {t(`dataClasses.${dataClass}.label`)}
                </option>
              ))}
            </SelectField>
          </div>
          {draft.toolId === OTHER && (
            <TextField
              id={`${exerciseId}-tool-name`}
              label={t('learning.practice.toolName')}
              required
              maxLength={100}
              value={draft.toolName}
              onChange={(e) => set('toolName', e.target.value)}
              error={allErrors.toolName || undefined}
            />
          )}
          {conflict && (
            <p className="alert alert--info">
              {t('learning.practice.conflict', {
                tool: toolNameOf(draft.toolId, draft.toolName || undefined),
                dataClass: t(`dataClasses.${draft.dataClass}.label`),
              })}
            </p>
          )}
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={submitting}>
              {status === 'revision_requested' ? t('learning.practice.resubmit') : t('learning.practice.submit')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

function FlagNotice({
  flag,
  state,
}: {
  flag: { reason: 'unlisted_tool' | 'class_not_allowed'; toolName: string; dataClass: DataClass };
  state: Flag | undefined;
}) {
  const { t } = useTranslation();
  const status = state?.status ?? 'open';
  return (
    <div className={`flag-notice flag-notice--${status}`}>
      <p className="flag-notice__title">{t(`learning.practice.flag.${status}`)}</p>
      <p>
        {t(`governance.reasons.${flag.reason}`, {
          tool: flag.toolName,
          dataClass: t(`dataClasses.${flag.dataClass}.label`),
        })}
      </p>
      {state?.decisionNote && (
        <p>
          <strong>{t('learning.practice.flag.note')}</strong> <span className="plain-text">{state.decisionNote}</span>
        </p>
      )}
    </div>
  );
}
