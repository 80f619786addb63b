import { LANGUAGES, type Language } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../lib/i18n';

/** DE | EN toggle; the choice is remembered on this device. */
export function LanguageSwitcher({ onChange }: { onChange?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.switcherLabel')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="lang-switch__option"
          aria-pressed={i18n.language === language}
          lang={language}
          title={t(`language.names.${language}`)}
          onClick={() => {
            changeLanguage(language);
            onChange?.(language);
          }}
        >
          <span aria-hidden="true">{language.toUpperCase()}</span>
          <span className="visually-hidden">{t(`language.names.${language}`)}</span>
        </button>
      ))}
    </div>
  );
}
