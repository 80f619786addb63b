import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession, buildUserSummary, demoTracks } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const DEPT = '30000000-0000-4000-8000-000000000001';
const boss = buildUserSummary({
  firstName: 'Thomas',
  lastName: 'Müller',
  email: 'manager@muster.example',
  roles: ['employee', 'manager'],
});
const people = [
  boss,
  buildUserSummary({
    firstName: 'Lena',
    lastName: 'Hoffmann',
    email: 'sales@muster.example',
    managerName: 'Thomas Müller',
    hasPassword: false,
  }),
];

function setup(roles: ('admin' | 'hr' | 'employee')[]) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(roles) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/tracks', { body: demoTracks() }),
    on.get('/api/departments', { body: [{ id: DEPT, name: 'Vertrieb', userCount: 6 }] }),
    on.get('/api/users', (req) => {
      const q = req.query.get('q')?.toLowerCase();
      const items = q
        ? people.filter((p) => `${p.firstName} ${p.lastName} ${p.email}`.toLowerCase().includes(q))
        : people;
      return { body: { items, total: items.length } };
    }),
    on.post('/api/users', (req) => {
      const body = req.body as { email: string };
      if (body.email === 'sales@muster.example') {
        return {
          status: 409,
          body: errorBody(409, 'conflict', 'This e-mail address is already in use', [
            { field: 'email', message: 'is already in use' },
          ]),
        };
      }
      return {
        status: 201,
        body: {
          user: buildUserSummary({ firstName: 'Nina', lastName: 'Neu', email: body.email, hasPassword: false }),
          invitation: {
            url: 'http://localhost:3000/welcome?token=invite-token-123',
            expiresAt: '2026-12-05T10:00:00.000Z',
          },
        },
      };
    }),
  ]);
}

describe('people administration', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('HR sees the list read-only: no invite button, names are not links', async () => {
    setup(['hr', 'employee']);
    renderApp('/admin/users');
    const table = await screen.findByRole('table', { name: 'Personen' });
    expect(within(table).getByText('Lena Hoffmann')).toBeInTheDocument();
    expect(within(table).queryAllByRole('link')).toHaveLength(0);
    expect(within(table).getByText('Eingeladen')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Person einladen' })).not.toBeInTheDocument();
  });

  it('searches by name through the API and keeps the search in the address', async () => {
    const user = userEvent.setup();
    const { calls } = setup(['admin', 'employee']);
    const { router } = renderApp('/admin/users');
    await screen.findByRole('table', { name: 'Personen' });
    await user.type(screen.getByLabelText('Suche'), 'lena');
    await waitFor(() => expect(router.state.location.search).toBe('?q=lena'));
    const table = screen.getByRole('table', { name: 'Personen' });
    await waitFor(() => expect(within(table).queryByText('Thomas Müller', { selector: 'a' })).not.toBeInTheDocument());
    expect(calls.some((c) => c.path === '/api/users' && c.query.get('q') === 'lena')).toBe(true);
  });

  it('an admin invites a person, picks a manager, and gets the invitation link to copy', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(['admin', 'employee']);
    renderApp('/admin/users/new');

    await user.type(await screen.findByLabelText('Vorname'), 'Nina');
    await user.type(screen.getByLabelText('Nachname'), 'Neu');
    await user.type(screen.getByLabelText('E-Mail-Adresse'), 'Nina.Neu@muster.example');
    await user.selectOptions(screen.getByLabelText('Tätigkeitsfeld'), 'sales');
    await user.selectOptions(screen.getByLabelText('Abteilung'), DEPT);
    await user.type(screen.getByLabelText('Führungskraft'), 'Thomas');
    await user.click(await screen.findByRole('button', { name: /Thomas Müller/ }));
    await user.click(screen.getByRole('button', { name: 'Einladen' }));

    expect(await screen.findByLabelText('Einladungslink')).toHaveValue(
      'http://localhost:3000/welcome?token=invite-token-123',
    );
    expect(callsTo('POST', '/api/users')[0].body).toEqual({
      email: 'Nina.Neu@muster.example',
      firstName: 'Nina',
      lastName: 'Neu',
      roles: ['employee'],
      trackSlug: 'sales',
      departmentId: DEPT,
      managerId: boss.id,
      language: null,
    });
  });

  it('shows the API field error next to the e-mail field', async () => {
    const user = userEvent.setup();
    setup(['admin', 'employee']);
    renderApp('/admin/users/new');
    await user.type(await screen.findByLabelText('Vorname'), 'Lena');
    await user.type(screen.getByLabelText('Nachname'), 'Doppelt');
    await user.type(screen.getByLabelText('E-Mail-Adresse'), 'sales@muster.example');
    await user.click(screen.getByRole('button', { name: 'Einladen' }));
    await waitFor(() =>
      expect(screen.getByLabelText('E-Mail-Adresse')).toHaveAccessibleDescription(/Wird bereits verwendet\./),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte prüfen Sie die markierten Felder.');
  });
});
