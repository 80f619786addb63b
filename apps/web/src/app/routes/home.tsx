import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../components/ui/badge';
import { Card } from '../../components/ui/card';
import { icons } from '../../components/ui/icons';
import { HomeDashboardView } from '../../features/home-dashboard/components/home-dashboard';
import { UnreadNotificationsCard } from '../../features/notifications/components/unread-notifications-card';
import { useCurrentUser } from '../../lib/auth';
import { trackLabel, useTracks } from '../../lib/reference-data';
import { canSee, NAVIGATION } from '../navigation';
import { roleTone, sortRoles } from '../../lib/roles';

function greetingKey(hour: number): string {
  if (hour < 11) return 'home.greeting.morning';
  if (hour < 18) return 'home.greeting.day';
  return 'home.greeting.evening';
}

export function HomeRoute() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const tracks = useTracks();
  const none = <span className="muted">{t('common.none')}</span>;
  // The "set up" card lists the administration entries only; team work (reviews, flags) has its own nav.
  const adminItems = NAVIGATION.filter((section) => section.heading === 'nav.administration')
    .flatMap((section) => section.items)
    .filter((item) => item.roles && canSee(user.roles, item.roles));

  return (
    <>
      <header className="greeting">
        <h1 className="greeting__title">{t(greetingKey(new Date().getHours()), { name: user.firstName })}</h1>
        <p className="greeting__sub">{t('home.subtitle', { organization: user.organizationName })}</p>
      </header>
      <HomeDashboardView />
      <div className="grid-2 mt-5">
        <Card title={t('home.aboutYou')} actions={<Link to="/profile">{t('home.toProfile')}</Link>}>
          <dl className="facts">
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
            <dt>{t('fields.track')}</dt>
            <dd>{trackLabel(user.trackSlug, tracks.data, i18n.language) ?? none}</dd>
            <dt>{t('fields.department')}</dt>
            <dd>{user.departmentName ?? none}</dd>
            <dt>{t('fields.manager')}</dt>
            <dd>{user.managerName ?? (user.managerId ? t('home.managerAssigned') : t('home.noManager'))}</dd>
          </dl>
        </Card>
        <UnreadNotificationsCard />
      </div>
      {adminItems.length > 0 && (
        <Card title={t('home.adminTitle')} description={t('home.adminDescription')} className="mt-5">
          <ul className="quick-links">
            {adminItems.map((item) => (
              <li key={item.to}>
                <Link className="quick-link" to={item.to}>
                  {icons[item.icon]}
                  <span>
                    <span className="quick-link__title">{t(item.label)}</span>
                    <span className="quick-link__text">{t(`home.adminLinks.${item.icon}`)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
