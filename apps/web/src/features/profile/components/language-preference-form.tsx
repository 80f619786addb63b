import { LANGUAGES, type CurrentUser, type Language } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Fieldset } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/form-errors';
import { changeLanguage } from '../../../lib/i18n';
import { useUpdateProfile } from '../api/update-profile';

type Choice = Language | 'organization';

export function LanguagePreferenceForm({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateProfile();
  const [choice, setChoice] = useState<Choice>(user.language ?? 'organization');
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    try {
      const saved = await update.mutateAsync({ language: choice === 'organization' ? null : choice });
      changeLanguage(saved.language ?? saved.organizationLanguage);
      toast(t('profile.language.saved'));
    } catch (error) {
      setFormError(errorMessage(error, t));
    }
  }

  const options: { value: Choice; label: string }[] = [
    ...LANGUAGES.map((language) => ({ value: language as Choice, label: t(`language.names.${language}`) })),
    {
      value: 'organization',
      label: t('profile.language.organizationDefault', { language: t(`language.names.${user.organizationLanguage}`) }),
    },
  ];

  return (
    <Card title={t('profile.language.title')} description={t('profile.language.description')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)}>
        <FormAlert>{formError}</FormAlert>
        <Fieldset legend={t('profile.language.legend')} stacked>
          {options.map((option) => (
            <div className="check" key={option.value}>
              <input
                className="check__input"
                type="radio"
                id={`language-${option.value}`}
                name="language"
                value={option.value}
                checked={choice === option.value}
                onChange={() => setChoice(option.value)}
              />
              <label className="check__label" htmlFor={`language-${option.value}`}>
                {option.label}
              </label>
            </div>
          ))}
        </Fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={update.isPending}>
            {t('profile.language.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
