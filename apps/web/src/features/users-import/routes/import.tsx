import type { ImportResult } from '@freiraum/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { FormAlert } from '../../../components/ui/form-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';
import { useImportDryRun, useImportUsers } from '../api/import-users';
import { ImportHelp } from '../components/import-help';
import { ImportResultView } from '../components/import-result-view';

const MAX_BYTES = 5 * 1024 * 1024;

export function ImportRoute() {
  const { t } = useTranslation();
  const toast = useToast();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const dryRun = useImportDryRun();
  const runImport = useImportUsers();
  const check = dryRun.data;
  const canImport = !!file && !!check && check.errors.length === 0 && check.rows > 0 && !dryRun.isPending;

  function choose(selected: File | null) {
    setDone(null);
    setFileError(null);
    runImport.reset();
    dryRun.reset();
    setFile(selected);
    if (!selected) return;
    if (selected.size > MAX_BYTES) {
      setFileError(t('import.tooLarge'));
      return;
    }
    dryRun.mutate(selected);
  }

  function importNow() {
    if (!file) return;
    runImport.mutate(file, {
      onSuccess: (result) => {
        setDone(result);
        toast(t('import.doneToast', { created: result.created, updated: result.updated }));
        dryRun.reset();
        setFile(null);
        if (input.current) input.current.value = '';
      },
    });
  }

  // A real import refuses the whole file when any row is bad (422) and says which rows.
  const importError = runImport.error;
  const importErrorRows = importError instanceof ApiError ? importError.details : [];

  return (
    <>
      <PageHeader
        title={t('import.title')}
        description={t('import.description')}
        actions={<Link to="/admin/users">{t('import.toUsers')}</Link>}
      />
      <div className="stack">
        <div className="grid-2 grid-2--wide-left">
          <Card title={t('import.fileTitle')} description={t('import.fileDescription')}>
            <div className="form">
              <div className="file-drop">
                <label className="field__label" htmlFor={inputId}>
                  {t('import.fileLabel')}
                </label>
                <input
                  id={inputId}
                  ref={input}
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => choose(e.target.files?.[0] ?? null)}
                  aria-describedby={`${inputId}-hint`}
                />
                <p className="field__hint" id={`${inputId}-hint`}>
                  {file ? t('import.selected', { name: file.name }) : t('import.fileHint')}
                </p>
              </div>
              <FormAlert>{fileError ?? (dryRun.isError ? errorMessage(dryRun.error, t) : null)}</FormAlert>
              {check && (
                <FormAlert tone={check.errors.length ? 'error' : 'success'}>
                  {check.errors.length
                    ? t('import.checkFailed', { count: check.errors.length })
                    : check.rows === 0
                      ? t('import.checkEmpty')
                      : t('import.checkOk', { rows: check.rows })}
                </FormAlert>
              )}
              {importError && (
                <FormAlert>
                  {importError instanceof ApiError && importError.status === 422
                    ? t('import.importRefused')
                    : errorMessage(importError, t)}
                  {importErrorRows.length > 0 && (
                    <ul>
                      {importErrorRows.map((d, i) => (
                        <li key={i}>
                          <code>{d.field}</code>: {d.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </FormAlert>
              )}
              <div className="form-actions">
                <Button variant="primary" disabled={!canImport} loading={runImport.isPending} onClick={importNow}>
                  {t('import.submit')}
                </Button>
                {file && !fileError && (
                  <Button variant="ghost" loading={dryRun.isPending} onClick={() => dryRun.mutate(file)}>
                    {t('import.checkAgain')}
                  </Button>
                )}
              </div>
              {!canImport && check && check.errors.length > 0 && <p className="small muted">{t('import.fixFirst')}</p>}
            </div>
          </Card>
          <ImportHelp />
        </div>

        {dryRun.isPending && <LoadingState label={t('import.checking')} />}
        {done && (
          <section aria-labelledby="import-done-heading" className="stack">
            <h2 id="import-done-heading" className="card__title">
              {t('import.doneTitle')}
            </h2>
            <ImportResultView result={done} />
          </section>
        )}
        {check && !done && (
          <section aria-labelledby="dry-run-heading" className="stack">
            <h2 id="dry-run-heading" className="card__title">
              {t('import.dryRunTitle')}
            </h2>
            <ImportResultView result={check} />
          </section>
        )}
      </div>
    </>
  );
}
