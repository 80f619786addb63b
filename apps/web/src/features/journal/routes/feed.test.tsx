import type { JournalEntry, PromoteEntry } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { buildEntry, buildUseCase } from '../testing/builders';

const card = async (goal: string) =>
  (await screen.findByRole('heading', { level: 2, name: goal })).closest('article') as HTMLElement;

function setup(items: JournalEntry[], roles: Parameters<typeof buildSession>[0] = ['employee']) {
  const byId = new Map(items.map((e) => [e.id, e]));
  const kudos = (give: boolean) => (req: { path: string }) => {
    const id = req.path.split('/')[3];
    const entry = byId.get(id)!;
    const updated = { ...entry, kudosByMe: give, kudosCount: entry.kudosCount + (give ? 1 : -1) };
    byId.set(id, updated);
    return { body: { kudosCount: updated.kudosCount, kudosByMe: updated.kudosByMe } };
  };
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(roles) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/journal/feed', () => ({ body: { items: [...byId.values()], total: byId.size } })),
    on.post(/^\/api\/journal\/[^/]+\/kudos$/, kudos(true)),
    { method: 'DELETE', path: /^\/api\/journal\/[^/]+\/kudos$/, respond: kudos(false) },
    on.post('/api/use-cases', (req) => {
      const body = req.body as PromoteEntry;
      return { status: 201, body: buildUseCase({ ...body, entryId: body.entryId }) };
    }),
  ]);
}

describe('shared experiments', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives and takes back kudos, and the count follows', async () => {
    const user = userEvent.setup();
    const entry = buildEntry({
      goal: 'Reklamationsantworten entwerfen',
      authorName: 'Jonas Becker',
      outcome: 'failed',
      visibility: 'organization',
      kudosCount: 2,
      canGiveKudos: true,
    });
    const { callsTo } = setup([
      entry,
      buildEntry({ goal: 'Notizen strukturieren', authorName: 'Ehemalige Kollegin', visibility: 'organization' }),
    ]);
    renderApp('/journal/feed');
    expect(await screen.findByRole('heading', { level: 1, name: 'Geteilte Experimente' })).toBeInTheDocument();
    const article = await card('Reklamationsantworten entwerfen');
    expect(within(article).getByText(/Jonas Becker/)).toBeInTheDocument();
    expect(within(article).getByText('Gescheitert')).toBeInTheDocument();
    expect(within(article).getByText('2 Kudos')).toBeInTheDocument();

    const button = within(article).getByRole('button', { name: 'Kudos geben' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    expect(within(article).getByText('3 Kudos')).toBeInTheDocument();
    expect(callsTo('POST', `/api/journal/${entry.id}/kudos`)).toHaveLength(1);

    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'));
    expect(within(article).getByText('2 Kudos')).toBeInTheDocument();
    expect(callsTo('DELETE', `/api/journal/${entry.id}/kudos`)).toHaveLength(1);

    // Where the caller may not give kudos, only the count shows.
    const other = await card('Notizen strukturieren');
    expect(within(other).queryByRole('button', { name: 'Kudos geben' })).not.toBeInTheDocument();
    expect(within(other).getByText('0 Kudos')).toBeInTheDocument();
  });

  it('filters by team and outcome', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup([buildEntry({ goal: 'Etwas Geteiltes', visibility: 'team' })]);
    renderApp('/journal/feed');
    await card('Etwas Geteiltes');
    expect(callsTo('GET', '/api/journal/feed')[0].query.get('scope')).toBe('all');
    await user.click(screen.getByRole('button', { name: 'Mein Team' }));
    await user.selectOptions(screen.getByLabelText('Ergebnis'), 'Gescheitert');
    await waitFor(() => {
      const last = callsTo('GET', '/api/journal/feed').at(-1)!;
      expect([last.query.get('scope'), last.query.get('outcome')]).toEqual(['team', 'failed']);
    });
    expect(screen.getByRole('button', { name: 'Mein Team' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('a manager adds an entry to the use-case library with a title and a summary', async () => {
    const user = userEvent.setup();
    const entry = buildEntry({
      goal: 'Wartungsberichte übersetzen',
      authorName: 'Lena Hoffmann',
      visibility: 'team',
      canGiveKudos: true,
      canPromote: true,
    });
    const { callsTo } = setup([entry], ['employee', 'manager']);
    renderApp('/journal/feed');
    const article = await card('Wartungsberichte übersetzen');
    const open = within(article).getByRole('button', { name: 'In die Bibliothek aufnehmen' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    expect(within(article).getByLabelText('Titel')).toHaveFocus();
    expect(within(article).getByText('Der Use Case nennt Lena Hoffmann als Autorin bzw. Autor.')).toBeInTheDocument();

    await user.type(within(article).getByLabelText('Titel'), 'Kurz');
    await user.click(within(article).getByRole('button', { name: 'Aufnehmen' }));
    expect(within(article).getByLabelText('Titel')).toHaveAccessibleDescription(/Mindestens 5 Zeichen\./);
    expect(within(article).getByLabelText('Zusammenfassung')).toHaveAccessibleDescription(/Bitte ausfüllen\./);
    expect(callsTo('POST', '/api/use-cases')).toHaveLength(0);

    await user.type(within(article).getByLabelText('Titel'), 'e Wartungsberichte mit DeepL');
    await user.type(
      within(article).getByLabelText('Zusammenfassung'),
      'Technische Berichte vorübersetzen lassen, Fachbegriffe per Glossar festlegen.',
    );
    await user.click(within(article).getByRole('button', { name: 'Aufnehmen' }));
    await waitFor(() => expect(callsTo('POST', '/api/use-cases')).toHaveLength(1));
    const [post] = callsTo('POST', '/api/use-cases');
    expect(post.body).toEqual({
      entryId: entry.id,
      title: 'Kurze Wartungsberichte mit DeepL',
      summary: 'Technische Berichte vorübersetzen lassen, Fachbegriffe per Glossar festlegen.',
    });
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      await screen.findByText('„Kurze Wartungsberichte mit DeepL“ steht jetzt in der Use-Case-Bibliothek.'),
    ).toBeInTheDocument();
    expect(within(article).getByText('In der Bibliothek')).toBeInTheDocument();
    expect(within(article).queryByRole('button', { name: 'In die Bibliothek aufnehmen' })).not.toBeInTheDocument();
    expect(within(article).getByRole('heading', { level: 2 })).toHaveFocus();
  });
});
