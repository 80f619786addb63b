import type { Role } from '@freiraum/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../testing/fetch-stub';
import { buildSession, demoTracks } from '../testing/factories';
import { renderApp } from '../testing/render';
import { navigationFor } from './navigation';

function signedInAs(roles: Role[], unread = 0) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(roles) }),
    on.get('/api/notifications/unread-count', { body: { unread } }),
    on.get('/api/notifications', { body: { items: [], unread } }),
    on.get('/api/tracks', { body: demoTracks() }),
  ]);
}

async function navLinks() {
  const nav = await screen.findByRole('navigation', { name: 'Hauptnavigation' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent?.replace(/\d+.*$|\(.*$/, '').trim());
}

describe('navigation by role', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('an employee sees Start, Mein Lernen, Freiraum, the journal pages, Benachrichtigungen and Profil only', async () => {
    signedInAs(['employee']);
    renderApp('/');
    expect(await navLinks()).toEqual([
      'Start',
      'Mein Lernen',
      'Freiraum',
      'Journal',
      'Geteilte Experimente',
      'Use-Case-Bibliothek',
      'Benachrichtigungen',
      'Profil',
    ]);
    expect(screen.queryByText('Verwaltung')).not.toBeInTheDocument();
  });

  it('an admin also sees reviews, flags, the HR dashboard, assignments, people, import, settings, AI policy and audit log', async () => {
    signedInAs(['admin', 'employee']);
    renderApp('/');
    expect(await navLinks()).toEqual([
      'Start',
      'Mein Lernen',
      'Freiraum',
      'Journal',
      'Geteilte Experimente',
      'Use-Case-Bibliothek',
      'Benachrichtigungen',
      'Profil',
      'Prüfungen',
      'Hinweise',
      'Freigaben',
      'Team-Freiraum',
      'HR-Dashboard',
      'Zuweisungen',
      'Personen',
      'Import',
      'Einstellungen',
      'KI-Richtlinie',
      'Freiraum-Regeln',
      'Protokoll',
    ]);
  });

  it('HR sees reviews, flags, the HR dashboard, assignments, people (read-only list) and import, but no organisation settings', async () => {
    signedInAs(['hr', 'employee']);
    renderApp('/');
    expect(await navLinks()).toEqual([
      'Start',
      'Mein Lernen',
      'Freiraum',
      'Journal',
      'Geteilte Experimente',
      'Use-Case-Bibliothek',
      'Benachrichtigungen',
      'Profil',
      'Prüfungen',
      'Hinweise',
      'Freigaben',
      'Team-Freiraum',
      'HR-Dashboard',
      'Zuweisungen',
      'Personen',
      'Import',
    ]);
  });

  it('a manager without other roles sees reviews, flags and Freiraum approvals and team, but no administration', () => {
    expect(navigationFor(['manager', 'employee']).flatMap((s) => s.items.map((i) => i.to))).toEqual([
      '/',
      '/learning',
      '/freiraum',
      '/journal',
      '/journal/feed',
      '/use-cases',
      '/notifications',
      '/profile',
      '/team',
      '/reviews',
      '/flags',
      '/freiraum/approvals',
      '/freiraum/team',
    ]);
  });

  it('an employee who types an admin address gets a "no access" page, not the page', async () => {
    const { callsTo } = signedInAs(['employee']);
    renderApp('/admin/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeInTheDocument();
    expect(callsTo('GET', '/api/organization/settings')).toHaveLength(0);
  });

  it('shows the unread count as a badge on Benachrichtigungen', async () => {
    signedInAs(['employee'], 3);
    renderApp('/');
    const link = await screen.findByRole('link', {
      name: /^Benachrichtigungen\s*\(3 ungelesene Benachrichtigungen\)$/,
    });
    expect(link).toHaveAttribute('href', '/notifications');
  });

  it('switches the whole shell to English and remembers it', async () => {
    const user = userEvent.setup();
    signedInAs(['admin', 'employee']);
    renderApp('/');
    await navLinks();
    await user.click(screen.getByRole('button', { name: 'English' }));
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'People' })).toBeInTheDocument();
    expect(localStorage.getItem('freiraum.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
