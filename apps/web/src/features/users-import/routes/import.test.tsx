import type { ImportResult } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch, type StubRequest } from '../../../testing/fetch-stub';
import { buildSession, demoTracks } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const row = (
  line: number,
  email: string,
  action: ImportResult['preview'][number]['action'],
  extra: Partial<ImportResult['preview'][number]> = {},
) => ({
  line,
  email,
  action,
  firstName: 'Anna',
  lastName: 'Becker',
  department: 'Vertrieb',
  track: 'sales',
  managerEmail: 'manager@muster.example',
  roles: ['employee' as const],
  changes: [],
  ...extra,
});

const withErrors: ImportResult = {
  dryRun: true,
  encoding: 'windows-1252',
  delimiter: ';',
  rows: 3,
  created: 1,
  updated: 1,
  unchanged: 0,
  errors: [
    { line: 4, field: 'email', message: 'must be a valid e-mail address' },
    { line: 4, field: 'roles', message: 'unknown role "boss" (use employee, manager, hr, admin)' },
  ],
  preview: [
    row(2, 'anna.becker@example.com', 'create'),
    row(3, 'sales@muster.example', 'update', { changes: ['department'] }),
    row(4, 'kaputt', 'error', { firstName: 'Karl', lastName: 'Kaputt' }),
  ],
  newDepartments: ['Vertrieb Süd'],
};

const clean: ImportResult = {
  ...withErrors,
  rows: 2,
  errors: [],
  preview: withErrors.preview.slice(0, 2),
  newDepartments: [],
};

function setup(dryRunResult: ImportResult) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['hr', 'employee']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/tracks', { body: demoTracks() }),
    on.post('/api/users/import', (req: StubRequest) =>
      req.query.get('dryRun') === 'true' ? { body: dryRunResult } : { body: { ...dryRunResult, dryRun: false } },
    ),
  ]);
}

const csv = () =>
  new File(['email;first_name;last_name\r\nanna.becker@example.com;Anna;Becker\r\n'], 'mitarbeitende.csv', {
    type: 'text/csv',
  });

describe('CSV import page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the chosen file as a dry run (raw bytes as text/csv) and shows errors by line, field and reason', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(withErrors);
    renderApp('/admin/import');

    const file = csv();
    await user.upload(await screen.findByLabelText('CSV-Datei auswählen'), file);

    const errors = await screen.findByRole('table', { name: 'Fehler' });
    const errorRows = within(errors).getAllByRole('row').slice(1);
    expect(
      errorRows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['4', 'email', 'must be a valid e-mail address'],
      ['4', 'roles', 'unknown role "boss" (use employee, manager, hr, admin)'],
    ]);

    const preview = screen.getByRole('table', { name: 'Vorschau je Zeile' });
    const previewRows = within(preview).getAllByRole('row').slice(1);
    expect(previewRows).toHaveLength(3);
    expect(within(previewRows[0]).getByText('Neu')).toBeInTheDocument();
    expect(within(previewRows[1]).getByText('Aktualisieren')).toBeInTheDocument();
    expect(within(previewRows[1]).getByText('department')).toBeInTheDocument();
    expect(within(previewRows[2]).getByText('Fehler')).toBeInTheDocument();

    expect(screen.getByText(/2 Fehler gefunden/)).toBeInTheDocument();
    expect(screen.getByText(/Zeichensatz windows-1252, Trennzeichen Semikolon/)).toBeInTheDocument();
    expect(screen.getByText(/Neue Abteilungen: Vertrieb Süd/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '2. Importieren' })).toBeDisabled();

    const [request] = callsTo('POST', '/api/users/import');
    expect(request.query.get('dryRun')).toBe('true');
    expect(request.headers['content-type']).toBe('text/csv');
    expect(request.body).toBe(file);
  });

  it('imports for real only after a clean dry run', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(clean);
    renderApp('/admin/import');

    await user.upload(await screen.findByLabelText('CSV-Datei auswählen'), csv());
    expect(await screen.findByText('Keine Fehler gefunden: 2 Zeilen können importiert werden.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Fehler' })).not.toBeInTheDocument();

    const submit = screen.getByRole('button', { name: '2. Importieren' });
    expect(submit).toBeEnabled();
    await user.click(submit);

    expect(await screen.findByRole('heading', { name: 'Import abgeschlossen' })).toBeInTheDocument();
    await waitFor(() =>
      expect(callsTo('POST', '/api/users/import').map((c) => c.query.get('dryRun'))).toEqual(['true', 'false']),
    );
  });

  it('explains the columns and offers a sample file', async () => {
    setup(clean);
    renderApp('/admin/import');
    const columns = await screen.findByRole('list', { name: 'Spalten' });
    expect(
      within(columns)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['email', 'first_name', 'last_name', 'department', 'track', 'manager_email', 'roles']);
    expect(screen.getByRole('link', { name: 'Beispieldatei herunterladen (CSV)' })).toHaveAttribute('download');
  });
});
