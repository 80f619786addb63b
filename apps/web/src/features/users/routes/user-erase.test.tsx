import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession, buildUserSummary, demoTracks } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const session = buildSession(['admin', 'employee']);
const erika = buildUserSummary({
  firstName: 'Erika',
  lastName: 'Vergessen',
  email: 'erika@muster.example',
  roles: ['employee', 'manager'],
  managerId: '20000000-0000-4000-8000-000000000001',
  managerName: 'Mara Manager',
  directReportCount: 2,
});
const erased = {
  ...erika,
  email: `erased-${erika.id}@erased.invalid`,
  firstName: '',
  lastName: '',
  roles: ['employee' as const],
  active: false,
  hasPassword: false,
  directReportCount: 0,
  deactivatedAt: '2026-11-28T10:00:00.000Z',
  erasedAt: '2026-11-28T10:00:00.000Z',
};

function setup(options: { erasedAlready?: boolean; self?: boolean; refuse?: boolean } = {}) {
  let current = options.erasedAlready ? erased : erika;
  const me = options.self ? { ...session, user: { ...session.user, id: erika.id } } : session;
  return stubFetch([
    on.post('/api/auth/refresh', { body: me }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/tracks', { body: demoTracks() }),
    on.get('/api/departments', { body: [] }),
    on.get(`/api/users/${erika.id}`, () => ({ body: current })),
    on.get('/api/users', (req) => {
      const items = req.query.get('active') === 'false' ? [current].filter((u) => !u.active) : [];
      return { body: { items, total: items.length } };
    }),
    on.post(`/api/users/${erika.id}/erase`, () => {
      if (options.refuse) {
        return {
          status: 409,
          body: errorBody(409, 'conflict', 'The organisation must keep at least one active admin', [
            { field: 'id', message: 'would leave the organisation without an active admin' },
          ]),
        };
      }
      current = erased;
      return { body: erased };
    }),
  ]);
}

describe('erasing a person’s data (admin)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks to type the e-mail address in a dialog, then shows the person as deactivated and erased', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup();
    const { router } = renderApp(`/admin/users/${erika.id}`);

    const open = await screen.findByRole('button', { name: 'Personenbezogene Daten löschen …' });
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Daten von Erika Vergessen löschen?' });
    const input = within(dialog).getByLabelText('E-Mail-Adresse zur Bestätigung');
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription(/Geben Sie erika@muster\.example ein\./);
    expect(within(dialog).getByText(/2 Personen berichten an diese Person/)).toBeInTheDocument();

    // Escape closes it and the focus goes back to the button that opened it.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();

    await user.click(open);
    const again = screen.getByRole('dialog');
    await user.type(within(again).getByLabelText('E-Mail-Adresse zur Bestätigung'), 'erika@muster.de');
    await user.click(within(again).getByRole('button', { name: 'Endgültig löschen' }));
    expect(within(again).getByLabelText('E-Mail-Adresse zur Bestätigung')).toHaveAccessibleDescription(
      /Stimmt nicht mit der E-Mail-Adresse der Person überein\./,
    );
    expect(callsTo('POST', `/api/users/${erika.id}/erase`)).toHaveLength(0);

    const field = within(again).getByLabelText('E-Mail-Adresse zur Bestätigung');
    await user.clear(field);
    await user.type(field, 'Erika@Muster.example');
    await user.click(within(again).getByRole('button', { name: 'Endgültig löschen' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/users'));
    expect(router.state.location.search).toBe('?active=false');
    expect(callsTo('POST', `/api/users/${erika.id}/erase`)[0].body).toEqual({ confirm: 'Erika@Muster.example' });
    const table = await screen.findByRole('table', { name: 'Personen' });
    expect(within(table).getByRole('link', { name: 'Gelöschte Person' })).toBeInTheDocument();
    expect(within(table).getByText('Deaktiviert')).toBeInTheDocument();
    expect(within(table).getByText('Daten gelöscht')).toBeInTheDocument();
    expect(within(table).queryByText(/erased\.invalid/)).not.toBeInTheDocument();
  });

  it('shows why the server refuses', async () => {
    const user = userEvent.setup();
    setup({ refuse: true });
    renderApp(`/admin/users/${erika.id}`);
    await user.click(await screen.findByRole('button', { name: 'Personenbezogene Daten löschen …' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('E-Mail-Adresse zur Bestätigung'), 'erika@muster.example');
    await user.click(within(dialog).getByRole('button', { name: 'Endgültig löschen' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Das geht so nicht: The organisation must keep at least one active admin',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('offers no erasure of one’s own account', async () => {
    setup({ self: true });
    renderApp(`/admin/users/${erika.id}`);
    expect(await screen.findByText('Ihr eigenes Konto können Sie nicht löschen.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Personenbezogene Daten löschen …' })).not.toBeInTheDocument();
  });

  it('an erased person’s page has nothing left to edit', async () => {
    setup({ erasedAlready: true });
    renderApp(`/admin/users/${erika.id}`);
    expect(await screen.findByRole('heading', { name: 'Gelöschte Person', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/wurden am 28\.11\.2026 gelöscht/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Wieder aktivieren|löschen/ })).not.toBeInTheDocument();
  });
});
