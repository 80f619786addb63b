import type { FreiraumRequest, InboxItem } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch, type StubResponse } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { buildInboxItem, buildMyFreiraum, buildRequest } from '../testing/builders';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const both = (de: string, en = de) => ({ de, en });

function setup({
  me = buildMyFreiraum(),
  requests = [] as FreiraumRequest[],
  inbox = [] as InboxItem[],
  create = (): StubResponse => ({ status: 201, body: buildRequest({ slotDate: '2026-11-26', hours: 2 }) }),
} = {}) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/freiraum/me', (req) => ({
      body:
        req.query.get('period') === '2026-12'
          ? buildMyFreiraum({ ...me, period: { ...me.period, key: '2026-12', start: '2026-12-01', end: '2027-01-01' } })
          : me,
    })),
    on.get('/api/freiraum/requests', { body: { items: requests } }),
    on.get('/api/freiraum/inbox', { body: { items: inbox } }),
    on.post('/api/freiraum/requests', create),
    on.post(/^\/api\/freiraum\/requests\/[^/]+\/cancel$/, (req) => ({
      body: { ...requests.find((r) => req.path.includes(r.id))!, status: 'cancelled', canCancel: false },
    })),
    on.get(/^\/api\/freiraum\/requests\/[^/]+\/calendar\.ics$/, {
      body: 'BEGIN:VCALENDAR',
      headers: { 'content-type': 'text/calendar' },
    }),
    on.get('/api/learning/paths', {
      body: {
        items: [
          {
            id: '40000000-0000-4000-8000-000000000001',
            slug: 'sales',
            trackSlug: 'sales',
            title: both('KI im Vertrieb'),
            summary: both('Für den Vertrieb.'),
            isOwnTrack: true,
            assigned: false,
            dueDate: null,
            completed: 1,
            total: 2,
            status: 'in_progress',
            nextModule: null,
          },
        ],
      },
    }),
    on.get('/api/learning/paths/sales', {
      body: {
        id: '40000000-0000-4000-8000-000000000001',
        slug: 'sales',
        trackSlug: 'sales',
        title: both('KI im Vertrieb'),
        summary: both('Für den Vertrieb.'),
        isOwnTrack: true,
        assigned: false,
        dueDate: null,
        completed: 1,
        total: 2,
        status: 'in_progress',
        nextModule: null,
        modules: [
          {
            id: '50000000-0000-4000-8000-000000000001',
            slug: 'sales-personal-outreach',
            title: both('Persönlich ansprechen'),
            summary: both('…'),
            why: both('…'),
            level: 'basic',
            minutes: 30,
            prerequisites: [],
            status: 'in_progress',
            requiredDone: 1,
            requiredTotal: 3,
          },
        ],
      },
    }),
  ]);
}

const balanceCard = async () =>
  (await screen.findByRole('heading', { level: 2, name: 'Ihr Freiraum – November 2026' })).closest('section')!;

function figure(card: HTMLElement, term: string) {
  const dt = within(card).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent;
}

