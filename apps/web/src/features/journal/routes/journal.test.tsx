import type { JournalEntry } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { buildEntry } from '../testing/builders';

function setup(items: JournalEntry[], patch?: Parameters<typeof on.patch>[1], language: 'de' | 'en' | null = null) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee'], { language }) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/journal', (req) => {
      const offset = Number(req.query.get('offset') ?? 0);
      const limit = Number(req.query.get('limit') ?? 20);
      return { body: { items: items.slice(offset, offset + limit), total: items.length } };
    }),
    ...(patch ? [on.patch(/^\/api\/journal\/[^/]+\/visibility$/, patch)] : []),
  ]);
}

const card = async (goal: string) =>
  (await screen.findByRole('heading', { level: 2, name: goal })).closest('article') as HTMLElement;

describe('my experiment journal', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a failed entry as a result like any other, and why a flagged one cannot be shared', async () => {
    setup([
      buildEntry({
        goal: 'Lieferantenvergleich mit ChatGPT',
        outcome: 'failed',
        minutesSaved: 0,
        learned: 'Preislisten als PDF liest es unzuverlässig.',
        visibility: 'team',
        kudosCount: 3,
      }),
      buildEntry({
        goal: 'Bewerbungen vorsortieren',
        toolId: 'other',
        toolName: 'FreeGPT',
        dataClass: 'personal',
        outcome: 'partly',
        flag: {
          id: 'c0000000-0000-4000-8000-000000000002',
          status: 'confirmed',
          reason: 'unlisted_tool',
          decisionNote: 'Bewerbungsdaten gehören nicht in freie Werkzeuge.',
        },
        shareBlockedReason: 'FreeGPT is not an approved tool; the flag was confirmed, so this entry stays private',
      }),
    ]);
    renderApp('/journal');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mein Experiment-Journal' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Neuer Eintrag' })).toHaveAttribute('href', '/journal/new');

    const failed = await card('Lieferantenvergleich mit ChatGPT');
    expect(within(failed).getByText('Gescheitert')).toHaveClass('badge', 'outcome-badge--failed');
    expect(within(failed).getByText('Preislisten als PDF liest es unzuverlässig.')).toBeInTheDocument();
    expect(within(failed).getByText('0 Minuten')).toBeInTheDocument();
    expect(within(failed).getByText('Mein Team', { selector: 'dd' })).toBeInTheDocument();
    expect(within(failed).queryByText('Warum kann ich das nicht teilen?')).not.toBeInTheDocument();

    const flagged = await card('Bewerbungen vorsortieren');
    expect(within(flagged).getByText('Teilweise')).toBeInTheDocument();
    expect(within(flagged).getByText('Hinweis bestätigt')).toBeInTheDocument();
    expect(
      within(flagged).getByRole('heading', { level: 3, name: 'Warum kann ich das nicht teilen?' }),
    ).toBeInTheDocument();
    expect(
      within(flagged).getByText(
        'FreeGPT ist nicht in der KI-Richtlinie freigegeben und darf nur öffentliche Daten erhalten – angegeben war „Personenbezogen“. Der Hinweis wurde bestätigt, deshalb bleibt der Eintrag privat.',
      ),
    ).toBeInTheDocument();
    expect(within(flagged).getByText('Bewerbungsdaten gehören nicht in freie Werkzeuge.')).toBeInTheDocument();
    // Only "private" is offered while the flag stands.
    expect(within(flagged).getByRole('option', { name: 'Mein Team' })).toBeDisabled();
    expect(within(flagged).getByLabelText('Sichtbarkeit')).toHaveAccessibleDescription(
      'Teilen ist erst möglich, wenn der Hinweis zur KI-Richtlinie ausgeräumt ist.',
    );
  });

  it('changes who sees an entry, and shows the API’s refusal', async () => {
    const user = userEvent.setup();
    const entry = buildEntry({ goal: 'Protokolle zusammenfassen' });
    let refuse = false;
    const { callsTo } = setup([entry], (req) =>
      refuse
        ? { status: 409, body: errorBody(409, 'conflict', 'A flag on this entry is open; it cannot be shared yet') }
        : { body: { ...entry, visibility: (req.body as { visibility: JournalEntry['visibility'] }).visibility } },
    );
    renderApp('/journal');
    const article = await card('Protokolle zusammenfassen');
    const save = within(article).getByRole('button', { name: 'Sichtbarkeit speichern' });
    expect(save).toBeDisabled();
    await user.selectOptions(within(article).getByLabelText('Sichtbarkeit'), 'Ganze Organisation');
    await user.click(save);
    await waitFor(() =>
      expect(callsTo('PATCH', `/api/journal/${entry.id}/visibility`)[0]?.body).toEqual({ visibility: 'organization' }),
    );
    expect(await screen.findByText('Sichtbarkeit geändert: Ganze Organisation.')).toBeInTheDocument();
    expect(within(article).getByRole('button', { name: 'Sichtbarkeit speichern' })).toBeDisabled();

    refuse = true;
    await user.selectOptions(within(article).getByLabelText('Sichtbarkeit'), 'Mein Team');
    await user.click(within(article).getByRole('button', { name: 'Sichtbarkeit speichern' }));
    expect(await within(article).findByRole('alert')).toHaveTextContent(
      'Das geht so nicht: A flag on this entry is open; it cannot be shared yet',
    );
  });

  it('pages through many entries', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 25 }, (_, i) => buildEntry({ goal: `Versuch Nummer ${i + 1}` }));
    const { callsTo } = setup(many);
    renderApp('/journal');
    await card('Versuch Nummer 1');
    await user.click(screen.getByRole('button', { name: 'Weiter' }));
    await card('Versuch Nummer 21');
    expect(callsTo('GET', '/api/journal').at(-1)?.query.get('offset')).toBe('20');
  });

  it('shows an empty journal with a way to start', async () => {
    setup([]);
    renderApp('/journal');
    expect(await screen.findByText('Noch keine Einträge')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Neuer Eintrag' })).toHaveLength(2);
  });

  it('reads in English for an English-speaking account', async () => {
    setup(
      [
        buildEntry({
          goal: 'Summarise supplier offers',
          outcome: 'failed',
          minutesSaved: 1,
          dataClass: 'confidential',
          toolName: 'FreeGPT',
          flag: {
            id: 'c0000000-0000-4000-8000-000000000003',
            status: 'open',
            reason: 'unlisted_tool',
            decisionNote: null,
          },
          shareBlockedReason: 'FreeGPT is not an approved tool in the AI policy',
        }),
      ],
      undefined,
      'en',
    );
    renderApp('/journal');
    expect(await screen.findByRole('heading', { level: 1, name: 'My experiment journal' })).toBeInTheDocument();
    const article = await card('Summarise supplier offers');
    expect(within(article).getByText('Failed')).toBeInTheDocument();
    expect(within(article).getByText('1 minute')).toBeInTheDocument();
    expect(within(article).getByRole('heading', { level: 3, name: "Why can't I share this?" })).toBeInTheDocument();
    expect(
      within(article).getByText(
        'FreeGPT is not approved in the AI policy and may receive public data only – the data given was “Confidential”. Your manager is checking the flag. Until it is cleared, the entry stays private.',
      ),
    ).toBeInTheDocument();
  });
});
