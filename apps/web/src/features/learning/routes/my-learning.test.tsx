import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { both, buildModuleCard, buildPath } from '../testing/builders';

const sales = buildPath({
  completed: 1,
  total: 3,
  nextModule: 'outreach',
  modules: [
    buildModuleCard('basics', { title: both('KI-Grundlagen'), status: 'complete', requiredDone: 2 }),
    buildModuleCard('outreach', {
      title: both('Persönlich ansprechen'),
      prerequisites: ['basics'],
      status: 'in_progress',
      requiredDone: 1,
    }),
    buildModuleCard('offers', {
      title: both('Angebote schneller machen'),
      prerequisites: ['outreach'],
      status: 'locked',
      level: 'apply',
      minutes: 50,
    }),
  ],
});
const { modules: _modules, ...salesSummary } = sales;
const leadership = {
  ...buildPath({ slug: 'leadership', title: both('KI-Wandel führen'), isOwnTrack: false, assigned: true }),
  dueDate: '2030-12-01',
  completed: 0,
  total: 9,
  status: 'not_started' as const,
};
const { modules: _m2, ...leadershipSummary } = leadership;

function setup() {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/learning/paths', { body: { items: [salesSummary, leadershipSummary] } }),
    on.get('/api/learning/paths/sales', { body: sales }),
    on.get('/api/learning/certificates', {
      body: {
        items: [
          {
            code: 'FR-AB12-CD34',
            pathSlug: 'administration',
            pathTitle: both('KI in der Verwaltung', 'AI in administration'),
            completedAt: '2026-11-18T10:00:00.000Z',
            verifyUrl: 'http://localhost/verify/FR-AB12-CD34',
          },
        ],
      },
    }),
    on.get('/api/learning/certificates/FR-AB12-CD34/pdf', { body: '%PDF-1.7' }),
  ]);
}

describe('my learning', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the own path with its progress, the next step and why each locked module is locked', async () => {
    setup();
    renderApp('/learning');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mein Lernen' })).toBeInTheDocument();
    const bar = await screen.findByRole('progressbar', { name: 'Fortschritt im Lernpfad KI im Vertrieb' });
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(bar).toHaveAttribute('aria-valuemax', '3');
    expect(bar).toHaveAttribute('aria-valuetext', '1 von 3 Modulen abgeschlossen');
    expect(screen.getByRole('link', { name: 'Weiterlernen: Persönlich ansprechen' })).toHaveAttribute(
      'href',
      '/learning/modules/outreach',
    );

    const cards = screen.getByRole('heading', { name: '3 Module' }).parentElement!;
    const locked = within(cards).getByRole('heading', { name: 'Angebote schneller machen' }).closest('li')!;
    expect(within(locked).getByText('Gesperrt')).toBeInTheDocument();
    expect(within(locked).getByText('Gesperrt: Schließen Sie zuerst „Persönlich ansprechen“ ab.')).toBeInTheDocument();
    expect(within(locked).getByText(/Anwenden · 50 Minuten/)).toBeInTheDocument();
    const done = within(cards).getByRole('heading', { name: 'KI-Grundlagen' }).closest('li')!;
    expect(within(done).getByText('Abgeschlossen')).toBeInTheDocument();
    expect(within(done).queryByText(/Gesperrt/)).not.toBeInTheDocument();
    expect(within(done).getByRole('progressbar', { name: 'Pflichtübungen im Modul KI-Grundlagen' })).toHaveAttribute(
      'aria-valuetext',
      '2 von 2 Pflichtübungen erledigt',
    );
  });

  it('lists the assigned path with its due date below', async () => {
    setup();
    renderApp('/learning');
    const assigned = (await screen.findByRole('heading', { name: 'Ihnen zugewiesen' })).closest('section')!;
    expect(within(assigned).getByRole('link', { name: 'KI-Wandel führen' })).toHaveAttribute(
      'href',
      '/learning/paths/leadership',
    );
    expect(within(assigned).getByText('Fällig bis 01.12.2030')).toBeInTheDocument();
    expect(
      within(assigned).getByRole('progressbar', { name: 'Fortschritt im Lernpfad KI-Wandel führen' }),
    ).toHaveAttribute('aria-valuetext', '0 von 9 Modulen abgeschlossen');
  });

  it('downloads a certificate PDF with the session token', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup();
    // jsdom has no object URLs; the download hands the PDF blob to one.
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:certificate');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    renderApp('/learning');
    await user.click(await screen.findByRole('button', { name: 'PDF herunterladen: KI in der Verwaltung' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(createObjectURL.mock.calls[0][0].size).toBeGreaterThan(0);
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
    const [call] = callsTo('GET', '/api/learning/certificates/FR-AB12-CD34/pdf');
    expect(call.query.get('lang')).toBe('de');
    expect(call.headers.authorization).toMatch(/^Bearer token-/);
  });
});
