import type { ReviewQueueItem } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const both = (de: string, en = de) => ({ de, en });
const LENA = '60000000-0000-4000-8000-000000000001';
const ANNA = '60000000-0000-4000-8000-000000000002';

function item(
  attemptId: string,
  learnerId: string,
  firstName: string,
  overrides: Partial<ReviewQueueItem> = {},
): ReviewQueueItem {
  return {
    attemptId,
    learner: { id: learnerId, firstName, lastName: 'Muster' },
    exercise: {
      id: '70000000-0000-4000-8000-000000000001',
      title: both('Eine echte Nachfassmail schreiben'),
      task: both('Wählen Sie einen aktuellen Anlass.'),
      moduleSlug: 'sales-personal-outreach',
      moduleTitle: both('Persönlich ansprechen'),
    },
    answer: {
      whatIDid: 'Mit Copilot eine Nachfassmail entworfen.',
      result: 'Eine Stunde gespart.',
      howChecked: 'Zahlen mit dem Angebot abgeglichen.',
      toolId: 'copilot',
      dataClass: 'internal',
    },
    status: 'submitted',
    submittedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    reviewNote: null,
    flag: null,
    ...overrides,
  };
}

function setup() {
  let waiting = [
    item('80000000-0000-4000-8000-000000000001', LENA, 'Lena'),
    item('80000000-0000-4000-8000-000000000002', ANNA, 'Anna', {
      answer: {
        whatIDid: 'Eine Kundenliste mit DeepL übersetzt.',
        result: 'Übersetzte Liste.',
        howChecked: 'Stichproben gelesen.',
        toolId: 'deepl',
        dataClass: 'personal',
      },
      flag: {
        id: '90000000-0000-4000-8000-000000000001',
        status: 'open',
        reason: 'class_not_allowed',
        toolName: 'DeepL Pro',
        dataClass: 'personal',
      },
    }),
  ];
  let decided: ReviewQueueItem[] = [];
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee', 'manager']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/organization/ai-policy', {
      body: {
        tools: [
          { id: 'copilot', name: 'Microsoft 365 Copilot', allowedDataClasses: ['public', 'internal'], note: '' },
          { id: 'deepl', name: 'DeepL Pro', allowedDataClasses: ['public', 'internal', 'confidential'], note: '' },
        ],
        rules: '',
      },
    }),
    on.get('/api/learning/reviews', (req) => ({
      body: { items: req.query.get('status') === 'decided' ? decided : waiting },
    })),
    on.post(/^\/api\/learning\/reviews\/[^/]+\/decision$/, (req) => {
      const body = req.body as { decision: 'accept' | 'revise'; feedback: string };
      const done = waiting.find((w) => req.path.includes(w.attemptId))!;
      waiting = waiting.filter((w) => w !== done);
      const status = body.decision === 'accept' ? ('accepted' as const) : ('revision_requested' as const);
      decided = [{ ...done, status, reviewNote: body.feedback || null }, ...decided];
      return {
        body: {
          id: done.attemptId,
          createdAt: done.submittedAt,
          contentVersion: 'v1',
          score: null,
          passed: body.decision === 'accept',
          status,
          feedback: {},
          answer: done.answer,
          reviewNote: body.feedback || null,
        },
      };
    }),
  ]);
}

const cardOf = async (name: string) => (await screen.findByRole('heading', { level: 2, name })).closest('article')!;

describe('review queue', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a manager accepts a submission; it moves to the decided tab with the feedback', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup();
    renderApp('/reviews');
    expect(await screen.findByRole('button', { name: 'Zu prüfen (2)' })).toHaveAttribute('aria-pressed', 'true');
    const lena = await cardOf('Lena Muster');
    expect(within(lena).getByText('Persönlich ansprechen · Eine echte Nachfassmail schreiben')).toBeInTheDocument();
    expect(within(lena).getByText('Microsoft 365 Copilot')).toBeInTheDocument();
    expect(within(lena).getByText('Intern')).toBeInTheDocument();
    expect(within(lena).getByText('Mit Copilot eine Nachfassmail entworfen.')).toBeInTheDocument();

    await user.type(within(lena).getByLabelText('Rückmeldung an Lena'), 'Gut geprüft, weiter so!');
    await user.click(within(lena).getByRole('button', { name: 'Annehmen' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Lena Muster' })).not.toBeInTheDocument());
    expect(callsTo('POST', '/api/learning/reviews/80000000-0000-4000-8000-000000000001/decision')[0].body).toEqual({
      decision: 'accept',
      feedback: 'Gut geprüft, weiter so!',
    });
    expect(await screen.findByText('Angenommen – Lena wird benachrichtigt.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zu prüfen (1)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Entschieden' }));
    const decided = await cardOf('Lena Muster');
    expect(within(decided).getByText('Angenommen')).toBeInTheDocument();
    expect(within(decided).getByText('Gut geprüft, weiter so!')).toBeInTheDocument();
    expect(within(decided).queryByRole('button', { name: 'Annehmen' })).not.toBeInTheDocument();
  });

  it('asking for a revision needs written feedback; a flagged submission shows its flag', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup();
    renderApp('/reviews');
    const anna = await cardOf('Anna Muster');
    expect(within(anna).getByText('KI-Richtlinie: Hinweis offen')).toBeInTheDocument();
    expect(
      within(anna).getByText(/DeepL Pro darf laut KI-Richtlinie keine Daten der Klasse „Personenbezogen“ erhalten/),
    ).toBeInTheDocument();
    expect(within(anna).getByRole('link', { name: 'Hinweis entscheiden' })).toHaveAttribute('href', '/flags');

    await user.click(within(anna).getByRole('button', { name: 'Um Überarbeitung bitten' }));
    expect(within(anna).getByLabelText('Rückmeldung an Anna')).toHaveAccessibleDescription(
      /Sagen Sie in mindestens 10 Zeichen, was überarbeitet werden soll\./,
    );
    expect(callsTo('POST', '/api/learning/reviews/80000000-0000-4000-8000-000000000002/decision')).toHaveLength(0);

    await user.type(within(anna).getByLabelText('Rückmeldung an Anna'), 'Bitte ohne Personendaten wiederholen.');
    await user.click(within(anna).getByRole('button', { name: 'Um Überarbeitung bitten' }));
    await waitFor(() =>
      expect(callsTo('POST', '/api/learning/reviews/80000000-0000-4000-8000-000000000002/decision')[0].body).toEqual({
        decision: 'revise',
        feedback: 'Bitte ohne Personendaten wiederholen.',
      }),
    );
  });
});
