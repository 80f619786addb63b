import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { usePeopleSearch } from '../api/assignments';

export interface Person {
  id: string;
  name: string;
}

interface PeopleSelectProps {
  value: Person[];
  onChange: (people: Person[]) => void;
  error?: string;
}

/** Search active colleagues and collect several; each chosen person can be removed again. */
export function PeopleSelect({ value, onChange, error }: PeopleSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const results = usePeopleSearch(q, q.length > 0);
  const chosen = new Set(value.map((p) => p.id));
  const options = (results.data?.items ?? []).filter((u) => !chosen.has(u.id));

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label field__label--required" htmlFor={id}>
        {t('assignments.people')}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        autoComplete="off"
        placeholder={t('picker.placeholder')}
        value={search}
        aria-describedby={`${id}-hint ${id}-error`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setSearch(e.target.value)}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {t('assignments.peopleHint')}
      </p>
      {q && (
        <div aria-live="polite">
          {results.isFetching && options.length === 0 ? (
            <p className="field__hint">
              <Spinner size="sm" /> {t('common.loading')}
            </p>
          ) : options.length === 0 ? (
            <p className="field__hint">{t('picker.noResults')}</p>
          ) : (
            <ul className="picker__results" aria-label={t('picker.resultsLabel', { label: t('assignments.people') })}>
              {options.map((u) => (
                <li key={u.id}>
                  <button
                    type="button"
                    className="picker__option"
                    onClick={() => onChange([...value, { id: u.id, name: `${u.firstName} ${u.lastName}` }])}
                  >
                    <span className="table__primary">
                      {u.firstName} {u.lastName}
                    </span>{' '}
                    <span className="table__secondary">· {u.email}</span>
                    <span className="visually-hidden"> ({t('assignments.add')})</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {value.length > 0 && (
        <ul className="chips" aria-label={t('assignments.chosen', { count: value.length })}>
          {value.map((person) => (
            <li key={person.id} className="chip">
              <span>{person.name}</span>
              <Button size="sm" variant="ghost" onClick={() => onChange(value.filter((p) => p.id !== person.id))}>
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">{t('assignments.remove', { name: person.name })}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p className="field__error" id={`${id}-error`} aria-live="polite">
        {error}
      </p>
    </div>
  );
}
