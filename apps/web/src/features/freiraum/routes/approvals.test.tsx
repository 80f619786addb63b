import type { InboxItem } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { buildInboxItem, buildRequest } from '../testing/builders';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function people() {
  return [
    buildInboxItem({
      userName: 'Lena Hoffmann',
      slotDate: '2026-11-24',
      hours: 2,
      purposeType: 'use_case',
      purposeTitle: 'Angebote zusammenfassen',
      purpose: 'Mit echten Angeboten aus Q3.',
      escalatedAt: '2026-11-16T08:00:00.000Z',
      context: {
        requesterBalance: { allocated: 8, pending: 2, approved: 4, used: 2, left: 2 },
        teammatesAway: [
          { userId: 'e0000000-0000-4000-8000-000000000001', name: 'Anna Berg', hours: 4, status: 'approved' },
        ],
      },
    }),
    buildInboxItem({ userName: 'Jonas Klein', slotDate: '2026-11-25', hours: 1 }),
    buildInboxItem({ userName: 'Mia Wolf', slotDate: '2026-11-26', hours: 8 }),
  ];
}

function setup(initial: InboxItem[] = people(), bulkFails: string[] = []) {
  let waiting = initial;
  const decided = (id: string, status: 'approved' | 'rejected', note: string) => {
    const item = waiting.find((w) => w.id === id)!;
    waiting = waiting.filter((w) => w.id !== id);
    const { context: _context, ...request } = item;
    return buildRequest({ ...request, status, decisionNote: note || null, canDecide: false });
  };
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee', 'manager']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/freiraum/inbox', () => ({ body: { items: waiting } })),
    on.post('/api/freiraum/requests/decisions', (req) => {
      const { ids } = req.body as { ids: string[] };
      return {
        body: {
          results: ids.map((id) =>
            bulkFails.includes(id)
              ? { id, ok: false, error: { code: 'conflict', message: 'would exceed the allocation by 2 hours' } }
              : { id, ok: true, request: decided(id, 'approved', '') },
          ),
        },
      };
    }),
    on.post(/^\/api\/freiraum\/requests\/[^/]+\/decision$/, (req) => {
      const body = req.body as { decision: 'approved' | 'rejected'; note: string };
      return { body: decided(req.path.split('/')[4], body.decision, body.note) };
    }),
  ]);
}

const cardOf = async (name: string) => (await screen.findByRole('heading', { level: 2, name })).closest('article')!;

