import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession, demoTracks } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const TOKEN = 'a'.repeat(43);
const noSession = on.post('/api/auth/refresh', {
  status: 401,
  body: errorBody(401, 'unauthenticated', 'No refresh token'),
});

describe('set a password through a one-time link', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows whose account the invitation is for, checks the password, then signs in', async () => {
    const user = userEvent.setup();
    const session = buildSession(['employee'], { firstName: 'Nina' });
    const { callsTo } = stubFetch([
      noSession,
      on.get(`/api/auth/tokens/${TOKEN}`, {
        body: {
          purpose: 'invite',
          email: 'nina@muster.example',
          firstName: 'Nina',
          expiresAt: '2026-12-01T10:00:00.000Z',
        },
      }),
      on.post('/api/auth/password/set', { body: session }),
      on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
      on.get('/api/notifications', { body: { items: [], unread: 0 } }),
      on.get('/api/tracks', { body: demoTracks() }),
    ]);
    const { router } = renderApp(`/welcome?token=${TOKEN}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Willkommen, Nina' })).toBeInTheDocument();
    expect(screen.getByText(/nina@muster\.example/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Neues Passwort'), 'kurz');
    await user.click(screen.getByRole('button', { name: 'Passwort festlegen und starten' }));
    expect(screen.getByLabelText('Neues Passwort')).toHaveAccessibleDescription(/Mindestens 12 Zeichen\./);
    expect(callsTo('POST', '/api/auth/password/set')).toHaveLength(0);

    await user.clear(screen.getByLabelText('Neues Passwort'));
    await user.type(screen.getByLabelText('Neues Passwort'), 'ein-langes-passwort');
    await user.type(screen.getByLabelText('Neues Passwort wiederholen'), 'ein-anderes-passwort');
    await user.click(screen.getByRole('button', { name: 'Passwort festlegen und starten' }));
    expect(screen.getByLabelText('Neues Passwort wiederholen')).toHaveAccessibleDescription(
      'Die beiden Passwörter stimmen nicht überein.',
    );

    await user.clear(screen.getByLabelText('Neues Passwort wiederholen'));
    await user.type(screen.getByLabelText('Neues Passwort wiederholen'), 'ein-langes-passwort');
    await user.click(screen.getByRole('button', { name: 'Passwort festlegen und starten' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(callsTo('POST', '/api/auth/password/set')[0].body).toEqual({
      token: TOKEN,
      newPassword: 'ein-langes-passwort',
    });
    expect(await screen.findByRole('heading', { level: 1, name: /Nina/ })).toBeInTheDocument();
  });

  it('explains an expired or used link and offers a new one', async () => {
    const { callsTo } = stubFetch([
      noSession,
      on.get(`/api/auth/tokens/${TOKEN}`, { status: 404, body: errorBody(404, 'not_found', 'Link not found') }),
    ]);
    renderApp(`/reset-password?token=${TOKEN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dieser Link gilt nicht mehr' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Neuen Link anfordern' })).toHaveAttribute('href', '/forgot-password');
    expect(callsTo('GET', `/api/auth/tokens/${TOKEN}`)).toHaveLength(1);
  });
});
