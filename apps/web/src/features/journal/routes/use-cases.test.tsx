import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession, demoTracks } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { buildUseCase, demoPolicy } from '../testing/builders';

const DEPARTMENT = { id: 'd0000000-0000-4000-8000-000000000001', name: 'Kundendienst', userCount: 8 };

describe('use-case library', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('searches by text and filters by track, department and tool', async () => {
    const user = userEvent.setup();
    const tracks = demoTracks();
    const sales = tracks.find((t) => t.slug === 'sales')!;
    const useCase = buildUseCase({
      title: 'Angebote mit Copilot vorformulieren',
      trackId: sales.id,
      trackName: 'Vertrieb',
      departmentName: 'Kundendienst',
      outcome: 'partly',
      minutesSaved: 90,
    });
    const { callsTo } = stubFetch([
      on.post('/api/auth/refresh', { body: buildSession(['employee']) }),
      on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
      on.get('/api/tracks', { body: tracks }),
      on.get('/api/departments', { body: [DEPARTMENT] }),
      on.get('/api/organization/ai-policy', { body: demoPolicy() }),
      on.get('/api/use-cases', { body: { items: [useCase], total: 1 } }),
    ]);
    renderApp('/use-cases');
    expect(await screen.findByRole('heading', { level: 1, name: 'Use-Case-Bibliothek' })).toBeInTheDocument();
    const article = (
      await screen.findByRole('heading', { level: 2, name: 'Angebote mit Copilot vorformulieren' })
    ).closest('article')!;
    expect(within(article).getByText(/von Erika Muster/)).toBeInTheDocument();
    expect(within(article).getByText('Teilweise')).toBeInTheDocument();
    expect(within(article).getByText('90 Minuten')).toBeInTheDocument();
    expect(within(article).getByText('Vertrieb')).toBeInTheDocument();
    expect(within(article).getByText('Kundendienst')).toBeInTheDocument();
    expect(within(article).getByText('Microsoft Copilot')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Suche'), 'Angebot');
    await waitFor(() => expect(callsTo('GET', '/api/use-cases').at(-1)!.query.get('q')).toBe('Angebot'));
    // Debounced: one request for the word, not one per letter.
    expect(callsTo('GET', '/api/use-cases').filter((c) => c.query.get('q'))).toHaveLength(1);

    await user.selectOptions(await screen.findByLabelText('Tätigkeitsfeld'), 'Vertrieb');
    await user.selectOptions(await screen.findByLabelText('Abteilung'), 'Kundendienst');
    await user.selectOptions(await screen.findByLabelText('KI-Werkzeug'), 'DeepL Pro');
    await waitFor(() => {
      const q = callsTo('GET', '/api/use-cases').at(-1)!.query;
      expect({
        q: q.get('q'),
        trackId: q.get('trackId'),
        departmentId: q.get('departmentId'),
        toolId: q.get('toolId'),
        offset: q.get('offset'),
      }).toEqual({ q: 'Angebot', trackId: sales.id, departmentId: DEPARTMENT.id, toolId: 'deepl', offset: '0' });
    });
  });

  it('says when nothing matches', async () => {
    stubFetch([
      on.post('/api/auth/refresh', { body: buildSession(['employee']) }),
      on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
      on.get('/api/tracks', { body: demoTracks() }),
      on.get('/api/departments', { body: [] }),
      on.get('/api/organization/ai-policy', { body: demoPolicy() }),
      on.get('/api/use-cases', { body: { items: [], total: 0 } }),
    ]);
    renderApp('/use-cases?q=Raumfahrt');
    expect(await screen.findByText('Nichts gefunden')).toBeInTheDocument();
    expect(screen.getByLabelText('Suche')).toHaveValue('Raumfahrt');
  });
});
