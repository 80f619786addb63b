import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { useToast } from './toast';

/** A read-only value (e.g. a one-time link) with a button that copies it. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard API unavailable (e.g. plain http): select the text so Ctrl+C works.
      input.current?.select();
      document.execCommand?.('copy');
    }
    toast(t('common.copied'));
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field">
        <input
          id={id}
          ref={input}
          className="input copy-field__input"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="primary" onClick={() => void copy()}>
          {t('common.copy')}
        </Button>
      </div>
      {hint && <p className="field__hint">{hint}</p>}
    </div>
  );
}
