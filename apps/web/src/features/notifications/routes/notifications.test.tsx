import type { Notification } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const n = (id: string, type: string, data: Record<string, unknown>, readAt: string | null): Notification => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  type,
  data,
  readAt,
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
});

describe('notifications page', () => {
  afterEach(() => vi.unstubAllGlobals());

  function setup() {
    let items = [
      n('1', 'role_changed', { added: ['hr'], removed: [] }, null),
      n('2', 'manager_changed', { managerName: 'Mara Manager' }, null),
      n('3', 'welcome', {}, '2026-01-01T00:00:00.000Z'),
    ];
    const unread = () => items.filter((i) => i.readAt === null).length;
    const stub = stubFetch([
      on.post('/api/auth/refresh', { body: buildSession(['employee']) }),
      on.get('/api/notifications', () => ({ body: { items, unread: unread() } })),
      on.get('/api/notifications/unread-count', () => ({ body: { unread: unread() } })),
      on.post(/^\/api\/notifications\/[^/]+\/read$/, (req) => {
        items = items.map((i) => (req.path.includes(i.id) ? { ...i, readAt: new Date().toISOString() } : i));
        return { status: 204 };
      }),
      on.post('/api/notifications/read-all', () => {
        items = items.map((i) => ({ ...i, readAt: i.readAt ?? new Date().toISOString() }));
        return { status: 204 };
      }),
    ]);
    return stub;
  }

  it('renders each notification in the reader language from its type and data', async () => {
    setup();
    renderApp('/notifications');
    expect(await screen.findByText('Ihre Rollen haben sich geändert')).toBeInTheDocument();
    expect(screen.getByText('Neu: Personal (HR).')).toBeInTheDocument();
    expect(screen.getByText('Ihre Führungskraft ist jetzt Mara Manager.')).toBeInTheDocument();
    expect(screen.getByText('Willkommen bei Freiraum')).toBeInTheDocument();
    expect(screen.getAllByText('vor 5 Minuten')).toHaveLength(3);
  });

  it('marks one as read, then all, and the badge in the shell follows', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup();
    renderApp('/notifications');
    const nav = await screen.findByRole('navigation', { name: 'Hauptnavigation' });
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: /Benachrichtigungen.*2 ungelesene/ })).toBeInTheDocument(),
    );

    await user.click(screen.getByRole('button', { name: 'Als gelesen markieren: Ihre Rollen haben sich geändert' }));
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: /Benachrichtigungen.*1 ungelesene/ })).toBeInTheDocument(),
    );
    expect(callsTo('POST', '/api/notifications/00000000-0000-4000-8000-000000000001/read')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Alle als gelesen markieren' }));
    await waitFor(() => expect(within(nav).getByRole('link', { name: 'Benachrichtigungen' })).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: /^Als gelesen markieren/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Alle als gelesen markieren' })).toBeDisabled();
  });
});
