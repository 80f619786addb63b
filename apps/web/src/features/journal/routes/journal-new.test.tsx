import type { CreateJournalEntry, JournalEntry } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { buildEntry, demoPolicy } from '../testing/builders';

const REQUEST_ID = 'b0000000-0000-4000-8000-000000000001';

function setup(answer: (body: CreateJournalEntry) => { status?: number; body: unknown }) {
  const saved: JournalEntry[] = [];
  const stub = stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/organization/ai-policy', { body: demoPolicy() }),
    on.get(`/api/freiraum/requests/${REQUEST_ID}`, { status: 404, body: errorBody(404, 'not_found', 'Not found') }),
    on.get('/api/journal', () => ({ body: { items: saved, total: saved.length } })),
    on.post('/api/journal', (req) => {
      const res = answer(req.body as CreateJournalEntry);
      if ((res.status ?? 201) < 300) saved.push(res.body as JournalEntry);
      return { status: res.status ?? 201, body: res.body };
    }),
  ]);
  return stub;
}

async function fillValidEntry(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Ziel'), 'Kundenanfrage auf Englisch beantworten');
  await user.selectOptions(screen.getByLabelText('KI-Werkzeug'), 'DeepL Pro');
  await user.click(screen.getByRole('radio', { name: 'Vertraulich' }));
  await user.click(screen.getByRole('radio', { name: 'Gescheitert' }));
  await user.type(screen.getByLabelText('Gesparte Zeit in Minuten'), '0');
  await user.type(screen.getByLabelText('Was Sie gelernt haben'), 'Fachbegriffe brauchen ein Glossar.');
}

