import type { Role } from '@freiraum/contracts';
import type { IconName } from '../components/ui/icons';

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  icon: IconName;
  /** Who sees the entry; undefined = everyone signed in. */
  roles?: readonly Role[];
  /** Shows the unread notification count. */
  badge?: 'unread';
  /** Active on this exact path only (so /journal is not highlighted on /journal/feed). */
  end?: boolean;
}

export interface NavSection {
  /** i18n key of the section heading; undefined = no heading. */
  heading?: string;
  items: NavItem[];
}

export const NAVIGATION: NavSection[] = [
  {
    items: [
      { to: '/', label: 'nav.home', icon: 'home' },
      { to: '/learning', label: 'nav.learning', icon: 'book' },
      { to: '/freiraum', label: 'nav.freiraum', icon: 'clock', end: true },
      { to: '/journal', label: 'nav.journal', icon: 'journal', end: true },
      { to: '/journal/feed', label: 'nav.feed', icon: 'feed' },
      { to: '/use-cases', label: 'nav.useCases', icon: 'library' },
      { to: '/notifications', label: 'nav.notifications', icon: 'bell', badge: 'unread' },
      { to: '/profile', label: 'nav.profile', icon: 'user' },
    ],
  },
  {
    heading: 'nav.team',
    items: [
      { to: '/team', label: 'nav.teamOverview', icon: 'chart', roles: ['manager'] },
      { to: '/reviews', label: 'nav.reviews', icon: 'review', roles: ['manager', 'hr', 'admin'] },
      { to: '/flags', label: 'nav.flags', icon: 'flag', roles: ['manager', 'hr', 'admin'] },
      // Delegates may be plain employees: /freiraum links them to approvals when something waits.
      { to: '/freiraum/approvals', label: 'nav.approvals', icon: 'inbox', roles: ['manager', 'hr', 'admin'] },
      { to: '/freiraum/team', label: 'nav.teamFreiraum', icon: 'team', roles: ['manager', 'hr', 'admin'] },
    ],
  },
  {
    // Organisation-wide figures: aggregates only, never individuals (PRODUCT.md §6).
    heading: 'hrDashboard.nav.section',
    items: [{ to: '/hr/dashboard', label: 'hrDashboard.nav.link', icon: 'chart', roles: ['hr', 'admin'] }],
  },
  {
    heading: 'nav.administration',
    items: [
      { to: '/admin/assignments', label: 'nav.assignments', icon: 'calendar', roles: ['admin', 'hr'] },
      { to: '/admin/users', label: 'nav.users', icon: 'users', roles: ['admin', 'hr'] },
      { to: '/admin/import', label: 'nav.import', icon: 'upload', roles: ['admin', 'hr'] },
      { to: '/admin/settings', label: 'nav.settings', icon: 'settings', roles: ['admin'] },
      { to: '/admin/ai-policy', label: 'nav.aiPolicy', icon: 'shield', roles: ['admin'] },
      { to: '/admin/freiraum', label: 'nav.freiraumPolicy', icon: 'hourglass', roles: ['admin'] },
      { to: '/admin/audit', label: 'nav.audit', icon: 'log', roles: ['admin'] },
    ],
  },
];

export function canSee(roles: readonly Role[], allowed: readonly Role[] | undefined): boolean {
  return !allowed || allowed.some((role) => roles.includes(role));
}

/** The sections and entries a user with these roles sees; empty sections disappear. */
export function navigationFor(roles: readonly Role[]): NavSection[] {
  return NAVIGATION.map((section) => ({
    ...section,
    items: section.items.filter((item) => canSee(roles, item.roles)),
  })).filter((section) => section.items.length > 0);
}
