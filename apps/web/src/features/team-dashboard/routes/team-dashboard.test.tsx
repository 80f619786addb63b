import type { Role, TeamDashboard } from '@freiraum/contracts';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { buildMember, buildTeamDashboard, TOM } from '../testing/builders';

function setup(
  dashboard: TeamDashboard | 403,
  {
    hasDirectReports = true,
    language = null as 'en' | null,
    roles = ['employee', 'manager'] as Role[],
  }: { hasDirectReports?: boolean; language?: 'en' | null; roles?: Role[] } = {},
) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(roles, { hasDirectReports, language }) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/dashboards/team', () =>
      dashboard === 403
        ? { status: 403, body: errorBody(403, 'forbidden', 'Only managers with direct reports have a team dashboard') }
        : { body: dashboard },
    ),
  ]);
}

const rowOf = (table: HTMLElement, name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!;

describe('team overview', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists direct reports with path, progress as bar and text, overdue assignments and Freiraum; no last-activity column by default', async () => {
    setup(buildTeamDashboard());
    renderApp('/team');
    expect(await screen.findByRole('heading', { level: 1, name: 'Team-Übersicht' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Direkte Mitarbeitende und ihr Fortschritt' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Lernpfad', 'Module', 'Überfällige Zuweisungen', 'Freiraum verfügbar']);
    const lena = rowOf(table, 'Lena Hoffmann');
    expect(within(lena).getByText('KI im Vertrieb')).toBeInTheDocument();
    const bar = within(lena).getByRole('progressbar', { name: 'Fortschritt von Lena Hoffmann' });
    expect(bar).toHaveAttribute('aria-valuetext', '1 von 4');
    expect(within(lena).getByText('1 von 4')).toBeInTheDocument();
    expect(lena).toHaveTextContent('6 Stunden von 8 Stunden');
    expect(lena).toHaveTextContent('2 Stunden beantragt');

    const tom = rowOf(table, 'Tom Weber');
    expect(within(tom).getByText('kein Lernpfad')).toBeInTheDocument();
    expect(within(tom).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(tom).getAllByRole('cell')[2]).toHaveTextContent('2');
    // Privacy (PRODUCT.md §6): the page says why there is no last-activity column.
    expect(
      screen.getByText(/nur, wenn Ihre Organisation das in den Datenschutz-Einstellungen erlaubt/),
    ).toBeInTheDocument();
  });

  it('links what waits for the manager, with the counts in the link names', async () => {
    setup(buildTeamDashboard());
    renderApp('/team');
    expect(await screen.findByRole('link', { name: '1 Freiraum-Antrag zu entscheiden' })).toHaveAttribute(
      'href',
      '/freiraum/approvals',
    );
    expect(screen.getByRole('link', { name: '3 Praxisaufgaben zu prüfen' })).toHaveAttribute('href', '/reviews');
    expect(screen.getByRole('link', { name: '0 offene Hinweise im Team' })).toHaveAttribute('href', '/flags');
  });

  it('shows the team’s Freiraum totals and the manager’s leadership path beside the team average', async () => {
    setup(buildTeamDashboard());
    renderApp('/team');
    const freiraum = (
      await screen.findByRole('heading', { level: 2, name: 'Freiraum im Team · November 2026' })
    ).closest('section')!;
    const figure = (label: string) => within(freiraum).getByText(label).nextElementSibling?.textContent;
    expect(figure('Zugeteilt')).toBe('16 Stunden');
    expect(figure('Offen')).toBe('2 Stunden');
    expect(figure('Genehmigt')).toBe('3 Stunden');
    expect(figure('Davon genutzt')).toBe('1 Stunde');
    expect(figure('Übrig')).toBe('11 Stunden');
    expect(within(freiraum).getByRole('link', { name: 'Team-Freiraum verwalten' })).toHaveAttribute(
      'href',
      '/freiraum/team',
    );

    const own = screen.getByRole('heading', { level: 2, name: 'Ihr Führungspfad' }).closest('section')!;
    expect(within(own).getByRole('progressbar', { name: 'Ihr Fortschritt in Führen mit KI' })).toHaveAttribute(
      'aria-valuetext',
      '2 von 5 Modulen abgeschlossen (40\u00a0%)',
    );
    expect(within(own).getByRole('progressbar', { name: 'Team-Durchschnitt' })).toHaveAttribute(
      'aria-valuetext',
      'Im Schnitt 25\u00a0% des eigenen Lernpfads abgeschlossen',
    );
    expect(within(own).getByRole('link', { name: 'Pfad öffnen' })).toHaveAttribute(
      'href',
      '/learning/paths/leadership',
    );
  });

  it('shows the last-activity column when the organisation allows it', async () => {
    setup(
      buildTeamDashboard({
        showsLastActivity: true,
        members: [
          buildMember({ lastActiveAt: '2026-11-17T09:05:00.000Z' }),
          buildMember({ userId: TOM, name: 'Tom Weber', lastActiveAt: null }),
        ],
      }),
    );
    renderApp('/team');
    const table = await screen.findByRole('table', { name: 'Direkte Mitarbeitende und ihr Fortschritt' });
    expect(within(table).getByRole('columnheader', { name: 'Zuletzt aktiv' })).toBeInTheDocument();
    expect(within(rowOf(table, 'Lena Hoffmann')).getByText(/17\.11\.2026|17\. Nov\. 2026/)).toHaveAttribute(
      'datetime',
      '2026-11-17T09:05:00.000Z',
    );
    expect(within(rowOf(table, 'Tom Weber')).getByText('noch keine Aktivität')).toBeInTheDocument();
    expect(screen.queryByText(/Datenschutz-Einstellungen erlaubt/)).not.toBeInTheDocument();
  });

  it('says the team average is not there while nobody has a path', async () => {
    setup(
      buildTeamDashboard({
        teamCompletion: null,
        own: { pathSlug: null, pathTitleDe: null, pathTitleEn: null, modulesDone: 0, modulesTotal: 0 },
      }),
    );
    renderApp('/team');
    const own = (await screen.findByRole('heading', { level: 2, name: 'Ihr Führungspfad' })).closest('section')!;
    expect(within(own).getByText('Ihnen ist noch kein Führungspfad zugeordnet.')).toBeInTheDocument();
    expect(within(own).getByText('Noch hat niemand in Ihrem Team einen Lernpfad.')).toBeInTheDocument();
    expect(within(own).queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('tells someone without direct reports that there is no team, without asking the API', async () => {
    const { callsTo } = setup(buildTeamDashboard(), { hasDirectReports: false, roles: ['employee', 'hr'] });
    renderApp('/team');
    expect(await screen.findByText('Noch kein Team')).toBeInTheDocument();
    expect(callsTo('GET', '/api/dashboards/team')).toHaveLength(0);
  });

  it('shows the same when the API refuses (the last report left meanwhile)', async () => {
    setup(403);
    renderApp('/team');
    expect(await screen.findByText('Noch kein Team')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reads in English for an English-speaking account', async () => {
    setup(buildTeamDashboard(), { language: 'en' });
    renderApp('/team');
    expect(await screen.findByRole('heading', { level: 1, name: 'Team overview' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Direct reports and their progress' });
    expect(within(rowOf(table, 'Lena Hoffmann')).getByText('AI in sales')).toBeInTheDocument();
    expect(rowOf(table, 'Lena Hoffmann')).toHaveTextContent('6 hours of 8 hours');
    expect(screen.getByRole('link', { name: '3 practice submissions to review' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Your leadership path' })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Team average' })).toHaveAttribute(
      'aria-valuetext',
      'On average 25% of their own learning path complete',
    );
  });
});
