import type { ImportAction, ImportResult } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { TableScroll } from '../../../components/ui/table';
import { formatNumber } from '../../../lib/format';

const ACTION_TONE: Record<ImportAction, BadgeTone> = {
  create: 'success',
  update: 'primary',
  unchanged: 'neutral',
  error: 'danger',
};

function Stat({ label, value }: { label: string; value: number }) {
  const { i18n } = useTranslation();
  return (
    <div className="stat">
      <p className="stat__label">{label}</p>
      <p className="stat__value">{formatNumber(value, i18n.language)}</p>
    </div>
  );
}

/** The dry-run (or import) result: counts, per-row errors (line, field, reason), and what happens to each row. */
export function ImportResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const delimiter =
    result.delimiter === ';'
      ? t('import.result.semicolon')
      : result.delimiter === ','
        ? t('import.result.comma')
        : result.delimiter;
  return (
    <div className="stack">
      <div className="summary-grid">
        <Stat label={t('import.result.rows')} value={result.rows} />
        <Stat label={t('import.result.created')} value={result.created} />
        <Stat label={t('import.result.updated')} value={result.updated} />
        <Stat label={t('import.result.unchanged')} value={result.unchanged} />
        <Stat label={t('import.result.errors')} value={result.errors.length} />
      </div>
      <p className="small muted">
        {t('import.result.fileInfo', { encoding: result.encoding, delimiter })}
        {result.newDepartments.length > 0 && (
          <> {t('import.result.newDepartments', { names: result.newDepartments.join(', ') })}</>
        )}
      </p>

      {result.errors.length > 0 && (
        <Card
          className="card--flush"
          level={3}
          title={t('import.result.errorsTitle')}
          description={t('import.result.errorsDescription')}
        >
          <TableScroll label={t('import.result.errorsTitle')}>
            <table className="table">
              <caption className="visually-hidden">{t('import.result.errorsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('import.result.line')}
                  </th>
                  <th scope="col">{t('import.result.field')}</th>
                  <th scope="col">{t('import.result.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((error, i) => (
                  <tr key={`${error.line}-${error.field}-${i}`} className="row--error">
                    <td className="num">{error.line}</td>
                    <td>
                      <code>{error.field}</code>
                    </td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      )}

      {result.preview.length > 0 && (
        <Card
          className="card--flush"
          level={3}
          title={t('import.result.previewTitle')}
          description={t('import.result.previewDescription')}
        >
          <TableScroll label={t('import.result.previewTitle')}>
            <table className="table">
              <caption className="visually-hidden">{t('import.result.previewTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('import.result.line')}
                  </th>
                  <th scope="col">{t('import.result.action')}</th>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.department')}</th>
                  <th scope="col">{t('fields.track')}</th>
                  <th scope="col">{t('fields.manager')}</th>
                  <th scope="col">{t('fields.roles')}</th>
                  <th scope="col">{t('import.result.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {result.preview.map((row) => (
                  <tr key={row.line} className={row.action === 'error' ? 'row--error' : undefined}>
                    <td className="num">{row.line}</td>
                    <td>
                      <Badge tone={ACTION_TONE[row.action]}>{t(`import.actions.${row.action}`)}</Badge>
                    </td>
                    <td>
                      <span className="table__primary">
                        {row.firstName} {row.lastName}
                      </span>
                      <div className="table__secondary">{row.email}</div>
                    </td>
                    <td>{row.department ?? <span className="muted">–</span>}</td>
                    <td>{row.track ?? <span className="muted">–</span>}</td>
                    <td>{row.managerEmail ?? <span className="muted">–</span>}</td>
                    <td>{row.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                    <td>
                      {row.changes.length ? (
                        row.changes.map((c) => <code key={c}>{c} </code>)
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      )}
    </div>
  );
}
