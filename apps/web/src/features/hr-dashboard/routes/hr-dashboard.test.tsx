import type { HrDashboard } from '@freiraum/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch, type StubRequest, type StubResponse } from '../../../testing/fetch-stub';
import { buildSession, buildTrack } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import {
  buildGroupFigures,
  buildHrDashboard,
  DEPT_ADMIN,
  DEPT_SALES,
  DEPT_TRANSLATION,
  TRACK_ADMIN,
  TRACK_LEADERSHIP,
  TRACK_SALES,
  v,
} from '../testing/builders';

interface Setup {
  dashboard?: HrDashboard | ((req: StubRequest) => StubResponse);
  roles?: Parameters<typeof buildSession>[0];
  language?: 'de' | 'en' | null;
  csv?: StubResponse;
}

const CSV: StubResponse = {
  body: '\uFEFFAbteilung;Eingeschrieben\r\nVertrieb;24\r\n',
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="freiraum-abteilungen.csv"; filename*=UTF-8''freiraum-abteilungen-2026-03-01_2026-03-31.csv`,
  },
};

function setup({ dashboard = buildHrDashboard(), roles = ['employee', 'hr'], language = null, csv = CSV }: Setup = {}) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(roles, { language }) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/departments', {
      body: [
        { id: DEPT_SALES, name: 'Vertrieb', userCount: 24 },
        { id: DEPT_ADMIN, name: 'Verwaltung', userCount: 20 },
        { id: DEPT_TRANSLATION, name: 'Übersetzung', userCount: 4 },
      ],
    }),
    on.get('/api/tracks', {
      body: [
        buildTrack('leadership', 'Führung', 'Leadership', { id: TRACK_LEADERSHIP }),
        buildTrack('sales', 'Vertrieb', 'Sales', { id: TRACK_SALES }),
        buildTrack('administration', 'Verwaltung', 'Administration', { id: TRACK_ADMIN }),
      ],
    }),
    on.get('/api/dashboards/hr', typeof dashboard === 'function' ? dashboard : { body: dashboard }),
    on.get('/api/dashboards/hr.csv', csv),
  ]);
}

// Intl puts (narrow) no-break spaces in "62 %"; compare with plain spaces.
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** The value and detail of a headline tile, found by its label. */
async function kpi(label: string) {
  const term = await screen.findByText(label, { selector: 'dt' });
  const tile = term.closest('.kpi') as HTMLElement;
  return {
    value: plain(tile.querySelector('.kpi__value')?.textContent),
    detail: plain(tile.querySelector('.kpi__detail')?.textContent),
  };
}

const rowCells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => plain(c.textContent));

/** The "show the data" toggle under a chart. */
const summary = (table: string) =>
  screen.getByText((_, el) => el?.tagName === 'SUMMARY' && el.textContent === `Daten als Tabelle: ${table}`);

const dashboardCalls = (calls: StubRequest[]) => calls.filter((c) => c.path === '/api/dashboards/hr');

describe('HR dashboard', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows the headline figures of the whole organisation for the last 30 days', async () => {
    const { calls } = setup();
    renderApp('/hr/dashboard');
    expect(await screen.findByRole('heading', { level: 1, name: 'HR-Dashboard' })).toBeInTheDocument();

    expect(await kpi('Eingeschrieben')).toMatchObject({ value: '48' });
    expect((await kpi('Aktiv')).value).toBe('31');
    expect((await kpi('Abschlussquote')).value).toBe('62 %');
    expect((await kpi('Module abgeschlossen')).value).toBe('87');
    expect((await kpi('Freiraum zugeteilt')).value).toBe('192 h');
    expect((await kpi('Freiraum genehmigt')).value).toBe('126,5 h');
    expect((await kpi('Freiraum genutzt')).value).toBe('98 h');
    expect(await kpi('Zeit bis zur Entscheidung (Median)')).toEqual({
      value: '18,5 h',
      detail: '90-%-Wert (P90): 2,2 Tage',
    });
    expect(await kpi('Ablehnungsquote')).toEqual({ value: '13 %', detail: 'Entscheidungen: 40' });
    expect(await kpi('Geteilte Experimente')).toEqual({
      value: '23',
      detail: 'Hat geklappt: 16Teilweise: verborgen (Schutz kleiner Gruppen)Gescheitert: weniger als 5',
    });
    expect((await kpi('Geschätzte gesparte Zeit')).value).toBe('25 h 30 min');

    expect((await kpi('Führungskräfte')).value).toBe('8');
    expect((await kpi('Aktiv im eigenen Lernpfad')).value).toBe('75 %');
    expect((await kpi('Eigene Experimente dokumentiert')).value).toBe('50 %');
    expect((await kpi('Entscheidungszeit (Median)')).value).toBe('20 h');

    expect(screen.getByText('Zeitraum: 01.03.2026 – 31.03.2026')).toBeInTheDocument();
    // "Last 30 days" is the API's own default, counted in the organisation's time zone: no dates are sent.
    const [first] = dashboardCalls(calls);
    expect([...first.query.keys()]).toEqual([]);
    expect(document.body.textContent).not.toMatch(/hrDashboard\./);
  });

  it('shows a suppressed figure as "fewer than 5" or "hidden", never as 0, and explains why', async () => {
    setup({ language: 'en' });
    renderApp('/hr/dashboard');
    expect(await screen.findByRole('heading', { level: 1, name: 'HR dashboard' })).toBeInTheDocument();

    const shared = await kpi('Experiments shared');
    expect(shared.detail).toBe('Worked: 16Partly: hidden (protects a small group)Failed: fewer than 5');

    const table = screen.getByRole('table', { name: 'Figures by department' });
    const translation = within(table).getByRole('rowheader', { name: 'Übersetzung' }).closest('tr')!;
    expect(rowCells(translation)).toEqual(Array(12).fill('fewer than 5'));
    const admin = within(table).getByRole('rowheader', { name: 'Verwaltung' }).closest('tr')!;
    expect(rowCells(admin)).toEqual([
      '20',
      '12',
      '70%',
      'hidden (protects a small group)',
      '80 h',
      '50.5 h',
      '39 h',
      '7',
      '7',
      'fewer than 5',
      'fewer than 5',
      '10 h',
    ]);
    const hiddenCell = within(admin).getByText('hidden (protects a small group)');
    expect(hiddenCell).toHaveAttribute('title', expect.stringMatching(/worked out from the figures shown/));
    expect(within(translation).getAllByText('fewer than 5')[0]).toHaveAttribute(
      'title',
      'This figure covers fewer than 5 people and is not shown, to protect individuals.',
    );
    expect(screen.getByText(/every figure covers at least 5 people/)).toBeInTheDocument();

    const tracks = screen.getByRole('table', { name: 'Figures by track' });
    await waitFor(() =>
      expect(
        within(tracks)
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ).toEqual(['Sales', 'Administration', 'Leadership', 'No track', 'Total']),
    );
    const total = within(tracks).getByRole('rowheader', { name: 'Total' }).closest('tr')!;
    expect(rowCells(total).slice(0, 2)).toEqual(['48', '31']);
  });

  it('refetches when the department changes and keeps the filter in the URL', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    const { router } = renderApp('/hr/dashboard');
    await kpi('Eingeschrieben');
    await within(screen.getByLabelText('Abteilung')).findByRole('option', { name: 'Verwaltung' });

    await user.selectOptions(screen.getByLabelText('Abteilung'), DEPT_ADMIN);
    await waitFor(() => expect(dashboardCalls(calls).at(-1)?.query.get('departmentId')).toBe(DEPT_ADMIN));
    expect(new URLSearchParams(router.state.location.search).get('departmentId')).toBe(DEPT_ADMIN);

    await user.selectOptions(screen.getByLabelText('Tätigkeitsfeld'), TRACK_SALES);
    await waitFor(() => expect(dashboardCalls(calls).at(-1)?.query.get('trackId')).toBe(TRACK_SALES));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      departmentId: DEPT_ADMIN,
      trackId: TRACK_SALES,
    });
  });

  it('opens a shared link with its filters, and asks for the CSV with the same filters and the UI language', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() }));
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderApp(`/hr/dashboard?period=custom&from=2026-03-01&to=2026-03-31&departmentId=${DEPT_SALES}`);

    await kpi('Eingeschrieben');
    expect(Object.fromEntries(dashboardCalls(calls)[0].query)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      departmentId: DEPT_SALES,
    });
    expect(screen.getByLabelText('Zeitraum')).toHaveValue('custom');
    expect(screen.getByLabelText('Von')).toHaveValue('2026-03-01');
    expect(screen.getByLabelText('Bis')).toHaveValue('2026-03-31');
    await waitFor(() => expect(screen.getByLabelText('Abteilung')).toHaveValue(DEPT_SALES));

    await user.click(screen.getByRole('button', { name: 'CSV herunterladen: Abteilungen' }));
    await waitFor(() => expect(saved).toEqual(['freiraum-abteilungen-2026-03-01_2026-03-31.csv']));
    const csv = calls.find((c) => c.path === '/api/dashboards/hr.csv')!;
    expect(Object.fromEntries(csv.query)).toEqual({
      table: 'departments',
      lang: 'de',
      from: '2026-03-01',
      to: '2026-03-31',
      departmentId: DEPT_SALES,
    });
    expect(csv.headers.authorization).toMatch(/^Bearer token-/);

    await user.click(screen.getByRole('button', { name: 'CSV herunterladen: Wochenverlauf' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/dashboards/hr.csv')).toHaveLength(2));
    expect(calls.filter((c) => c.path === '/api/dashboards/hr.csv')[1].query.get('table')).toBe('trends');
    for (const table of ['Überblick', 'Modul-Verlauf', 'Tätigkeitsfelder'])
      expect(screen.getByRole('button', { name: `CSV herunterladen: ${table}` })).toBeEnabled();
    click.mockRestore();
  });

  it('says so when a CSV download fails', async () => {
    const user = userEvent.setup();
    setup({ csv: { status: 403, body: errorBody(403, 'forbidden', 'Forbidden') } });
    renderApp('/hr/dashboard');
    await kpi('Eingeschrieben');
    await user.click(screen.getByRole('button', { name: 'CSV herunterladen: Überblick' }));
    expect(await screen.findByText('Dafür fehlen Ihnen die Rechte.')).toBeInTheDocument();
  });

  it('gives every chart a text alternative with the same numbers', async () => {
    const user = userEvent.setup();
    setup();
    renderApp('/hr/dashboard');
    await kpi('Eingeschrieben');

    expect(
      screen.getByRole('img', {
        name: 'Liniendiagramm über 5 Wochen von KW 9 bis KW 13. In KW 13: 29 aktive Personen, 27 Module abgeschlossen, 38 h Freiraum genehmigt, weniger als 5 Experimente dokumentiert.',
      }),
    ).toBeInTheDocument();
    await user.click(summary('Wöchentlicher Verlauf'));
    const trends = screen.getByRole('table', { name: 'Wöchentlicher Verlauf' });
    const week = (name: RegExp) => within(trends).getByRole('rowheader', { name }).closest('tr')!;
    expect(rowCells(week(/^KW 10/))).toEqual(['18', '14', '5', '22,5 h']);
    // A suppressed week is text in the table and a gap in the line, never a 0.
    expect(rowCells(week(/^KW 9/))).toEqual([
      'weniger als 5',
      'weniger als 5',
      'weniger als 5',
      'verborgen (Schutz kleiner Gruppen)',
    ]);

    expect(
      screen.getByRole('img', {
        name: 'Balkendiagramm der Freiraum-Stunden für 3 Abteilungen. Insgesamt 192 h zugeteilt, 126,5 h genehmigt, 98 h genutzt.',
      }),
    ).toBeInTheDocument();
    const freiraum = screen.getByRole('table', { name: 'Freiraum-Stunden je Abteilung', hidden: true });
    const sales = within(freiraum).getByRole('rowheader', { name: 'Vertrieb', hidden: true }).closest('tr')!;
    expect(rowCells(sales)).toEqual(['96 h', '70 h', '55,5 h']);

    expect(
      screen.getByRole('img', {
        name: 'Balkendiagramm der geteilten Experimente nach Ergebnis: hat geklappt 16, teilweise verborgen (Schutz kleiner Gruppen), gescheitert weniger als 5.',
      }),
    ).toBeInTheDocument();

    // The funnel shows one path at a time; the table follows the chosen path.
    expect(screen.getByRole('img', { name: /„KI im Vertrieb“ mit 3 Modulen/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Lernpfad'), 'KI-Wandel führen');
    const funnel = screen.getByRole('table', {
      name: 'KI-Wandel führen: begonnen und abgeschlossen je Modul',
      hidden: true,
    });
    const module = within(funnel).getByRole('rowheader', { name: 'Freiraum geben', hidden: true }).closest('tr')!;
    expect(rowCells(module)).toEqual(['2', '6', 'weniger als 5']);
  });

  it('turns a period preset into dates, and checks a custom range before asking', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 3, 15, 10, 0));
    const user = userEvent.setup();
    const { calls } = setup();
    const { router } = renderApp('/hr/dashboard');
    await kpi('Eingeschrieben');

    await user.selectOptions(screen.getByLabelText('Zeitraum'), 'last-month');
    await waitFor(() =>
      expect(Object.fromEntries(dashboardCalls(calls).at(-1)!.query)).toEqual({ from: '2026-03-01', to: '2026-03-31' }),
    );
    expect(router.state.location.search).toBe('?period=last-month');

    await user.selectOptions(screen.getByLabelText('Zeitraum'), 'last-12-weeks');
    await waitFor(() =>
      expect(Object.fromEntries(dashboardCalls(calls).at(-1)!.query)).toEqual({ from: '2026-01-26', to: '2026-04-15' }),
    );

    // A custom range starts from the dates on screen.
    await user.selectOptions(screen.getByLabelText('Zeitraum'), 'custom');
    expect(screen.getByLabelText('Von')).toHaveValue('2026-03-01');
    expect(screen.getByLabelText('Bis')).toHaveValue('2026-03-31');
    const before = dashboardCalls(calls).length;
    fireEvent.change(screen.getByLabelText('Bis'), { target: { value: '2026-02-01' } });
    expect(await screen.findByText('„Bis“ darf nicht vor „Von“ liegen.')).toBeInTheDocument();
    expect(screen.getByLabelText('Bis')).toHaveAttribute('aria-invalid', 'true');
    expect(dashboardCalls(calls)).toHaveLength(before);
    // The last figures stay on screen meanwhile.
    expect((await kpi('Eingeschrieben')).value).toBe('48');
  });

  it('waits for both dates of a custom period before asking', async () => {
    const { calls } = setup();
    renderApp('/hr/dashboard?period=custom');
    expect(await screen.findByText('Wählen Sie „Von“ und „Bis“, um den Zeitraum anzuzeigen.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Von'), { target: { value: '2026-02-01' } });
    fireEvent.change(screen.getByLabelText('Bis'), { target: { value: '2026-02-28' } });
    expect((await kpi('Eingeschrieben')).value).toBe('48');
    expect(dashboardCalls(calls).map((c) => Object.fromEntries(c.query))).toEqual([
      { from: '2026-02-01', to: '2026-02-28' },
    ]);
  });

  it('shows an error with a retry, and an empty state when nobody has a learning path', async () => {
    let answer: StubResponse = { status: 500, body: errorBody(500, 'internal', 'Boom') };
    setup({ dashboard: () => answer });
    renderApp('/hr/dashboard');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Konnte nicht geladen werden');

    answer = {
      body: buildHrDashboard({
        totals: buildGroupFigures({ enrolled: v(0), active: v(0) }),
        byDepartment: [],
        byTrack: [],
        funnel: [],
        trends: [],
      }),
    };
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByText('Noch keine Daten')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('is for HR and admins only', async () => {
    const { calls } = setup({ roles: ['employee', 'manager'] });
    renderApp('/hr/dashboard');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeInTheDocument();
    expect(dashboardCalls(calls)).toHaveLength(0);
  });
});
