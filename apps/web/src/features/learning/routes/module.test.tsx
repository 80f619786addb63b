import type { ModuleDetail } from '@freiraum/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch, type StubRequest } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';
import { attempt, attemptResult, both, buildModule, exerciseItem, lessonItem } from '../testing/builders';

const quiz = exerciseItem('basics-quiz', 'quiz', {
  intro: both('Zwei Fragen.'),
  passMark: 1,
  questions: [
    {
      id: 'verify',
      kind: 'single',
      question: both('Die KI nennt eine Norm. Was tun Sie?'),
      options: [
        { id: 'trust', text: both('Übernehmen') },
        { id: 'check', text: both('Im Original prüfen') },
      ],
    },
    {
      id: 'data',
      kind: 'multiple',
      question: both('Was gehört nicht in ein öffentliches Werkzeug?'),
      options: [
        { id: 'names', text: both('Kundennamen') },
        { id: 'press', text: both('Pressemitteilung') },
        { id: 'prices', text: both('Preise') },
      ],
    },
  ],
});

const prompt = exerciseItem('outreach-prompt', 'prompt', {
  scenario: both('Sie haben **Claire Dubois** auf der Messe getroffen.'),
  task: both('Schreiben Sie den Prompt.'),
  passMark: 0.7,
  criteria: [
    { id: 'occasion', label: both('Den Anlass nennen'), weight: 2 },
    { id: 'format', label: both('Format vorgeben'), weight: 1 },
  ],
});

const DOC =
  'Sehr geehrte Damen und Herren,\n\nwir liefern in 3 Arbeitstagen. Eine Studie belegt 43 % weniger Stillstand.';
const review = exerciseItem('check-review', 'review', {
  instructions: both('Markieren Sie, was nicht stimmt.'),
  source: null,
  document: both(DOC, 'Dear Sir or Madam,\n\nwe deliver in 3 working days.'),
  passMark: 0.6,
  categories: ['fact', 'invented_source', 'tone'],
  problemCount: 2,
});

const reflection = exerciseItem('basics-reflection', 'reflection', {
  question: both('Wo hilft Ihnen KI im Alltag?'),
  minLength: 30,
});

const practice = exerciseItem('outreach-practice', 'practice', {
  task: both('Schreiben Sie eine echte Nachfassmail.'),
  guidance: both('- **Was Sie getan haben**'),
});

const policy = {
  tools: [{ id: 'copilot', name: 'Microsoft 365 Copilot', allowedDataClasses: ['public', 'internal'], note: '' }],
  rules: '',
};

function setup(module: ModuleDetail, answer: (req: StubRequest) => { status?: number; body?: unknown }) {
  let current = module;
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get(`/api/learning/modules/${module.slug}`, () => ({ body: current })),
    on.get('/api/organization/ai-policy', { body: policy }),
    on.get('/api/governance/flags', { body: { items: [] } }),
    on.post(/^\/api\/learning\/lessons\/[^/]+\/read$/, { status: 204 }),
    on.post(/^\/api\/learning\/exercises\/[^/]+\/attempts$/, (req) => {
      const res = answer(req);
      // Like the API: the newest attempt shows on the module afterwards.
      if ((res.status ?? 201) === 201) {
        const result = res.body as { attempt: ModuleDetail['items'][number]['lastAttempt'] };
        current = {
          ...current,
          items: current.items.map((i) => (req.path.includes(i.id) ? { ...i, lastAttempt: result.attempt } : i)),
        };
      }
      return { status: 201, ...res };
    }),
  ]);
}

const section = async (title: string) =>
  (await screen.findByRole('heading', { level: 2, name: title })).closest('section')!;

