import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState } from '../../components/ui/states';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.notFoundTitle')} />
      <EmptyState title={t('errors.notFoundText')} action={<Link to="/">{t('errors.backHome')}</Link>} />
    </>
  );
}
