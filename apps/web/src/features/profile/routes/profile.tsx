import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { useCurrentUser } from '../../../lib/auth';
import { trackLabel, useTracks } from '../../../lib/reference-data';
import { ChangePasswordForm } from '../components/change-password-form';
import { LanguagePreferenceForm } from '../components/language-preference-form';
import { roleTone, sortRoles } from '../../../lib/roles';

export function ProfileRoute() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const tracks = useTracks();
  const none = <span className="muted">{t('common.none')}</span>;

  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <div className="stack">
        <Card
          title={t('profile.account.title')}
          actions={<Link to="/profile/privacy">{t('profile.privacyLink')}</Link>}
        >
          <dl className="facts">
            <dt>{t('fields.name')}</dt>
            <dd>
              {user.firstName} {user.lastName}
            </dd>
            <dt>{t('fields.email')}</dt>
            <dd>{user.email}</dd>
            <dt>{t('fields.organization')}</dt>
            <dd>{user.organizationName}</dd>
            <dt>{t('fields.roles')}</dt>
            <dd>
              <span className="badges">
                {sortRoles(user.roles).map((role) => (
                  <Badge key={role} tone={roleTone(role)}>
                    {t(`roles.${role}`)}
                  </Badge>
                ))}
              </span>
            </dd>
            <dt>{t('fields.department')}</dt>
            <dd>{user.departmentName ?? none}</dd>
            <dt>{t('fields.track')}</dt>
            <dd>{trackLabel(user.trackSlug, tracks.data, i18n.language) ?? none}</dd>
            <dt>{t('fields.manager')}</dt>
            <dd>{user.managerName ?? none}</dd>
          </dl>
          <p className="small muted mt-4">{t('profile.account.managedByAdmin')}</p>
        </Card>
        <div className="grid-2">
          <LanguagePreferenceForm user={user} />
          <ChangePasswordForm email={user.email} />
        </div>
      </div>
    </>
  );
}
