import { useId, type ReactNode } from 'react';
import { Fieldset } from '../../../components/ui/field';

interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  hint?: ReactNode;
}

/** Radios under one legend, each with a short explanation read out with it. */
export function ChoiceGroup<T extends string>({
  legend,
  hint,
  error,
  name,
  choices,
  value,
  onChange,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  name: string;
  choices: Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <Fieldset legend={legend} hint={hint} error={error} stacked>
      {choices.map((choice) => {
        const inputId = `${id}-${choice.value}`;
        return (
          <div className="check" key={choice.value}>
            <input
              id={inputId}
              className="check__input"
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
              onChange={() => onChange(choice.value)}
            />
            <div>
              <label className="check__label" htmlFor={inputId}>
                {choice.label}
              </label>
              {choice.hint && (
                <p className="field__hint" id={`${inputId}-hint`}>
                  {choice.hint}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </Fieldset>
  );
}
