import type { Delegation } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { buildTeam } from '../testing/builders';

const LENA = 'd0000000-0000-4000-8000-000000000001';
const MANAGER_OF_ME = '20000000-0000-4000-8000-000000000001';

function delegation(overrides: Partial<Delegation> = {}): Delegation {
  return {
    id: 'f0000000-0000-4000-8000-000000000001',
    managerId: 'f0000000-0000-4000-8000-000000000009',
    managerName: 'Max Chef',
    delegateId: LENA,
    delegateName: 'Lena Hoffmann',
    startsOn: '2026-12-01',
    endsOn: '2026-12-14',
    createdAt: '2026-11-18T09:00:00.000Z',
    ...overrides,
  };
}

function setup({ allocation = { status: 200 } as { status: number; message?: string } } = {}) {
  let given = [delegation()];
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee', 'manager']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/freiraum/team', { body: buildTeam() }),
    on.put(/^\/api\/freiraum\/team\/[^/]+\/allocation$/, (req) =>
      allocation.status === 200
        ? {
            body: {
              ...buildTeam().members[0],
              balance: { ...buildTeam().members[0].balance, allocated: (req.body as { hours: number }).hours },
              customAllocation: true,
            },
          }
        : {
            status: allocation.status,
            body: errorBody(allocation.status, 'conflict', allocation.message ?? '', [
              { field: 'hours', message: (allocation.message ?? '').replace('The allocation ', '') },
            ]),
          },
    ),
    on.get('/api/freiraum/delegations', () => ({
      body: {
        given,
        received: [
          delegation({
            id: 'f0000000-0000-4000-8000-000000000002',
            managerName: 'Mara Manager',
            delegateName: 'Sven Sander',
            startsOn: '2026-11-20',
            endsOn: '2026-11-27',
          }),
        ],
      },
    })),
    on.post('/api/freiraum/delegations', (req) => {
      const body = req.body as { delegateId: string; startsOn: string; endsOn: string };
      const created = delegation({
        id: 'f0000000-0000-4000-8000-000000000003',
        ...body,
        delegateName: 'Mara Manager',
      });
      given = [...given, created];
      return { status: 201, body: created };
    }),
    {
      method: 'DELETE',
      path: /^\/api\/freiraum\/delegations\/[^/]+$/,
      respond: (req) => {
        given = given.filter((d) => !req.path.endsWith(d.id));
        return { body: { ok: true } };
      },
    },
  ]);
}

describe('team Freiraum', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists direct reports with their hours and the totals', async () => {
    setup();
    renderApp('/freiraum/team');
    const table = await screen.findByRole('table', { name: 'Freiraum im Team' });
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect(
      within(row('Lena Hoffmann'))
        .getAllByRole('cell')
        .slice(0, 5)
        .map((c) => c.textContent),
    ).toEqual(['8 Stunden', '2 Stunden', '4 Stunden', '4 Stunden', '2 Stunden']);
    expect(within(row('Anna Berg')).getByText('angepasst')).toBeInTheDocument();
    expect(
      within(row('Summe'))
        .getAllByRole('cell')
        .slice(0, 5)
        .map((c) => c.textContent),
    ).toEqual(['20 Stunden', '2 Stunden', '5,5 Stunden', '4 Stunden', '12,5 Stunden']);
    expect(screen.getByText('Standard: 8 Stunden je Person und Zeitraum, höchstens 16 Stunden.')).toBeInTheDocument();
  });

  it('shows the server’s 409 when an allocation would fall below what is pending and approved', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup({
      allocation: {
        status: 409,
        message: 'The allocation is 2 hours below what is already pending or approved (6 hours)',
      },
    });
    renderApp('/freiraum/team');
    await user.click(await screen.findByRole('button', { name: 'Stunden ändern: Lena Hoffmann' }));
    const input = screen.getByLabelText('Stunden für Lena Hoffmann (November 2026)');
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, '20');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(input).toHaveAccessibleDescription(/Höchstens 16 Stunden\./);
    expect(callsTo('PUT', `/api/freiraum/team/${LENA}/allocation`)).toHaveLength(0);

    await user.clear(input);
    await user.type(input, '4');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(
        /Das sind 2 Stunden weniger als schon beantragt oder genehmigt \(6 Stunden\)\./,
      ),
    );
    expect(callsTo('PUT', `/api/freiraum/team/${LENA}/allocation`)[0].body).toEqual({ period: '2026-11', hours: 4 });
  });

  it('saves an allocation and returns focus to the row', async () => {
    const user = userEvent.setup();
    setup();
    renderApp('/freiraum/team');
    await user.click(await screen.findByRole('button', { name: 'Stunden ändern: Lena Hoffmann' }));
    const input = screen.getByLabelText('Stunden für Lena Hoffmann (November 2026)');
    await user.clear(input);
    await user.type(input, '10.5');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Lena Hoffmann hat jetzt 10,5 Stunden.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Stunden ändern: Lena Hoffmann' })).toHaveFocus());
  });

  it('names a stand-in from the people the manager works with, removes one, and shows received ones', async () => {
    const user = userEvent.setup();
    const { calls, callsTo } = setup();
    renderApp('/freiraum/team');
    expect(await screen.findByText('Mara Manager, Fr., 20.11.2026 bis Fr., 27.11.2026')).toBeInTheDocument();
    expect(screen.getByText(/Lena Hoffmann/, { selector: '.freiraum-delegation .table__primary' })).toBeInTheDocument();

    const select = screen.getByLabelText('Vertretung');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Bitte eine Person wählen', 'Anna Berg', 'Lena Hoffmann', 'Mara Manager']);
    await user.type(screen.getByLabelText('Von'), '2026-12-20');
    await user.type(screen.getByLabelText('Bis'), '2026-12-10');
    await user.click(screen.getByRole('button', { name: 'Vertretung eintragen' }));
    expect(screen.getByLabelText('Vertretung')).toHaveAccessibleDescription(/Bitte ausfüllen\./);
    expect(screen.getByLabelText('Bis')).toHaveAccessibleDescription('Das Ende darf nicht vor dem Beginn liegen.');
    expect(callsTo('POST', '/api/freiraum/delegations')).toHaveLength(0);

    await user.selectOptions(select, MANAGER_OF_ME);
    await user.clear(screen.getByLabelText('Bis'));
    await user.type(screen.getByLabelText('Bis'), '2026-12-31');
    await user.click(screen.getByRole('button', { name: 'Vertretung eintragen' }));
    await waitFor(() =>
      expect(callsTo('POST', '/api/freiraum/delegations')[0]?.body).toEqual({
        delegateId: MANAGER_OF_ME,
        startsOn: '2026-12-20',
        endsOn: '2026-12-31',
      }),
    );
    expect(await screen.findByText('Mara Manager vertritt Sie im gewählten Zeitraum.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Entfernen: Lena Hoffmann' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'DELETE')[0]?.path).toBe(
        '/api/freiraum/delegations/f0000000-0000-4000-8000-000000000001',
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Entfernen: Lena Hoffmann' })).not.toBeInTheDocument(),
    );
  });

  it('is not open to plain employees', async () => {
    const { callsTo } = stubFetch([
      on.post('/api/auth/refresh', { body: buildSession(['employee']) }),
      on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    ]);
    renderApp('/freiraum/team');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeInTheDocument();
    expect(callsTo('GET', '/api/freiraum/team')).toHaveLength(0);
  });
});
