import { IMPORT_COLUMNS } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { useTracks } from '../../../lib/reference-data';

export const SAMPLE_CSV_URL = '/freiraum-import-sample.csv';

/** Which columns the file needs, how Excel files are handled, and a sample to start from. */
export function ImportHelp() {
  const { t } = useTranslation();
  const tracks = useTracks();
  const slugs = (tracks.data ?? []).filter((tr) => tr.enabled).map((tr) => tr.slug);
  return (
    <Card title={t('import.help.title')} level={2}>
      <div className="stack small">
        <p>{t('import.help.intro')}</p>
        <ul className="column-list" aria-label={t('import.help.columnsLabel')}>
          {IMPORT_COLUMNS.map((column) => (
            <li key={column}>
              <code>{column}</code>
            </li>
          ))}
        </ul>
        <ul className="prose-list">
          <li>{t('import.help.required')}</li>
          <li>{t('import.help.department')}</li>
          <li>{slugs.length ? t('import.help.trackList', { tracks: slugs.join(', ') }) : t('import.help.track')}</li>
          <li>{t('import.help.manager')}</li>
          <li>{t('import.help.roles')}</li>
          <li>{t('import.help.format')}</li>
          <li>{t('import.help.update')}</li>
        </ul>
        <p>
          <a href={SAMPLE_CSV_URL} download="freiraum-import-sample.csv">
            {t('import.help.sample')}
          </a>
        </p>
      </div>
    </Card>
  );
}