describe('my Freiraum', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the balance as figures, the period and links to the neighbouring periods', async () => {
    setup();
    renderApp('/freiraum');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mein Freiraum' })).toBeInTheDocument();
    const card = await balanceCard();
    expect(figure(card, 'Zugeteilt')).toBe('8 Stunden');
    expect(figure(card, 'Offen')).toBe('1,5 Stunden');
    expect(figure(card, 'Genehmigt')).toBe('4 Stunden');
    expect(figure(card, 'Davon genutzt')).toBe('2 Stunden');
    expect(figure(card, 'Übrig')).toBe('2,5 Stunden');
    const nav = screen.getByRole('navigation', { name: 'Zeitraum' });
    expect(within(nav).getByRole('link', { name: /Vorheriger Zeitraum: Oktober 2026/ })).toHaveAttribute(
      'href',
      '/freiraum?period=2026-10',
    );
    expect(within(nav).getByRole('link', { name: /Nächster Zeitraum: Dezember 2026/ })).toHaveAttribute(
      'href',
      '/freiraum?period=2026-12',
    );
    expect(await screen.findByText('Noch keine Anträge in diesem Zeitraum')).toBeInTheDocument();
    // Nothing to decide: no way to approvals from here.
    expect(screen.queryByRole('link', { name: /entscheiden/ })).not.toBeInTheDocument();
  });

  it('checks the form before sending: hours, date and an experiment’s purpose are required', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup();
    renderApp('/freiraum');
    await user.click(await screen.findByRole('button', { name: 'Freiraum beantragen' }));
    expect(screen.getByLabelText('Stunden')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Stunden')).toHaveAccessibleDescription('Bitte ausfüllen.');
    expect(screen.getByLabelText('Datum')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Zweck')).toHaveAccessibleDescription(
      /Bitte beschreiben Sie das Experiment \(mindestens 5 Zeichen\)\./,
    );
    expect(callsTo('POST', '/api/freiraum/requests')).toHaveLength(0);

    // Not in the past (today is 18 November in the stubbed organisation).
    await user.type(screen.getByLabelText('Datum'), '2026-11-17');
    await user.selectOptions(screen.getByLabelText('Stunden'), '1');
    await user.type(screen.getByLabelText('Zweck'), 'Prompts vergleichen');
    await user.click(screen.getByRole('button', { name: 'Freiraum beantragen' }));
    expect(screen.getByLabelText('Datum')).toHaveAccessibleDescription(/Bitte heute oder später\./);
    expect(callsTo('POST', '/api/freiraum/requests')).toHaveLength(0);

    // A use case needs a use case; the purpose text is then optional.
    await user.click(screen.getByRole('radio', { name: 'Ein Anwendungsfall aus der Bibliothek' }));
    expect(screen.getByLabelText('Zweck')).not.toHaveAttribute('aria-invalid');
  });

  it('sends an Idempotency-Key, reuses it when the same submission is retried, and shows the budget 409', async () => {
    const user = userEvent.setup();
    const answers: StubResponse[] = [
      { status: 503, body: errorBody(503, 'unavailable', 'Service unavailable') },
      {
        status: 409,
        body: errorBody(
          409,
          'conflict',
          'Only 2.5 of 8 hours are left in 2026-11 (1.5 pending, 4 approved); 3 requested',
          [{ field: 'hours', message: 'must be at most 2.5 (hours left in 2026-11)' }],
        ),
      },
    ];
    const { callsTo } = setup({ create: () => answers.shift()! });
    renderApp('/freiraum');
    await user.type(await screen.findByLabelText('Datum'), '2026-11-26');
    await user.selectOptions(screen.getByLabelText('Stunden'), '3');
    expect(screen.getByRole('option', { name: '0,5 Stunden' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: '8 Stunden' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Zweck'), 'Angebote mit Copilot vergleichen');
    await user.click(screen.getByRole('button', { name: 'Freiraum beantragen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Auf unserer Seite ist etwas schiefgegangen/);

    await user.click(screen.getByRole('button', { name: 'Freiraum beantragen' }));
    expect(
      await screen.findByText(
        'Das geht so nicht: Only 2.5 of 8 hours are left in 2026-11 (1.5 pending, 4 approved); 3 requested',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Stunden')).toHaveAccessibleDescription(
      'Höchstens 2,5 Stunden: so viel ist im November 2026 noch frei.',
    );
    const posts = callsTo('POST', '/api/freiraum/requests');
    expect(posts).toHaveLength(2);
    expect(posts[0].headers['idempotency-key']).toMatch(UUID);
    expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
    expect(posts[0].body).toEqual({
      slotDate: '2026-11-26',
      hours: 3,
      purposeType: 'experiment',
      purpose: 'Angebote mit Copilot vergleichen',
    });
  });

  it('requests time for a module of the learner’s path; a new submission gets a new key', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup();
    renderApp('/freiraum');
    await user.type(await screen.findByLabelText('Datum'), '2026-11-26');
    await user.selectOptions(screen.getByLabelText('Stunden'), '2');
    await user.click(screen.getByRole('radio', { name: 'Eine Übung aus meinem Lernpfad' }));
    await user.click(screen.getByRole('button', { name: 'Freiraum beantragen' }));
    expect(screen.getByLabelText('Lernmodul')).toHaveAccessibleDescription(/Bitte ein Lernmodul wählen\./);
    expect(callsTo('POST', '/api/freiraum/requests')).toHaveLength(0);

    await screen.findByRole('option', { name: 'Persönlich ansprechen' });
    expect(screen.getByRole('group', { name: 'KI im Vertrieb' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Lernmodul'), '50000000-0000-4000-8000-000000000001');
    await user.click(screen.getByRole('button', { name: 'Freiraum beantragen' }));
    expect(await screen.findByText(/Beantragt: 2 Stunden am Do\., 26\.11\.2026/)).toBeInTheDocument();
    expect(callsTo('POST', '/api/freiraum/requests')[0].body).toEqual({
      slotDate: '2026-11-26',
      hours: 2,
      purposeType: 'exercise',
      exerciseId: '50000000-0000-4000-8000-000000000001',
      purpose: '',
    });
    // The form is empty again for the next request.
    expect(screen.getByLabelText('Stunden')).toHaveValue('');
  });

  it('lists the period’s requests: decision notes, cancel with confirmation, calendar file and the journal link', async () => {
    const user = userEvent.setup();
    const pending = buildRequest({ slotDate: '2026-11-24', hours: 1.5 });
    const rejected = buildRequest({
      slotDate: '2026-11-20',
      hours: 2,
      status: 'rejected',
      canCancel: false,
      decidedByName: 'Mara Manager',
      decisionNote: 'Bitte nicht in der Messewoche.',
    });
    const past = buildRequest({
      slotDate: '2026-11-10',
      hours: 2,
      status: 'approved',
      canCancel: false,
      purposeType: 'use_case',
      purposeTitle: 'Angebote zusammenfassen',
      purpose: '',
      decidedByName: 'Mara Manager',
    });
    const { callsTo, calls } = setup({ requests: [pending, rejected, past] });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:ics'), revokeObjectURL: vi.fn() }));
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderApp('/freiraum');

    const item = async (title: string) =>
      (await screen.findByRole('heading', { level: 3, name: title })).closest('li')!;
    const rejectedItem = await item('Fr., 20.11.2026 · 2 Stunden');
    expect(within(rejectedItem).getByText('Abgelehnt')).toBeInTheDocument();
    expect(within(rejectedItem).getByText('Abgelehnt von Mara Manager')).toBeInTheDocument();
    expect(within(rejectedItem).getByText('Bitte nicht in der Messewoche.')).toBeInTheDocument();
    expect(within(rejectedItem).queryByRole('button')).not.toBeInTheDocument();

    const pastItem = await item('Di., 10.11.2026 · 2 Stunden');
    expect(within(pastItem).getByText('Anwendungsfall: Angebote zusammenfassen')).toBeInTheDocument();
    expect(within(pastItem).getByRole('link', { name: /Notieren, was Sie ausprobiert haben/ })).toHaveAttribute(
      'href',
      `/journal/new?requestId=${past.id}`,
    );
    await user.click(within(pastItem).getByRole('button', { name: /Zum Kalender hinzufügen/ }));
    await waitFor(() => expect(clicked).toEqual(['freiraum-2026-11-10.ics']));
    const ics = calls.find((c) => c.path === `/api/freiraum/requests/${past.id}/calendar.ics`)!;
    expect(ics.headers.authorization).toMatch(/^Bearer token-/);
    click.mockRestore();

    const pendingItem = await item('Di., 24.11.2026 · 1,5 Stunden');
    await user.click(within(pendingItem).getByRole('button', { name: /Stornieren/ }));
    expect(within(pendingItem).getByRole('button', { name: 'Ja, stornieren' })).toHaveFocus();
    await user.click(within(pendingItem).getByRole('button', { name: 'Nein, behalten' }));
    expect(callsTo('POST', `/api/freiraum/requests/${pending.id}/cancel`)).toHaveLength(0);
    await user.click(within(pendingItem).getByRole('button', { name: /Stornieren/ }));
    await user.click(within(pendingItem).getByRole('button', { name: 'Ja, stornieren' }));
    await waitFor(() => expect(callsTo('POST', `/api/freiraum/requests/${pending.id}/cancel`)).toHaveLength(1));
    expect(callsTo('POST', `/api/freiraum/requests/${pending.id}/cancel`)[0].headers['idempotency-key']).toMatch(UUID);
    expect(await screen.findByText('Antrag vom Di., 24.11.2026 storniert.')).toBeInTheDocument();
  });

  it('shows the period as a month calendar with requested and approved days', async () => {
    const user = userEvent.setup();
    setup({
      requests: [
        buildRequest({ slotDate: '2026-11-24', hours: 1.5 }),
        buildRequest({ slotDate: '2026-11-10', hours: 2, status: 'approved', canCancel: false }),
        buildRequest({ slotDate: '2026-11-12', hours: 3, status: 'cancelled', canCancel: false }),
      ],
    });
    renderApp('/freiraum');
    await screen.findByRole('heading', { level: 3, name: 'Di., 24.11.2026 · 1,5 Stunden' });
    await user.click(screen.getByRole('button', { name: 'Kalender' }));
    expect(screen.getByRole('button', { name: 'Kalender' })).toHaveAttribute('aria-pressed', 'true');
    const calendar = screen.getByRole('table', { name: 'November 2026' });
    const cell = (day: string) =>
      within(calendar).getByText(day, { selector: '.freiraum-calendar__number' }).closest('td')!;
    expect(cell('10')).toHaveTextContent('2 Stunden Genehmigt');
    expect(cell('24')).toHaveTextContent('1,5 Stunden Offen');
    expect(cell('12')).toHaveTextContent(/^12$/);
    expect(cell('18')).toHaveAttribute('aria-current', 'date');
    // 1 November 2026 is a Sunday: six blanks before it in a Monday-first week.
    expect(within(calendar).getAllByRole('row')[1].querySelectorAll('td')).toHaveLength(7);
    expect(within(calendar).getAllByRole('row')[1].querySelectorAll('.freiraum-calendar__blank')).toHaveLength(6);
  });

  it('moves to the next period, and links to approvals when something waits for the user', async () => {
    const user = userEvent.setup();
    const { calls } = setup({ inbox: [buildInboxItem()] });
    renderApp('/freiraum');
    expect(await screen.findByRole('link', { name: '1 Antrag entscheiden' })).toHaveAttribute(
      'href',
      '/freiraum/approvals',
    );
    await user.click(screen.getByRole('link', { name: /Nächster Zeitraum/ }));
    expect(await screen.findByRole('heading', { name: 'Ihr Freiraum – Dezember 2026' })).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/freiraum/requests' && c.query.get('period') === '2026-12')).toBe(true);
    expect(screen.getByRole('link', { name: 'Zum aktuellen Zeitraum' })).toHaveAttribute('href', '/freiraum');
  });
});
