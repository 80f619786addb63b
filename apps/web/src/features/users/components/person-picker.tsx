import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useUsers } from '../api/users';

export interface PickedPerson {
  id: string;
  name: string;
}

interface PersonPickerProps {
  label: string;
  hint?: string;
  error?: string;
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  /** People who may not be picked (the user themself). */
  excludeIds?: string[];
}

const RESULTS = 8;

/** Search active colleagues by name or e-mail and pick one (used for manager and successor). */
export function PersonPicker({ label, hint, error, value, onChange, excludeIds = [] }: PersonPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(search.trim(), 250);
  const results = useUsers({ q: q || undefined, active: 'true', limit: RESULTS + excludeIds.length }, open);
  const options = (results.data?.items ?? []).filter((u) => !excludeIds.includes(u.id)).slice(0, RESULTS);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      {value && !open ? (
        <p className="field__label" id={`${id}-label`}>
          {label}
        </p>
      ) : (
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
      )}
      {value && !open ? (
        <div className="picker__selected" role="group" aria-labelledby={`${id}-label`}>
          <span className="picker__name">{value.name}</span>
          <span className="picker__actions">
            <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
              {t('picker.change')}
              <span className="visually-hidden">: {label}</span>
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
              {t('picker.remove')}
              <span className="visually-hidden">: {label}</span>
            </Button>
          </span>
        </div>
      ) : (
        <>
          <input
            id={id}
            className="input"
            type="search"
            autoComplete="off"
            // After "Change", the search box takes focus so typing can start at once.
            autoFocus={value !== null}
            placeholder={t('picker.placeholder')}
            value={search}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onFocus={() => setOpen(true)}
            onChange={(e) => {
              setSearch(e.target.value);
              setOpen(true);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
            }}
          />
          {open && (
            <div aria-live="polite">
              {results.isFetching && options.length === 0 ? (
                <p className="field__hint">
                  <Spinner size="sm" /> {t('common.loading')}
                </p>
              ) : options.length === 0 ? (
                <p className="field__hint">{t('picker.noResults')}</p>
              ) : (
                <ul className="picker__results" aria-label={t('picker.resultsLabel', { label })}>
                  {options.map((u) => (
                    <li key={u.id}>
                      <button
                        type="button"
                        className="picker__option"
                        onClick={() => {
                          onChange({ id: u.id, name: `${u.firstName} ${u.lastName}` });
                          setSearch('');
                          setOpen(false);
                        }}
                      >
                        <span className="table__primary">
                          {u.firstName} {u.lastName}
                        </span>{' '}
                        <span className="table__secondary">· {u.email}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <p className="field__error" id={`${id}-error`} aria-live="polite">
        {error}
      </p>
    </div>
  );
}
