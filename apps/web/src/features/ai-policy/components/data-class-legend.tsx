import { DATA_CLASSES } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';

/** What each data class means, so admins and employees classify the same way. */
export function DataClassLegend() {
  const { t } = useTranslation();
  return (
    <Card title={t('aiPolicy.legend.title')}>
      <dl className="facts">
        {DATA_CLASSES.map((dataClass) => (
          <div key={dataClass} className="facts__group">
            <dt>{t(`dataClasses.${dataClass}.label`)}</dt>
            <dd className="small">{t(`dataClasses.${dataClass}.description`)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
