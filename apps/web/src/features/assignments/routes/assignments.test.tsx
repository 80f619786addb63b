import type { AssignmentOverview } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession, buildUserSummary } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const both = (de: string, en = de) => ({ de, en });
const DEPT = '30000000-0000-4000-8000-000000000001';
const lena = buildUserSummary({ firstName: 'Lena', lastName: 'Hoffmann', email: 'sales@muster.example' });

const aggregates: AssignmentOverview = {
  individualsVisible: false,
  privacyThreshold: 5,
  people: null,
  departments: [
    {
      departmentName: 'Verwaltung',
      pathSlug: 'administration',
      pathTitle: both('KI in der Verwaltung'),
      total: 6,
      counts: { not_started: 0, in_progress: 4, complete: 1, overdue: 1 },
    },
    {
      departmentName: 'Vertrieb',
      pathSlug: 'leadership',
      pathTitle: both('KI-Wandel führen'),
      total: null,
      counts: null,
    },
  ],
};

function setup(overview: AssignmentOverview) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee', 'hr']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/departments', { body: [{ id: DEPT, name: 'Vertrieb', userCount: 6 }] }),
    on.get('/api/learning/paths', {
      body: {
        items: [
          {
            id: '40000000-0000-4000-8000-000000000001',
            slug: 'leadership',
            trackSlug: 'leadership',
            title: both('KI-Wandel führen'),
            summary: both('Für Führungskräfte.'),
            isOwnTrack: false,
            assigned: false,
            dueDate: null,
            completed: 0,
            total: 9,
            status: 'not_started',
            nextModule: null,
          },
        ],
      },
    }),
    on.get('/api/users', { body: { items: [lena], total: 1 } }),
    on.get('/api/learning/assignments', { body: overview }),
    on.post('/api/learning/assignments', { status: 201, body: { created: 1, updated: 0 } }),
  ]);
}

describe('HR assignments', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows department counts, and groups under the privacy threshold only as "fewer than N"', async () => {
    setup(aggregates);
    renderApp('/admin/assignments');
    const table = await screen.findByRole('table', { name: 'Zuweisungen je Abteilung' });
    const rows = within(table).getAllByRole('row');
    const verwaltung = rows.find((r) => within(r).queryByText('Verwaltung'))!;
    expect(
      within(verwaltung)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['KI in der Verwaltung', '6', '0', '4', '1', '1']);
    const vertrieb = rows.find((r) => within(r).queryByText('Vertrieb'))!;
    expect(within(vertrieb).getByText('weniger als 5 Personen')).toBeInTheDocument();
    expect(within(vertrieb).queryByText(/^\d+$/)).not.toBeInTheDocument();
    expect(screen.getByText(/zeigt HR nur Summen je Abteilung/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Zuweisungen je Person' })).not.toBeInTheDocument();
  });

  it('lists people where the organisation allows it', async () => {
    setup({
      ...aggregates,
      individualsVisible: true,
      people: [
        {
          userId: lena.id,
          name: 'Lena Hoffmann',
          departmentName: 'Vertrieb',
          pathSlug: 'leadership',
          pathTitle: both('KI-Wandel führen'),
          dueDate: '2026-01-10',
          status: 'overdue',
        },
      ],
    });
    renderApp('/admin/assignments');
    const table = await screen.findByRole('table', { name: 'Zuweisungen je Person' });
    const row = within(table).getByText('Lena Hoffmann').closest('tr')!;
    expect(within(row).getByText('Überfällig')).toBeInTheDocument();
    expect(within(row).getByText('10.01.2026')).toBeInTheDocument();
  });

  it('assigns a path to chosen people with a due date', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(aggregates);
    renderApp('/admin/assignments');
    await user.click(await screen.findByRole('button', { name: 'Zuweisen' }));
    expect(screen.getByLabelText('Lernpfad')).toHaveAttribute('aria-invalid', 'true');
    expect(callsTo('POST', '/api/learning/assignments')).toHaveLength(0);

    await screen.findByRole('option', { name: 'KI-Wandel führen' });
    await user.selectOptions(screen.getByLabelText('Lernpfad'), 'leadership');
    await user.type(screen.getByLabelText('Personen'), 'Lena');
    await user.click(await screen.findByRole('button', { name: /Lena Hoffmann/ }));
    expect(screen.getByRole('list', { name: '1 Person ausgewählt' })).toHaveTextContent('Lena Hoffmann');
    await user.type(screen.getByLabelText('Fällig am'), '2026-12-31');
    await user.click(screen.getByRole('button', { name: 'Zuweisen' }));

    await waitFor(() => expect(callsTo('POST', '/api/learning/assignments')).toHaveLength(1));
    expect(callsTo('POST', '/api/learning/assignments')[0].body).toEqual({
      pathSlug: 'leadership',
      userIds: [lena.id],
      departmentId: null,
      dueDate: '2026-12-31',
    });
    expect(await screen.findByText('Zugewiesen: 1 neu, 0 aktualisiert.')).toBeInTheDocument();
  });

  it('assigns a path to a whole department', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(aggregates);
    renderApp('/admin/assignments');
    await screen.findByRole('option', { name: 'KI-Wandel führen' });
    await user.selectOptions(screen.getByLabelText('Lernpfad'), 'leadership');
    await user.click(screen.getByRole('radio', { name: 'Eine ganze Abteilung' }));
    await screen.findByRole('option', { name: 'Vertrieb (6 Personen)' });
    await user.selectOptions(screen.getByLabelText('Abteilung'), DEPT);
    await user.click(screen.getByRole('button', { name: 'Zuweisen' }));
    await waitFor(() =>
      expect(callsTo('POST', '/api/learning/assignments')[0]?.body).toEqual({
        pathSlug: 'leadership',
        userIds: [],
        departmentId: DEPT,
        dueDate: null,
      }),
    );
  });
});