describe('module page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('renders lessons as Markdown and notes a lesson as read', async () => {
    const user = userEvent.setup();
    const lesson = lessonItem('intro', '## Worum es geht\n\nKI **irrt** sich.\n\n<script>alert(1)</script>');
    const { callsTo } = setup(buildModule([lesson]), () => ({}));
    renderApp('/learning/modules/ai-basics');
    const card = await section('Lektion intro');
    expect(within(card).getByRole('heading', { level: 3, name: 'Worum es geht' })).toBeInTheDocument();
    expect(within(card).getByText('irrt').tagName).toBe('STRONG');
    expect(card.querySelector('script')).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Als gelesen markieren: Lektion intro' }));
    expect(await within(card).findByText('Gelesen')).toBeInTheDocument();
    expect(callsTo('POST', `/api/learning/lessons/${lesson.id}/read`)).toHaveLength(1);
  });

  it('quiz: asks for every answer, then shows per option whether it was right and why', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(buildModule([quiz]), () => ({
      body: attemptResult(
        attempt({
          score: 0.5,
          passed: false,
          answer: { answers: { verify: ['check'], data: ['names'] } },
          feedback: {
            score: 0.5,
            passed: false,
            questions: [
              {
                id: 'verify',
                correct: true,
                options: [
                  { id: 'trust', selected: false, correct: false, explanation: 'Konkretheit ist kein Beleg.' },
                  { id: 'check', selected: true, correct: true, explanation: 'Richtig: immer an der Quelle prüfen.' },
                ],
              },
              {
                id: 'data',
                correct: false,
                options: [
                  { id: 'names', selected: true, correct: true, explanation: 'Namen sind personenbezogen.' },
                  { id: 'press', selected: false, correct: false, explanation: 'Veröffentlicht ist öffentlich.' },
                  { id: 'prices', selected: false, correct: true, explanation: 'Preise sind vertraulich.' },
                ],
              },
            ],
          },
        }),
      ),
    }));
    renderApp('/learning/modules/ai-basics');
    const card = await section('Übung basics-quiz');
    const first = within(card).getByRole('group', { name: '1. Die KI nennt eine Norm. Was tun Sie?' });
    await user.click(within(first).getByRole('radio', { name: 'Im Original prüfen' }));
    await user.click(within(card).getByRole('button', { name: 'Antworten abgeben' }));
    expect(within(card).getByText('Bitte beantworten Sie alle Fragen.')).toBeInTheDocument();
    expect(callsTo('POST', `/api/learning/exercises/${quiz.id}/attempts`)).toHaveLength(0);

    const second = within(card).getByRole('group', { name: '2. Was gehört nicht in ein öffentliches Werkzeug?' });
    expect(second).toHaveAccessibleDescription(/Alle zutreffenden Antworten auswählen/);
    await user.click(within(second).getByRole('checkbox', { name: 'Kundennamen' }));
    await user.click(within(card).getByRole('button', { name: 'Antworten abgeben' }));

    expect(await within(card).findByText('Noch nicht bestanden', { selector: '.result__title' })).toBeInTheDocument();
    expect(within(card).getByText('1 von 2 Fragen richtig beantwortet.')).toBeInTheDocument();
    expect(callsTo('POST', `/api/learning/exercises/${quiz.id}/attempts`)[0].body).toEqual({
      language: 'de',
      answer: { answers: { verify: ['check'], data: ['names'] } },
    });
    // Every option with its verdict and explanation, also the right one the learner did not tick.
    const prices = within(card).getByText('Preise').closest('li')!;
    expect(within(prices).getByText('richtig')).toBeInTheDocument();
    expect(within(prices).queryByText('Ihre Wahl')).not.toBeInTheDocument();
    expect(within(prices).getByText('Preise sind vertraulich.')).toBeInTheDocument();
    const names = within(card).getByText('Kundennamen').closest('li')!;
    expect(within(names).getByText('Ihre Wahl')).toBeInTheDocument();
    expect(within(card).getByText('Richtig: immer an der Quelle prüfen.')).toBeInTheDocument();
    expect(within(card).getByText('Konkretheit ist kein Beleg.')).toBeInTheDocument();
    expect(within(card).getByText('nicht richtig beantwortet')).toBeInTheDocument();

    // Trying again brings the form back with the previous answers.
    await user.click(within(card).getByRole('button', { name: 'Erneut versuchen' }));
    expect(within(card).getByRole('checkbox', { name: 'Kundennamen' })).toBeChecked();
  });

  it('prompt: shows the criteria before, and after grading which passed, why, and the personal data found', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(buildModule([prompt]), () => ({
      body: attemptResult(
        attempt({
          score: 0.67,
          passed: false,
          answer: { prompt: 'Schreibe an claire.dubois@aero.example eine Mail zur Messe.' },
          feedback: {
            score: 0.67,
            passed: false,
            criteria: [
              {
                id: 'occasion',
                passed: true,
                weight: 2,
                label: 'Den Anlass nennen',
                explanation: 'Die Messe macht die Mail persönlich.',
              },
              {
                id: 'format',
                passed: false,
                weight: 1,
                label: 'Format vorgeben',
                explanation: 'Sagen Sie, wie lang die Mail sein soll.',
              },
            ],
            personalData: [{ kind: 'email', match: 'claire.dubois@aero.example' }],
          },
        }),
      ),
    }));
    renderApp('/learning/modules/ai-basics');
    const card = await section('Übung outreach-prompt');
    expect(within(card).getByText('Claire Dubois').tagName).toBe('STRONG');
    const criteria = within(card).getByRole('heading', { name: 'Darauf achtet die Bewertung' }).nextElementSibling!;
    expect(
      within(criteria as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Den Anlass nennen (Gewicht 2)',
      'Format vorgeben (Gewicht 1)',
      'Keine personenbezogenen Daten: keine E-Mail-Adressen, Telefonnummern, IBANs oder Namen aus der Situation.',
    ]);
    await user.click(within(card).getByRole('button', { name: 'Prompt prüfen lassen' }));
    expect(within(card).getByLabelText('Ihr Prompt')).toHaveAccessibleDescription(/Pflichtfeld|erforderlich|Bitte/);
    await user.type(
      within(card).getByLabelText('Ihr Prompt'),
      'Schreibe an claire.dubois@aero.example eine Mail zur Messe.',
    );
    await user.click(within(card).getByRole('button', { name: 'Prompt prüfen lassen' }));

    const results = (await within(card).findByRole('heading', { name: 'Die Kriterien im Einzelnen' }))
      .nextElementSibling!;
    const items = within(results as HTMLElement).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Den Anlass nennenerfüllt');
    expect(items[0]).toHaveTextContent('Die Messe macht die Mail persönlich.');
    expect(items[1]).toHaveTextContent('Format vorgebenfehlt');
    expect(items[1]).toHaveTextContent('Sagen Sie, wie lang die Mail sein soll.');
    expect(within(card).getByText(/enthält personenbezogene Daten/)).toBeInTheDocument();
    expect(within(card).getByText('claire.dubois@aero.example', { selector: 'mark' })).toBeInTheDocument();
    expect(within(card).getByText('Ergebnis: 67 % (nötig: 70 %)')).toBeInTheDocument();
    expect(callsTo('POST', `/api/learning/exercises/${prompt.id}/attempts`)).toHaveLength(1);
  });

  it('review: a passage selected with the keyboard becomes a mark with the right offsets', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(buildModule([review]), () => ({
      body: attemptResult(
        attempt({
          score: 0.25,
          passed: false,
          feedback: {
            score: 0.25,
            passed: false,
            found: [
              {
                id: 'delivery',
                category: 'fact',
                categoryCorrect: true,
                explanation: 'Laut Datenblatt 10 Arbeitstage.',
                quote: 'wir liefern in 3 Arbeitstagen',
              },
            ],
            missed: [
              {
                id: 'study',
                category: 'invented_source',
                explanation: 'Die Studie gibt es nicht.',
                quote: 'Eine Studie belegt 43 % weniger Stillstand',
              },
            ],
            falseAlarms: [{ start: 0, end: 4, text: 'Sehr' }],
          },
        }),
      ),
    }));
    renderApp('/learning/modules/ai-basics');
    const card = await section('Übung check-review');
    // The document is plain text: newlines kept, nothing rendered as Markdown.
    expect(card.querySelector('.review-doc')!.textContent).toBe(DOC);

    await user.click(within(card).getByText('Mit der Tastatur auswählen'));
    const field = within(card).getByRole<HTMLTextAreaElement>('textbox', {
      name: 'KI-Text zum Auswählen mit der Tastatur',
    });
    expect(field).toHaveAttribute('readonly');
    const start = DOC.indexOf('wir liefern');
    const end = start + 'wir liefern in 3 Arbeitstagen'.length;
    field.focus();
    // Shift+arrow selection as a keyboard user makes it (starting on the line break before, which is dropped).
    field.setSelectionRange(start - 1, end);
    fireEvent.select(field);
    await user.click(within(card).getByRole('button', { name: 'Auswahl markieren' }));
    expect(within(card).getByText('wir liefern in 3 Arbeitstagen', { selector: 'q' })).toBeInTheDocument();
    expect(within(card).getByText('wir liefern in 3 Arbeitstagen', { selector: 'mark' })).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Prüfung abgeben' }));
    expect(within(card).getByText('Wählen Sie für jede Markierung eine Kategorie.')).toBeInTheDocument();
    await user.selectOptions(within(card).getByLabelText('Kategorie für Markierung 1'), 'fact');
    await user.click(within(card).getByRole('button', { name: 'Prüfung abgeben' }));

    await waitFor(() => expect(callsTo('POST', `/api/learning/exercises/${review.id}/attempts`)).toHaveLength(1));
    expect(callsTo('POST', `/api/learning/exercises/${review.id}/attempts`)[0].body).toEqual({
      language: 'de',
      answer: { marks: [{ start, end, category: 'fact' }] },
    });
    expect(await within(card).findByRole('heading', { name: 'Gefunden' })).toBeInTheDocument();
    expect(within(card).getByText('1 von 2 Problemen gefunden.', { exact: false })).toBeInTheDocument();
    expect(within(card).getByText('Laut Datenblatt 10 Arbeitstage.')).toBeInTheDocument();
    expect(within(card).getByRole('heading', { name: 'Übersehen' })).toBeInTheDocument();
    expect(within(card).getByText('Eine Studie belegt 43 % weniger Stillstand', { selector: 'q' })).toBeInTheDocument();
    expect(within(card).getByText('Kategorie: Erfundene Quelle')).toBeInTheDocument();
    expect(within(card).getByRole('heading', { name: 'Fehlalarme' })).toBeInTheDocument();
    expect(within(card).getByText('Sehr', { selector: 'q' })).toBeInTheDocument();
  });

  it('review: a mark can be removed again, and nothing selected says what to do', async () => {
    const user = userEvent.setup();
    setup(buildModule([review]), () => ({}));
    renderApp('/learning/modules/ai-basics');
    const card = await section('Übung check-review');
    await user.click(within(card).getByRole('button', { name: 'Auswahl markieren' }));
    expect(within(card).getByText(/Wählen Sie zuerst eine Stelle im Text aus/)).toBeInTheDocument();
    const field = within(card).getByRole<HTMLTextAreaElement>('textbox', {
      name: 'KI-Text zum Auswählen mit der Tastatur',
    });
    field.setSelectionRange(0, 4);
    await user.click(within(card).getByRole('button', { name: 'Auswahl markieren' }));
    expect(within(card).getByText('Ihre Markierung (1)')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Entfernen: Markierung 1' }));
    expect(within(card).getByText('Noch keine Markierungen.')).toBeInTheDocument();
  });

  it('reflection: counts characters against the minimum and saves', async () => {
    const user = userEvent.setup();
    const text = 'KI hilft mir beim Zusammenfassen langer Protokolle.';
    const { callsTo } = setup(buildModule([reflection]), () => ({
      body: attemptResult(attempt({ score: null, answer: { text }, feedback: { length: text.length } }), {
        moduleStatus: 'complete',
        moduleCompletedNow: true,
      }),
    }));
    renderApp('/learning/modules/ai-basics');
    const card = await section('Übung basics-reflection');
    const field = within(card).getByLabelText('Wo hilft Ihnen KI im Alltag?');
    await user.type(field, 'Beim Lesen.');
    expect(field).toHaveAccessibleDescription(/11 von mindestens 30 Zeichen/);
    await user.click(within(card).getByRole('button', { name: 'Reflexion speichern' }));
    expect(within(card).getByText('Noch 19 Zeichen bis zur Mindestlänge.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, text);
    expect(field).toHaveAccessibleDescription(/51 von mindestens 30 Zeichen/);
    await user.click(within(card).getByRole('button', { name: 'Reflexion speichern' }));
    expect(
      await within(card).findByText('Ihre Reflexion ist gespeichert. Die Übung ist damit erledigt.'),
    ).toBeInTheDocument();
    expect(callsTo('POST', `/api/learning/exercises/${reflection.id}/attempts`)[0].body).toEqual({
      language: 'de',
      answer: { text },
    });
    // Completing the module says so at the top of the page.
    expect(await screen.findByText('Geschafft – Sie haben dieses Modul abgeschlossen!')).toBeInTheDocument();
  });

  it('practice: warns about an AI-policy conflict, submits, then waits for review', async () => {
    const user = userEvent.setup();
    const answer = {
      whatIDid: 'Mit Copilot eine Nachfassmail entworfen und überarbeitet.',
      result: 'Eine kurze Mail, die ich verschickt habe.',
      howChecked: 'Zahlen mit dem Datenblatt abgeglichen.',
      toolId: 'copilot',
      dataClass: 'confidential',
    };
    const { callsTo } = setup(buildModule([practice]), () => ({
      body: attemptResult(
        attempt({
          score: null,
          passed: false,
          status: 'submitted',
          answer,
          feedback: {
            flag: {
              id: 'f1',
              reason: 'class_not_allowed',
              toolName: 'Microsoft 365 Copilot',
              dataClass: 'confidential',
            },
          },
        }),
      ),
    }));
    renderApp('/learning/modules/ai-basics');
    const card = await section('Übung outreach-practice');
    await user.click(within(card).getByRole('button', { name: 'Zur Prüfung einreichen' }));
    expect(within(card).getByLabelText('Was Sie getan haben')).toHaveAttribute('aria-invalid', 'true');
    await user.type(within(card).getByLabelText('Was Sie getan haben'), answer.whatIDid);
    await user.type(within(card).getByLabelText('Das Ergebnis'), answer.result);
    await user.type(within(card).getByLabelText('Wie Sie es geprüft haben'), answer.howChecked);
    await user.selectOptions(within(card).getByLabelText('KI-Werkzeug'), 'copilot');
    await user.selectOptions(within(card).getByLabelText('Datenklasse Ihrer Eingaben'), 'confidential');
    expect(
      within(card).getByText(/darf Microsoft 365 Copilot keine Daten der Klasse „Vertraulich“ erhalten/),
    ).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Zur Prüfung einreichen' }));

    expect(await within(card).findByText('Eingereicht – wartet auf die Prüfung')).toBeInTheDocument();
    expect(within(card).getByText('Hinweis zur KI-Richtlinie – wird geprüft')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Zur Prüfung einreichen' })).not.toBeInTheDocument();
    expect(callsTo('POST', `/api/learning/exercises/${practice.id}/attempts`)[0].body).toEqual({
      language: 'de',
      answer,
    });
  });

  it('practice: shows the reviewer’s request for a revision and allows resubmitting', async () => {
    const revised = {
      ...practice,
      lastAttempt: attempt({
        score: null,
        passed: false,
        status: 'revision_requested',
        reviewNote: 'Bitte ergänzen Sie, wie Sie die Zahlen geprüft haben.',
        answer: {
          whatIDid: 'Mit Copilot eine Nachfassmail entworfen.',
          result: 'Eine kurze Mail.',
          howChecked: 'Gegengelesen.',
          toolId: 'copilot',
          dataClass: 'internal',
        },
      }),
    };
    setup(buildModule([revised]), () => ({ status: 409, body: errorBody(409, 'conflict', 'still pending') }));
    renderApp('/learning/modules/ai-basics');
    const card = await section('Übung outreach-practice');
    expect(within(card).getByText('Überarbeitung erbeten', { selector: '.result__title' })).toBeInTheDocument();
    expect(within(card).getByText('Bitte ergänzen Sie, wie Sie die Zahlen geprüft haben.')).toBeInTheDocument();
    expect(within(card).getByLabelText('Wie Sie es geprüft haben')).toHaveValue('Gegengelesen.');
    expect(within(card).getByRole('button', { name: 'Überarbeitung einreichen' })).toBeInTheDocument();
  });

  it('a locked module explains which modules come first and offers no exercise yet', async () => {
    setup(
      buildModule([quiz], {
        status: 'locked',
        missingPrerequisites: [{ slug: 'sales-customer-data', title: both('Kundendaten schützen') }],
      }),
      () => ({}),
    );
    renderApp('/learning/modules/ai-basics');
    expect(await screen.findByText(/Dieses Modul ist noch gesperrt/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Kundendaten schützen' })).toHaveAttribute(
      'href',
      '/learning/modules/sales-customer-data',
    );
    const card = await section('Übung basics-quiz');
    expect(within(card).getByText(/sobald Sie „Kundendaten schützen“ abgeschlossen haben/)).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Antworten abgeben' })).not.toBeInTheDocument();
  });
});