describe('new journal entry', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the fields like the contract before anything is sent', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(() => ({ body: buildEntry() }));
    renderApp('/journal/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Neuer Journal-Eintrag' })).toBeInTheDocument();
    // Failures are invited, not hidden.
    expect(screen.getByRole('group', { name: 'Ergebnis' })).toHaveAccessibleDescription(
      /Gescheitert zählt: Was nicht klappt, ist genauso wertvoll\./,
    );

    await user.type(screen.getByLabelText('Ziel'), 'KI');
    await user.selectOptions(await screen.findByLabelText('KI-Werkzeug'), 'Anderes Werkzeug');
    await user.type(screen.getByLabelText('Gesparte Zeit in Minuten'), '-5');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    expect(screen.getByLabelText('Ziel')).toHaveAccessibleDescription(/Mindestens 5 Zeichen\.$/);
    expect(screen.getByLabelText('Name des Werkzeugs')).toHaveAccessibleDescription(
      /Bitte nennen Sie das Werkzeug \(mindestens 2 Zeichen\)\./,
    );
    expect(screen.getByLabelText('Gesparte Zeit in Minuten')).toHaveAccessibleDescription(
      /Bitte 0 oder mehr Minuten angeben\./,
    );
    expect(screen.getByRole('group', { name: 'Datenklasse' })).toHaveAccessibleDescription(
      /Bitte wählen Sie eine Option\./,
    );
    expect(screen.getByLabelText('Was Sie gelernt haben')).toHaveAccessibleDescription(/Bitte ausfüllen\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte prüfen Sie die markierten Felder.');
    expect(callsTo('POST', '/api/journal')).toHaveLength(0);

    // Half minutes are not whole minutes either.
    await user.clear(screen.getByLabelText('Gesparte Zeit in Minuten'));
    await user.type(screen.getByLabelText('Gesparte Zeit in Minuten'), '1.5');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(screen.getByLabelText('Gesparte Zeit in Minuten')).toHaveAccessibleDescription(
      /Bitte ganze Minuten angeben\./,
    );
    expect(callsTo('POST', '/api/journal')).toHaveLength(0);
  });

  it('saves with an Idempotency-Key and the linked request, then shows the journal', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup((body) => ({
      body: buildEntry({ ...body, toolName: 'DeepL Pro', requestId: REQUEST_ID, visibility: 'team' } as never),
    }));
    renderApp(`/journal/new?requestId=${REQUEST_ID}`);
    await fillValidEntry(user);
    await user.click(screen.getByRole('radio', { name: 'Mein Team' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mein Experiment-Journal' })).toBeInTheDocument();
    const [post] = callsTo('POST', '/api/journal');
    expect(post.body).toEqual({
      requestId: REQUEST_ID,
      goal: 'Kundenanfrage auf Englisch beantworten',
      toolId: 'deepl',
      dataClass: 'confidential',
      outcome: 'failed',
      minutesSaved: 0,
      learned: 'Fachbegriffe brauchen ein Glossar.',
      visibility: 'team',
    });
    expect(post.headers['idempotency-key']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(await screen.findByText('Eintrag gespeichert.')).toBeInTheDocument();
  });

  it('after a flagged save says why the entry stays private', async () => {
    const user = userEvent.setup();
    setup((body) => ({
      body: buildEntry({
        ...(body as Partial<JournalEntry>),
        toolId: 'other',
        toolName: 'FreeGPT',
        visibility: 'private',
        flag: {
          id: 'c0000000-0000-4000-8000-000000000001',
          status: 'open',
          reason: 'unlisted_tool',
          decisionNote: null,
        },
        shareBlockedReason: 'FreeGPT is not an approved tool in the AI policy and may only receive public data',
      }),
    }));
    renderApp('/journal/new');
    await user.type(await screen.findByLabelText('Ziel'), 'Protokoll zusammenfassen');
    await user.selectOptions(screen.getByLabelText('KI-Werkzeug'), 'Anderes Werkzeug');
    await user.type(screen.getByLabelText('Name des Werkzeugs'), 'FreeGPT');
    await user.click(screen.getByRole('radio', { name: 'Intern' }));
    // The form warns before saving.
    expect(
      screen.getByText(/Laut KI-Richtlinie darf FreeGPT keine Daten der Klasse „Intern“ erhalten/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Hat geklappt' }));
    await user.type(screen.getByLabelText('Gesparte Zeit in Minuten'), '20');
    await user.type(screen.getByLabelText('Was Sie gelernt haben'), 'Kurze Abschnitte liefern bessere Ergebnisse.');
    await user.click(screen.getByRole('radio', { name: 'Ganze Organisation' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    const saved = await screen.findByText('Eintrag gespeichert.', { selector: 'strong' });
    const box = saved.closest('.journal-saved') as HTMLElement;
    await waitFor(() => expect(box).toHaveFocus());
    expect(
      within(box).getByText(/Er bleibt privat, bis der Hinweis zur KI-Richtlinie ausgeräumt ist\./),
    ).toBeInTheDocument();
    expect(
      within(box).getByRole('heading', { level: 2, name: 'Warum kann ich das nicht teilen?' }),
    ).toBeInTheDocument();
    expect(
      within(box).getByText(
        'FreeGPT ist nicht in der KI-Richtlinie freigegeben und darf nur öffentliche Daten erhalten – angegeben war „Intern“. Ihre Führungskraft prüft den Hinweis. Bis er ausgeräumt ist, bleibt der Eintrag privat.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the API’s field errors next to the fields and retries with a new key after changes', async () => {
    const user = userEvent.setup();
    let first = true;
    const { callsTo } = setup((body) => {
      if (first) {
        first = false;
        return {
          status: 400,
          body: errorBody(400, 'validation_failed', 'Invalid body', [
            { field: 'toolId', message: 'is not a tool in the AI policy' },
            { field: 'learned', message: 'must say what you learned (at least 5 characters)' },
          ]),
        };
      }
      return { body: buildEntry(body as Partial<JournalEntry>) };
    });
    renderApp('/journal/new');
    await fillValidEntry(user);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Was Sie gelernt haben')).toHaveAccessibleDescription(/Mindestens 5 Zeichen\./),
    );
    expect(screen.getByLabelText('KI-Werkzeug')).toHaveAccessibleDescription(/is not a tool in the AI policy/);

    await user.type(screen.getByLabelText('Was Sie gelernt haben'), ' Und ein Beispiel.');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mein Experiment-Journal' })).toBeInTheDocument();
    const [one, two] = callsTo('POST', '/api/journal');
    expect(one.headers['idempotency-key']).toBeTruthy();
    expect(two.headers['idempotency-key']).not.toBe(one.headers['idempotency-key']);
  });

  it('sends the same key again when the first try got no answer, so nothing is saved twice', async () => {
    const user = userEvent.setup();
    let first = true;
    const { callsTo } = setup((body) => {
      if (first) {
        first = false;
        return { status: 503, body: errorBody(503, 'unavailable', 'Service unavailable') };
      }
      return { body: buildEntry(body as Partial<JournalEntry>) };
    });
    renderApp('/journal/new');
    await fillValidEntry(user);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText(/Auf unserer Seite ist etwas schiefgegangen/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mein Experiment-Journal' })).toBeInTheDocument();
    const [one, two] = callsTo('POST', '/api/journal');
    expect(two.headers['idempotency-key']).toBe(one.headers['idempotency-key']);
  });
});
