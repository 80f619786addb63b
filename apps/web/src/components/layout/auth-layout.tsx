import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../ui/language-switcher';
import { Logo } from '../ui/logo';

/** Pages without a session (sign-in, password links): one centred card under the brand. */
export function AuthLayout({
  title,
  lead,
  children,
  footer,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="auth-page__top">
        <Link to="/sign-in">
          <Logo />
        </Link>
        <LanguageSwitcher />
      </header>
      <main id="main" className="auth-page__main" tabIndex={-1}>
        <div className="auth-card">
          <h1 className="auth-card__title">{title}</h1>
          {lead && <p className="auth-card__lead">{lead}</p>}
          {children}
          {footer && <div className="auth-card__footer">{footer}</div>}
        </div>
      </main>
      <footer className="auth-page__legal">{t('auth.tagline')}</footer>
    </div>
  );
}
