import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession, demoTracks } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const noSession = on.post('/api/auth/refresh', {
  status: 401,
  body: errorBody(401, 'unauthenticated', 'No refresh token'),
});
const shellData = [
  on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
  on.get('/api/notifications', { body: { items: [], unread: 0 } }),
  on.get('/api/tracks', { body: demoTracks() }),
];

describe('sign-in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a stranger from a protected page to sign-in, remembering where they wanted to go', async () => {
    stubFetch([noSession]);
    const { router } = renderApp('/profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fprofile');
  });

  it('shows the generic error for wrong credentials and stays on the page', async () => {
    const user = userEvent.setup();
    const { callsTo } = stubFetch([
      noSession,
      on.post('/api/auth/login', {
        status: 401,
        body: errorBody(401, 'invalid_credentials', 'E-mail or password is wrong'),
      }),
    ]);
    const { router } = renderApp('/sign-in');

    await user.type(await screen.findByLabelText(/E-Mail-Adresse/), 'Sales@Muster.example');
    await user.type(screen.getByLabelText(/^Passwort/), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('E-Mail-Adresse oder Passwort ist falsch.');
    expect(callsTo('POST', '/api/auth/login')[0].body).toEqual({
      email: 'sales@muster.example',
      password: 'wrong-password',
    });
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('checks the form before sending: a bad e-mail is shown next to its field', async () => {
    const user = userEvent.setup();
    const { callsTo } = stubFetch([noSession]);
    renderApp('/sign-in');

    await user.type(await screen.findByLabelText(/E-Mail-Adresse/), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));

    const email = screen.getByLabelText(/E-Mail-Adresse/);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Bitte eine gültige E-Mail-Adresse eingeben.');
    expect(screen.getByLabelText(/^Passwort/)).toHaveAccessibleDescription('Bitte ausfüllen.');
    expect(callsTo('POST', '/api/auth/login')).toHaveLength(0);
  });

  it('says how long to wait when sign-in is throttled', async () => {
    const user = userEvent.setup();
    stubFetch([
      noSession,
      on.post('/api/auth/login', {
        status: 429,
        headers: { 'retry-after': '300' },
        body: errorBody(429, 'too_many_requests', 'Too many'),
      }),
    ]);
    renderApp('/sign-in');
    await user.type(await screen.findByLabelText(/E-Mail-Adresse/), 'sales@muster.example');
    await user.type(screen.getByLabelText(/^Passwort/), 'whatever-it-is');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bitte warten Sie 5 Minuten.');
  });

  it('signs in, goes where the person wanted to go, and keeps the token only in memory', async () => {
    const user = userEvent.setup();
    const session = buildSession(['employee'], { firstName: 'Sven', language: 'en' });
    stubFetch([noSession, on.post('/api/auth/login', { body: session }), ...shellData]);
    const { router } = renderApp('/sign-in?next=%2Fnotifications');

    await user.type(await screen.findByLabelText(/E-Mail-Adresse/), 'sales@muster.example');
    await user.type(screen.getByLabelText(/^Passwort/), 'freiraum-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));

    // The account's language (English) applies at sign-in.
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/notifications');
    expect(JSON.stringify(localStorage)).not.toContain(session.accessToken);
    expect(localStorage.getItem('freiraum.language')).toBe('en');
  });

  it('keeps a person signed in across a reload through the refresh cookie', async () => {
    const session = buildSession(['employee'], { firstName: 'Sven' });
    stubFetch([on.post('/api/auth/refresh', { body: session }), ...shellData]);
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: /Sven/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Vertrieb', { selector: 'dd' })).toBeInTheDocument());
    expect(screen.getByText('Mara Manager')).toBeInTheDocument();
  });

  it('does not follow an off-site "next" after sign-in', async () => {
    const user = userEvent.setup();
    stubFetch([noSession, on.post('/api/auth/login', { body: buildSession() }), ...shellData]);
    const { router } = renderApp('/sign-in?next=//evil.example/x');
    await user.type(await screen.findByLabelText(/E-Mail-Adresse/), 'sales@muster.example');
    await user.type(screen.getByLabelText(/^Passwort/), 'freiraum-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