describe('Freiraum approvals', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each request with the requester’s balance, who else is away, and the escalation', async () => {
    setup();
    renderApp('/freiraum/approvals');
    expect(await screen.findByRole('heading', { level: 1, name: 'Freigaben' })).toBeInTheDocument();
    const lena = await cardOf('Lena Hoffmann');
    expect(within(lena).getByText('Di., 24.11.2026 · 2 Stunden')).toBeInTheDocument();
    expect(within(lena).getByText('Eskaliert')).toBeInTheDocument();
    expect(within(lena).getByText('Anwendungsfall: Angebote zusammenfassen')).toBeInTheDocument();
    expect(within(lena).getByText('Mit echten Angeboten aus Q3.')).toBeInTheDocument();
    expect(
      within(lena).getByText('8 Stunden zugeteilt · 2 Stunden offen · 4 Stunden genehmigt · 2 Stunden übrig'),
    ).toBeInTheDocument();
    expect(within(lena).getByText('Anna Berg (4 Stunden, Genehmigt)')).toBeInTheDocument();
    expect(within(await cardOf('Jonas Klein')).getByText('Niemand aus dem Team')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: '3 Anträge warten' })).toBeInTheDocument();
  });

  it('a rejection needs a reason; approving moves focus to the next request', async () => {
    const user = userEvent.setup();
    const { calls, callsTo } = setup();
    renderApp('/freiraum/approvals');
    const lena = await cardOf('Lena Hoffmann');

    await user.click(within(lena).getByRole('button', { name: 'Ablehnen' }));
    const reason = within(lena).getByLabelText('Begründung für Lena Hoffmann');
    expect(reason).toHaveFocus();
    await user.click(within(lena).getByRole('button', { name: 'Ablehnung senden' }));
    expect(reason).toHaveAccessibleDescription(/Bitte begründen Sie die Ablehnung \(mindestens 5 Zeichen\)\./);
    await user.type(reason, 'Zu');
    await user.click(within(lena).getByRole('button', { name: 'Ablehnung senden' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/decision'))).toHaveLength(0);

    await user.type(reason, ' viele Termine in dieser Woche');
    await user.click(within(lena).getByRole('button', { name: 'Ablehnung senden' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Lena Hoffmann' })).not.toBeInTheDocument());
    const reject = calls.find((c) => c.method === 'POST' && c.path.endsWith('/decision'))!;
    expect(reject.body).toEqual({ decision: 'rejected', note: 'Zu viele Termine in dieser Woche' });
    expect(reject.headers['idempotency-key']).toMatch(UUID);
    expect(await screen.findByText('Abgelehnt: Lena Hoffmann, Di., 24.11.2026.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Jonas Klein' })).toHaveFocus();

    await user.click(within(await cardOf('Jonas Klein')).getByRole('button', { name: 'Genehmigen' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Mia Wolf' })).toHaveFocus());
    const approve = calls.filter((c) => c.method === 'POST' && c.path.endsWith('/decision'))[1];
    expect(approve.body).toEqual({ decision: 'approved', note: '' });
    expect(approve.headers['idempotency-key']).not.toBe(reject.headers['idempotency-key']);
    expect(callsTo('POST', '/api/freiraum/requests/decisions')).toHaveLength(0);
  });

  it('approves the selected requests at once (keyboard), and reports the ones that failed', async () => {
    const user = userEvent.setup();
    const items = people();
    const { callsTo } = setup(items, [items[2].id]);
    renderApp('/freiraum/approvals');
    await cardOf('Lena Hoffmann');
    expect(screen.getByRole('button', { name: 'Ausgewählte genehmigen (0)' })).toBeDisabled();

    // Space and Enter both tick a box.
    screen.getByRole('checkbox', { name: 'Antrag von Lena Hoffmann am Di., 24.11.2026 auswählen' }).focus();
    await user.keyboard(' ');
    screen.getByRole('checkbox', { name: 'Antrag von Mia Wolf am Do., 26.11.2026 auswählen' }).focus();
    await user.keyboard('{Enter}');
    const all = screen.getByRole('checkbox', { name: 'Alle auswählen' });
    expect(all).toHaveProperty('indeterminate', true);
    await user.click(screen.getByRole('button', { name: 'Ausgewählte genehmigen (2)' }));

    await waitFor(() => expect(callsTo('POST', '/api/freiraum/requests/decisions')).toHaveLength(1));
    const [call] = callsTo('POST', '/api/freiraum/requests/decisions');
    expect(call.body).toEqual({ ids: [items[0].id, items[2].id], decision: 'approved', note: '' });
    expect(call.headers['idempotency-key']).toMatch(UUID);

    const outcome = await screen.findByText('1 Antrag genehmigt.');
    expect(outcome.closest('[role="status"]')).toHaveTextContent(
      /1 Antrag konnte nicht genehmigt werden:.*Mia Wolf, Do\., 26\.11\.2026: would exceed the allocation by 2 hours/,
    );
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Lena Hoffmann' })).not.toBeInTheDocument());
    const mia = await cardOf('Mia Wolf');
    expect(within(mia).getByRole('alert')).toHaveTextContent('Nicht genehmigt: would exceed the allocation by 2 hours');
    expect(screen.getByRole('button', { name: 'Ausgewählte genehmigen (0)' })).toBeDisabled();

    // "Select all" picks everything that is left.
    await user.click(screen.getByRole('checkbox', { name: 'Alle auswählen' }));
    expect(screen.getByRole('button', { name: 'Ausgewählte genehmigen (2)' })).toBeEnabled();
    await user.click(screen.getByRole('checkbox', { name: 'Alle auswählen' }));
    expect(screen.getByRole('button', { name: 'Ausgewählte genehmigen (0)' })).toBeDisabled();
  });

  it('says so when nothing waits', async () => {
    setup([]);
    renderApp('/freiraum/approvals');
    expect(await screen.findByText('Nichts wartet auf Ihre Entscheidung')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zu Ihrem eigenen Freiraum' })).toHaveAttribute('href', '/freiraum');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
