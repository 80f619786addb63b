import { useTranslation } from 'react-i18next';

/** Content the SPA cannot draw (a newer exercise format): say so instead of showing half a form. */
export function ShapeError() {
  const { t } = useTranslation();
  return (
    <p className="alert alert--error" role="alert">
      {t('learning.shapeError')}
    </p>
  );
}
