import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { icons } from '../../components/ui/icons';
import { LanguageSwitcher } from '../../components/ui/language-switcher';
import { Logo } from '../../components/ui/logo';
import { useUnreadCount } from '../../features/notifications/api/notifications';
import { useAuth, useCurrentUser } from '../../lib/auth';
import { navigationFor } from '../navigation';

function initials(first: string, last: string): string {
  return `${first.charAt(0)}${last.charAt(0)}`.toUpperCase();
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const unread = useUnreadCount();
  // The phone menu belongs to the page it was opened on: navigating closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  const panelId = useId();
  const main = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);
  const unreadCount = unread.data?.unread ?? 0;

  // After client-side navigation, move focus to the new page, like a page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo?.(0, 0);
  }, [location.pathname]);

  const sections = navigationFor(user.roles);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <aside
        className="sidebar"
        onKeyDown={(e) => {
          // Escape closes the phone menu and returns focus to its button.
          if (e.key === 'Escape' && menuOpen) {
            setMenuOpenOn(null);
            menuButton.current?.focus();
          }
        }}
      >
        <div className="sidebar__top">
          <div className="sidebar__brand">
            <Link to="/">
              <Logo />
            </Link>
          </div>
          <Button
            variant="ghost"
            ref={menuButton}
            className="sidebar__menu-button"
            aria-expanded={menuOpen}
            aria-controls={panelId}
            icon={menuOpen ? icons.close : icons.menu}
            onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
          >
            {t('shell.menu')}
            {unreadCount > 0 && !menuOpen && (
              <>
                <span className="nav__count" aria-hidden="true">
                  {unreadCount > 99 ? '99+' : unreadCount}
                </span>
                <span className="visually-hidden"> ({t('shell.unread', { count: unreadCount })})</span>
              </>
            )}
          </Button>
        </div>
        <p className="sidebar__org">{user.organizationName}</p>
        <div id={panelId} className={`sidebar__panel${menuOpen ? ' sidebar__panel--open' : ''}`}>
          <nav aria-label={t('shell.navLabel')}>
            {sections.map((section) => (
              <div className="nav__section" key={section.heading ?? 'main'}>
                {section.heading && <h2 className="nav__heading">{t(section.heading)}</h2>}
                <ul className="nav__list">
                  {section.items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.end ?? item.to === '/'} className="nav__link">
                        {icons[item.icon]}
                        <span className="nav__label">{t(item.label)}</span>
                        {item.badge === 'unread' && unreadCount > 0 && (
                          <>
                            <span className="nav__count" aria-hidden="true">
                              {unreadCount > 99 ? '99+' : unreadCount}
                            </span>
                            <span className="visually-hidden"> ({t('shell.unread', { count: unreadCount })})</span>
                          </>
                        )}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
          <div className="sidebar__footer">
            <div className="sidebar__user">
              <span className="avatar" aria-hidden="true">
                {initials(user.firstName, user.lastName)}
              </span>
              <div className="sidebar__user-text">
                <p className="sidebar__user-name">
                  {user.firstName} {user.lastName}
                </p>
                <p className="sidebar__user-email">{user.email}</p>
              </div>
            </div>
            <div className="sidebar__actions">
              <LanguageSwitcher />
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  void signOut().finally(() => navigate('/sign-in', { replace: true }));
                }}
              >
                {t('shell.signOut')}
              </Button>
            </div>
          </div>
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1} ref={main}>
        <div className="main__inner">{children}</div>
      </main>
    </div>
  );
}
