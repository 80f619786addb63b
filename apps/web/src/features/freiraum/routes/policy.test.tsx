import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { POLICY } from '../testing/builders';

function setup(put: Parameters<typeof on.put>[1] = (req) => ({ body: req.body })) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee', 'admin']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/freiraum/policy', { body: POLICY }),
    on.put('/api/freiraum/policy', put),
  ]);
}

describe('Freiraum policy (admin)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('saves the period kind, hours and escalation days', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup();
    renderApp('/admin/freiraum');
    expect(await screen.findByRole('heading', { level: 1, name: 'Freiraum-Regeln' })).toBeInTheDocument();
    const defaultHours = await screen.findByLabelText('Standard-Stunden je Person');
    expect(defaultHours).toHaveValue(8);
    await user.selectOptions(screen.getByLabelText('Zeitraum'), 'quarter');
    await user.clear(defaultHours);
    await user.type(defaultHours, '24');
    await user.clear(screen.getByLabelText('Höchstens je Person und Zeitraum'));
    await user.type(screen.getByLabelText('Höchstens je Person und Zeitraum'), '40');
    await user.clear(screen.getByLabelText('Eskalation nach Tagen'));
    await user.type(screen.getByLabelText('Eskalation nach Tagen'), '3');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() =>
      expect(callsTo('PUT', '/api/freiraum/policy')[0]?.body).toEqual({
        periodKind: 'quarter',
        defaultHours: 24,
        maxHours: 40,
        escalationDays: 3,
      }),
    );
    expect(await screen.findByText('Freiraum-Regeln gespeichert.')).toBeInTheDocument();
  });

  it('checks the fields and shows the server’s field errors', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup({
      status: 400,
      body: errorBody(400, 'validation_failed', 'Invalid body', [
        { field: 'maxHours', message: 'must be in half-hour steps (0.5, 1, 1.5, …)' },
      ]),
    });
    renderApp('/admin/freiraum');
    const defaultHours = await screen.findByLabelText('Standard-Stunden je Person');
    await user.clear(defaultHours);
    await user.type(defaultHours, '20');
    await user.clear(screen.getByLabelText('Eskalation nach Tagen'));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(defaultHours).toHaveAccessibleDescription(/Darf nicht höher sein als das Höchstmaß\./);
    expect(screen.getByLabelText('Eskalation nach Tagen')).toHaveAccessibleDescription(/Bitte ausfüllen\./);
    expect(callsTo('PUT', '/api/freiraum/policy')).toHaveLength(0);

    await user.clear(defaultHours);
    await user.type(defaultHours, '8');
    await user.type(screen.getByLabelText('Eskalation nach Tagen'), '5');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Bitte prüfen Sie die markierten Felder.')).toBeInTheDocument();
    expect(screen.getByLabelText('Höchstens je Person und Zeitraum')).toHaveAccessibleDescription(
      /Bitte in halben Stunden/,
    );
  });

  it('is for admins only', async () => {
    stubFetch([
      on.post('/api/auth/refresh', { body: buildSession(['employee', 'manager', 'hr']) }),
      on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    ]);
    renderApp('/admin/freiraum');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeInTheDocument();
  });
});
