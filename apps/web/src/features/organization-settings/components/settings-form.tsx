import { LANGUAGES, updateOrganizationSettingsSchema, type OrganizationSettings } from '@freiraum/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { CheckboxField, SelectField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useUpdateSettings } from '../api/settings';

/** Every IANA zone the browser knows, plus the stored one in case this browser lacks it. */
export function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function SettingsForm({ settings }: { settings: OrganizationSettings }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateSettings();
  const [name, setName] = useState(settings.name);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [defaultLanguage, setDefaultLanguage] = useState(settings.defaultLanguage);
  const [threshold, setThreshold] = useState(String(settings.privacyThreshold));
  const [hrSeesIndividuals, setHrSeesIndividuals] = useState(settings.hrSeesIndividuals);
  const [managersSeeLastActivity, setManagersSeeLastActivity] = useState(settings.managersSeeLastActivity);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneOptions(settings.timeZone), [settings.timeZone]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const body = {
      name,
      timeZone,
      defaultLanguage,
      privacyThreshold: threshold.trim() === '' ? Number.NaN : Number(threshold),
      hrSeesIndividuals,
      managersSeeLastActivity,
    };
    const parsed = updateOrganizationSettingsSchema.safeParse(body, FORM_PARSE);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      setFormError(t('errors.checkFields'));
      return;
    }
    setErrors({});
    try {
      await update.mutateAsync(parsed.data);
      toast(t('settings.saved'));
    } catch (error) {
      setErrors(apiFieldErrors(error, t));
      setFormError(errorMessage(error, t));
    }
  }

  return (
    <Card title={t('settings.general.title')} description={t('settings.general.description')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormAlert>{formError}</FormAlert>
        <TextField
          label={t('settings.fields.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          required
        />
        <div className="form-row">
          <SelectField
            label={t('settings.fields.timeZone')}
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            error={errors.timeZone}
            hint={t('settings.fields.timeZoneHint')}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('settings.fields.defaultLanguage')}
            value={defaultLanguage}
            onChange={(e) => setDefaultLanguage(e.target.value as OrganizationSettings['defaultLanguage'])}
            error={errors.defaultLanguage}
            hint={t('settings.fields.defaultLanguageHint')}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`language.names.${language}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <h3 className="card__title mt-4">{t('settings.privacy.title')}</h3>
        <TextField
          label={t('settings.fields.privacyThreshold')}
          type="number"
          inputMode="numeric"
          min={2}
          max={100}
          step={1}
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
          error={errors.privacyThreshold}
          hint={t('settings.fields.privacyThresholdHint')}
        />
        <CheckboxField
          label={t('settings.fields.hrSeesIndividuals')}
          hint={t('settings.fields.hrSeesIndividualsHint')}
          checked={hrSeesIndividuals}
          onChange={(e) => setHrSeesIndividuals(e.target.checked)}
          error={errors.hrSeesIndividuals}
        />
        <CheckboxField
          label={t('settings.fields.managersSeeLastActivity')}
          hint={t('settings.fields.managersSeeLastActivityHint')}
          checked={managersSeeLastActivity}
          onChange={(e) => setManagersSeeLastActivity(e.target.checked)}
          error={errors.managersSeeLastActivity}
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
