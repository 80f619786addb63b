import type { HomeDashboard, Role } from '@freiraum/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildFirstDay, buildHomeDashboard } from '../../features/home-dashboard/testing/builders';
import { errorBody, on, stubFetch } from '../../testing/fetch-stub';
import { buildSession, demoTracks } from '../../testing/factories';
import { renderApp } from '../../testing/render';

function setup(
  dashboard: HomeDashboard | 'error',
  { roles = ['employee'] as Role[], language = null as 'en' | null } = {},
) {
  let fail = dashboard === 'error';
  const stub = stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(roles, { language }) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/notifications', { body: { items: [], unread: 0 } }),
    on.get('/api/tracks', { body: demoTracks() }),
    on.get('/api/dashboards/me', () =>
      fail
        ? { status: 500, body: errorBody(500, 'internal', 'Something went wrong') }
        : { body: dashboard === 'error' ? buildHomeDashboard() : dashboard },
    ),
  ]);
  return { ...stub, recover: () => (fail = false) };
}

const card = async (name: string | RegExp) =>
  (await screen.findByRole('heading', { level: 2, name })).closest('section')!;

describe('home: the employee dashboard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the next step with a link to continue, and the path progress as a bar and as text', async () => {
    setup(buildHomeDashboard());
    renderApp('/');
    const next = await card('Ihr nächster Schritt');
    expect(within(next).getByText('Gute Prompts')).toBeInTheDocument();
    expect(within(next).getByText('Begonnen')).toBeInTheDocument();
    expect(within(next).getByText('ca. 25 Min.')).toBeInTheDocument();
    expect(within(next).getByRole('link', { name: 'Weiter lernen' })).toHaveAttribute(
      'href',
      '/learning/modules/prompting',
    );
    expect(within(next).getByRole('link', { name: 'Lernpfad öffnen' })).toHaveAttribute(
      'href',
      '/learning/paths/sales',
    );
    const bar = within(next).getByRole('progressbar', { name: 'Fortschritt in KI im Vertrieb' });
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(bar).toHaveAttribute('aria-valuemax', '4');
    expect(bar).toHaveAttribute('aria-valuetext', '1 von 4 Modulen abgeschlossen');
    expect(within(next).getByText('1 von 4 Modulen abgeschlossen')).toBeInTheDocument();
  });

  it('shows the Freiraum balance with a link to plan time', async () => {
    setup(buildHomeDashboard());
    renderApp('/');
    const freiraum = await card('Ihr Freiraum · November 2026');
    const figure = (label: string) => within(freiraum).getByText(label).nextElementSibling?.textContent;
    expect(figure('Zugeteilt')).toBe('8 Stunden');
    expect(figure('Offen')).toBe('1,5 Stunden');
    expect(figure('Genehmigt')).toBe('4 Stunden');
    expect(figure('Davon genutzt')).toBe('2 Stunden');
    expect(figure('Übrig')).toBe('2,5 Stunden');
    expect(within(freiraum).getByRole('link', { name: 'Zum Freiraum' })).toHaveAttribute('href', '/freiraum');
    // Time already booked: no invitation to book the first slot.
    expect(within(freiraum).queryByRole('link', { name: 'Ersten Slot beantragen' })).not.toBeInTheDocument();
  });

  it('lists feedback with its verdict and note, and the latest journal entries with kudos', async () => {
    setup(buildHomeDashboard());
    renderApp('/');
    const feedback = await card('Rückmeldungen');
    const items = within(feedback).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0]).getByText('Überarbeitung erbeten')).toBeInTheDocument();
    expect(within(items[0]).getByRole('link', { name: 'Selbst ausprobieren' })).toHaveAttribute(
      'href',
      '/learning/modules/intro',
    );
    expect(items[0]).toHaveTextContent('Anmerkung: Bitte beschreiben Sie die Prüfung genauer.');
    expect(within(items[1]).getByText('Hinweis ausgeräumt')).toBeInTheDocument();
    expect(within(items[1]).getByRole('link', { name: 'Angebot mit neuem Werkzeug' })).toHaveAttribute(
      'href',
      '/journal',
    );
    expect(items[1]).toHaveTextContent('Daten waren anonymisiert.');
    expect(within(items[2]).getByText('Nicht bestanden')).toBeInTheDocument();

    const journal = await card('Ihr Experiment-Journal');
    expect(within(journal).getByRole('link', { name: 'Zum Journal' })).toHaveAttribute('href', '/journal');
    const entries = within(journal).getAllByRole('listitem');
    expect(entries[0]).toHaveTextContent('Gescheitert');
    expect(entries[0]).toHaveTextContent('Protokoll zusammenfassen');
    expect(entries[0]).toHaveTextContent('Privat · 0 Anerkennungen');
    expect(entries[1]).toHaveTextContent('Mit dem Team geteilt · 2 Anerkennungen');
  });

  it('keeps the profile and the notifications on the page', async () => {
    setup(buildHomeDashboard());
    renderApp('/');
    const profile = await card('Ihr Profil');
    expect(within(profile).getByText('Vertrieb', { selector: 'dd' })).toBeInTheDocument();
    expect(await card('Ungelesene Benachrichtigungen')).toBeInTheDocument();
  });

  it('invites the first steps when nothing has happened yet', async () => {
    setup(buildFirstDay());
    renderApp('/');
    const next = await card('Ihr nächster Schritt');
    expect(within(next).getByText('Noch nicht begonnen')).toBeInTheDocument();
    expect(within(next).getByText(/Beginnen Sie mit der ersten Lektion/)).toBeInTheDocument();
    expect(within(next).getByRole('link', { name: 'Weiter lernen' })).toHaveAttribute(
      'href',
      '/learning/modules/intro',
    );

    const freiraum = await card('Ihr Freiraum · 4. Quartal 2026');
    expect(freiraum).toHaveTextContent('Sie haben 8 Stunden geschützte Zeit für Experimente in diesem Zeitraum.');
    expect(within(freiraum).getByRole('link', { name: 'Ersten Slot beantragen' })).toHaveAttribute('href', '/freiraum');

    const feedback = await card('Rückmeldungen');
    expect(within(feedback).getByText('Noch keine Rückmeldungen')).toBeInTheDocument();
    expect(within(feedback).getByRole('link', { name: 'Zur nächsten Übung' })).toHaveAttribute(
      'href',
      '/learning/modules/intro',
    );

    const journal = await card('Ihr Experiment-Journal');
    expect(within(journal).getByText('Noch keine Experimente festgehalten')).toBeInTheDocument();
    expect(within(journal).getByRole('link', { name: 'Ersten Eintrag schreiben' })).toHaveAttribute(
      'href',
      '/journal/new',
    );
  });

  it('without a path, invites a look at the learning paths; a finished path says so', async () => {
    setup(buildHomeDashboard({ path: null, nextStep: null }));
    const { unmount } = renderApp('/');
    const next = await card('Ihr nächster Schritt');
    expect(within(next).getByText('Noch kein Lernpfad')).toBeInTheDocument();
    expect(within(next).getByRole('link', { name: 'Lernpfade ansehen' })).toHaveAttribute('href', '/learning');
    expect(within(next).queryByRole('progressbar')).not.toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();

    const done = buildHomeDashboard();
    setup({ ...done, path: { ...done.path!, modulesDone: 4 }, nextStep: null });
    renderApp('/');
    const finished = await card('Ihr nächster Schritt');
    expect(within(finished).getByText('Lernpfad abgeschlossen')).toBeInTheDocument();
    expect(within(finished).getByText(/alle Module von „KI im Vertrieb“/)).toBeInTheDocument();
    expect(within(finished).getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      '4 von 4 Modulen abgeschlossen',
    );
  });

  it('shows an error with a retry when the dashboard cannot load, and keeps the rest of the page', async () => {
    const user = userEvent.setup();
    const { recover, callsTo } = setup('error');
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Konnte nicht geladen werden');
    expect(await card('Ihr Profil')).toBeInTheDocument();
    recover();
    await user.click(within(alert).getByRole('button', { name: 'Erneut versuchen' }));
    expect(await card('Ihr nächster Schritt')).toBeInTheDocument();
    expect(callsTo('GET', '/api/dashboards/me')).toHaveLength(2);
  });

  it('reads in English for an English-speaking account', async () => {
    setup(buildHomeDashboard(), { language: 'en' });
    renderApp('/');
    const next = await card('Your next step');
    expect(within(next).getByText('Good prompts')).toBeInTheDocument();
    expect(within(next).getByRole('link', { name: 'Continue' })).toBeInTheDocument();
    expect(within(next).getByRole('progressbar', { name: 'Progress in AI in sales' })).toHaveAttribute(
      'aria-valuetext',
      '1 of 4 modules complete',
    );
    const freiraum = await card('Your Freiraum · November 2026');
    expect(within(freiraum).getByText('Left').nextElementSibling?.textContent).toBe('2.5 hours');
    const feedback = await card('Feedback');
    expect(within(feedback).getByRole('link', { name: 'Try it yourself' })).toBeInTheDocument();
    expect(within(feedback).getByText('Revision requested')).toBeInTheDocument();
    expect(await card('Your experiment journal')).toHaveTextContent('Shared with the team · 2 kudos');
  });
});
