import type { HrDashboardQuery } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { contentLanguage } from '../../../lib/bilingual';
import { errorMessage } from '../../../lib/form-errors';
import { useDownloadHrCsv, type HrCsvTable } from '../api/hr-dashboard';

/** "Download CSV" for one table, with the filters on screen and the UI language for headers and names. */
export function CsvButton({ table, query }: { table: HrCsvTable; query: HrDashboardQuery | null }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const download = useDownloadHrCsv();
  return (
    <Button
      size="sm"
      // One name per table ("Download CSV: Departments"), spelled the same in every browser.
      aria-label={t('hrDashboard.csv.downloadTable', { table: t(`hrDashboard.csv.tables.${table}`) })}
      loading={download.isPending}
      disabled={query === null}
      onClick={() =>
        query &&
        download.mutate(
          { table, lang: contentLanguage(i18n.language), query },
          { onError: (error) => toast(errorMessage(error, t), 'error') },
        )
      }
    >
      {t('hrDashboard.csv.download')}
    </Button>
  );
}
