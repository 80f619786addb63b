import { aiPolicySchema, DATA_CLASSES, type AiPolicy, type DataClass } from '@freiraum/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { CheckboxField, Fieldset, TextareaField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useSaveAiPolicy } from '../api/ai-policy';

interface ToolDraft {
  key: number;
  id: string;
  /** Once someone edits the id by hand, it no longer follows the name. */
  idTouched: boolean;
  name: string;
  allowedDataClasses: DataClass[];
  note: string;
}

/** "ChatGPT Enterprise" → "chatgpt-enterprise" (the id format the API accepts). */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function AiPolicyEditor({ policy }: { policy: AiPolicy }) {
  const { t } = useTranslation();
  const toast = useToast();
  const save = useSaveAiPolicy();
  const nextKey = useRef(policy.tools.length);
  const [tools, setTools] = useState<ToolDraft[]>(() =>
    policy.tools.map((tool, i) => ({ ...tool, key: i, idTouched: true })),
  );
  const [rules, setRules] = useState(policy.rules);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const change = (key: number, patch: Partial<ToolDraft>) =>
    setTools((all) => all.map((tool) => (tool.key === key ? { ...tool, ...patch } : tool)));

  function addTool() {
    const key = nextKey.current++;
    setTools((all) => [...all, { key, id: '', idTouched: false, name: '', allowedDataClasses: ['public'], note: '' }]);
    // Move focus to the new tool's name once it is rendered.
    window.setTimeout(() => document.getElementById(`tool-${key}-name`)?.focus(), 0);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const body = {
      tools: tools.map(({ id, name, allowedDataClasses, note }) => ({ id, name, allowedDataClasses, note })),
      rules,
    };
    const parsed = aiPolicySchema.safeParse(body, FORM_PARSE);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      setFormError(t('errors.checkFields'));
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync(parsed.data);
      toast(t('aiPolicy.saved'));
    } catch (error) {
      setErrors(apiFieldErrors(error, t));
      setFormError(errorMessage(error, t));
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormAlert>{formError}</FormAlert>
      <Card
        title={t('aiPolicy.tools.title')}
        description={t('aiPolicy.tools.description')}
        actions={
          <Button size="sm" onClick={addTool}>
            + {t('aiPolicy.tools.add')}
          </Button>
        }
      >
        {tools.length === 0 ? (
          <p className="muted small">{t('aiPolicy.tools.empty')}</p>
        ) : (
          <div className="stack">
            {tools.map((tool, index) => {
              const path = `tools.${index}`;
              return (
                <section className="tool" key={tool.key} aria-labelledby={`tool-${tool.key}-title`}>
                  <div className="tool__header">
                    <h3 className="tool__title" id={`tool-${tool.key}-title`}>
                      {tool.name.trim() || t('aiPolicy.tools.untitled', { number: index + 1 })}
                    </h3>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setTools((all) => all.filter((x) => x.key !== tool.key))}
                    >
                      {t('aiPolicy.tools.remove')}
                      <span className="visually-hidden">: {tool.name || index + 1}</span>
                    </Button>
                  </div>
                  <div className="form-row">
                    <TextField
                      id={`tool-${tool.key}-name`}
                      label={t('aiPolicy.tools.name')}
                      required
                      value={tool.name}
                      onChange={(e) =>
                        change(tool.key, {
                          name: e.target.value,
                          ...(tool.idTouched ? {} : { id: slugify(e.target.value) }),
                        })
                      }
                      error={errors[`${path}.name`]}
                    />
                    <TextField
                      label={t('aiPolicy.tools.id')}
                      required
                      value={tool.id}
                      onChange={(e) => change(tool.key, { id: e.target.value, idTouched: true })}
                      error={errors[`${path}.id`]}
                      hint={t('aiPolicy.tools.idHint')}
                    />
                  </div>
                  <Fieldset
                    legend={t('aiPolicy.tools.dataClasses')}
                    hint={t('aiPolicy.tools.dataClassesHint')}
                    error={errors[`${path}.allowedDataClasses`]}
                  >
                    {DATA_CLASSES.map((dataClass) => (
                      <CheckboxField
                        key={dataClass}
                        label={t(`dataClasses.${dataClass}.label`)}
                        checked={tool.allowedDataClasses.includes(dataClass)}
                        onChange={(e) =>
                          change(tool.key, {
                            allowedDataClasses: e.target.checked
                              ? DATA_CLASSES.filter((c) => c === dataClass || tool.allowedDataClasses.includes(c))
                              : tool.allowedDataClasses.filter((c) => c !== dataClass),
                          })
                        }
                      />
                    ))}
                  </Fieldset>
                  <TextField
                    label={t('aiPolicy.tools.note')}
                    value={tool.note}
                    onChange={(e) => change(tool.key, { note: e.target.value })}
                    error={errors[`${path}.note`]}
                    hint={t('aiPolicy.tools.noteHint')}
                  />
                </section>
              );
            })}
          </div>
        )}
      </Card>
      <Card title={t('aiPolicy.rules.title')} description={t('aiPolicy.rules.description')}>
        <TextareaField
          label={t('aiPolicy.rules.label')}
          rows={8}
          maxLength={5000}
          value={rules}
          onChange={(e) => setRules(e.target.value)}
          error={errors.rules}
          hint={t('aiPolicy.rules.hint', { count: rules.length })}
        />
      </Card>
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={save.isPending}>
          {t('aiPolicy.save')}
        </Button>
      </div>
    </form>
  );
}
