import type { Flag } from '@freiraum/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const FLAG_ID = '90000000-0000-4000-8000-000000000001';
const flag: Flag = {
  id: FLAG_ID,
  userId: '60000000-0000-4000-8000-000000000002',
  userName: 'Anna Schröder',
  subjectType: 'practice_attempt',
  subjectId: '80000000-0000-4000-8000-000000000002',
  toolName: 'DeepL Pro',
  dataClass: 'personal',
  reason: 'class_not_allowed',
  status: 'open',
  decisionNote: null,
  decidedAt: null,
  createdAt: new Date(Date.now() - 3600_000).toISOString(),
  canDecide: true,
};

describe('AI-policy flags', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a manager clears an open flag with a note', async () => {
    const user = userEvent.setup();
    let current = flag;
    const { callsTo } = stubFetch([
      on.post('/api/auth/refresh', { body: buildSession(['employee', 'manager']) }),
      on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
      on.get('/api/governance/flags', (req) => ({
        body: { items: req.query.get('status') && req.query.get('status') !== current.status ? [] : [current] },
      })),
      on.post(`/api/governance/flags/${FLAG_ID}/decision`, (req) => {
        const body = req.body as { decision: 'cleared'; note: string };
        current = {
          ...current,
          status: body.decision,
          decisionNote: body.note,
          decidedAt: new Date().toISOString(),
          canDecide: false,
        };
        return { body: current };
      }),
    ]);
    renderApp('/flags');
    const card = (await screen.findByRole('heading', { level: 2, name: 'Anna Schröder' })).closest('article')!;
    expect(
      within(card).getByText('DeepL Pro darf laut KI-Richtlinie keine Daten der Klasse „Personenbezogen“ erhalten.'),
    ).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Ausräumen' }));
    expect(within(card).getByLabelText('Begründung')).toHaveAccessibleDescription(/Mindestens 5 Zeichen/);
    expect(callsTo('POST', `/api/governance/flags/${FLAG_ID}/decision`)).toHaveLength(0);

    await user.type(within(card).getByLabelText('Begründung'), 'Nur Namen aus der eigenen Firma, mit Einverständnis.');
    await user.click(within(card).getByRole('button', { name: 'Ausräumen' }));
    await waitFor(() =>
      expect(callsTo('POST', `/api/governance/flags/${FLAG_ID}/decision`)[0].body).toEqual({
        decision: 'cleared',
        note: 'Nur Namen aus der eigenen Firma, mit Einverständnis.',
      }),
    );
    expect(await screen.findByText('Keine offenen Hinweise')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ausgeräumt' }));
    const decided = (await screen.findByRole('heading', { level: 2, name: 'Anna Schröder' })).closest('article')!;
    expect(within(decided).getByText('Nur Namen aus der eigenen Firma, mit Einverständnis.')).toBeInTheDocument();
    expect(within(decided).queryByRole('button', { name: 'Ausräumen' })).not.toBeInTheDocument();
  });
});
