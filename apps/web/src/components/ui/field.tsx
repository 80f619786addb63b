import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({ id, label, hint, error, required, children }: FieldFrameProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      {/* The required mark is drawn by CSS, so it is neither part of the label text nor read out twice. */}
      <label className={`field__label${required ? ' field__label--required' : ''}`} htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {/* Polite live region: the message is read out when it appears next to the field. */}
      <p className="field__error" id={`${id}-error`} aria-live="polite">
        {error}
      </p>
    </div>
  );
}

interface BaseProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

export function TextField({
  label,
  hint,
  error,
  id,
  required,
  ...rest
}: BaseProps & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error} required={required}>
      <input
        id={fieldId}
        className="input"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...rest}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  required,
  children,
  ...rest
}: BaseProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error} required={required}>
      <select
        id={fieldId}
        className="input select"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...rest}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextareaField({
  label,
  hint,
  error,
  id,
  required,
  ...rest
}: BaseProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={fieldId}
        className="input textarea"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...rest}
      />
    </FieldFrame>
  );
}

/** A checkbox with its label beside it, and an optional hint below. */
export function CheckboxField({
  label,
  hint,
  error,
  id,
  ...rest
}: BaseProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <div className={`check${error ? ' field--invalid' : ''}`}>
      <input
        id={fieldId}
        type="checkbox"
        className="check__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...rest}
      />
      <div>
        <label className="check__label" htmlFor={fieldId}>
          {label}
        </label>
        {hint && (
          <p className="field__hint" id={`${fieldId}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p className="field__error" id={`${fieldId}-error`} aria-live="polite">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** Groups related checkboxes or radios under one legend. */
export function Fieldset({
  legend,
  hint,
  error,
  stacked = false,
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** One option per line instead of side by side. */
  stacked?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className={`fieldset__options${stacked ? ' fieldset__options--stacked' : ''}`}>{children}</div>
      <p className="field__error" id={`${id}-error`} aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}
