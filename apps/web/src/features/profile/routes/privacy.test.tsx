import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { buildSession } from '../../../testing/factories';
import { renderApp } from '../../../testing/render';

const rows: Record<string, unknown>[] = [];
const exportBody = {
  version: 1,
  exportedAt: '2026-11-28T10:00:00.000Z',
  profile: {
    id: '00000000-0000-4000-8000-000000000901',
    email: 'sales@muster.example',
    firstName: 'Sven',
    lastName: 'Sander',
    language: null,
    roles: ['employee'],
    active: true,
    hasPassword: true,
    deactivatedAt: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    organization: { id: '10000000-0000-4000-8000-000000000001', name: 'Muster Maschinenbau GmbH' },
    manager: { id: '20000000-0000-4000-8000-000000000001', name: 'Mara Manager' },
    department: null,
    track: { id: '30000000-0000-4000-8000-000000000001', slug: 'sales', name: 'Vertrieb' },
  },
  signIn: { sessions: rows, oneTimeLinks: rows },
  notifications: [{ id: 'n1', type: 'kudos_received', data: {}, readAt: null, createdAt: '2026-11-27T08:00:00.000Z' }],
  emails: rows,
  learning: {
    lessonReads: rows,
    exerciseAttempts: rows,
    moduleCompletions: rows,
    certificates: rows,
    assignments: rows,
    reviewsGiven: rows,
  },
  governance: { flagsOnYourWork: rows, flagDecisionsMade: rows },
  freiraum: {
    allocations: rows,
    requests: rows,
    decisionsMade: rows,
    delegationsGiven: rows,
    delegationsReceived: rows,
  },
  journal: { entries: rows, kudosGiven: rows, kudosReceived: rows, useCasesCreditingYou: rows, useCasesPromoted: rows },
  activityLog: rows,
  auditLog: rows,
};

function setup(exportStatus = 200) {
  return stubFetch([
    on.post('/api/auth/refresh', { body: buildSession(['employee']) }),
    on.get('/api/notifications/unread-count', { body: { unread: 0 } }),
    on.get('/api/me/privacy', {
      body: {
        categories: [{ key: 'profile', fields: ['email'], visibleTo: ['self', 'admin'] }],
        settings: { privacyThreshold: 5, hrSeesIndividuals: false, managersSeeLastActivity: false },
      },
    }),
    on.get('/api/me/export', () =>
      exportStatus === 200
        ? { body: exportBody }
        : { status: exportStatus, body: errorBody(exportStatus, 'error', 'Something broke') },
    ),
  ]);
}

describe('my data & privacy: export', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('downloads everything stored about me as a JSON file', async () => {
    const user = userEvent.setup();
    const { callsTo } = setup();
    const saved: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: vi.fn((blob: Blob) => {
          saved.push(blob);
          return 'blob:export';
        }),
        revokeObjectURL: vi.fn(),
      }),
    );
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    renderApp('/profile/privacy');

    await user.click(await screen.findByRole('button', { name: 'Meine Daten herunterladen (JSON)' }));
    await waitFor(() => expect(downloads).toEqual(['freiraum-export-2026-11-28.json']));
    expect(callsTo('GET', '/api/me/export')).toHaveLength(1);
    expect(callsTo('GET', '/api/me/export')[0].headers.authorization).toMatch(/^Bearer /);
    expect(saved[0].type).toBe('application/json');
    const file = JSON.parse(await saved[0].text()) as typeof exportBody;
    expect(file).toMatchObject({ version: 1, profile: { email: 'sales@muster.example' } });
    expect(file.notifications).toEqual(exportBody.notifications);
    expect(screen.queryByRole('alert')).toBeEmptyDOMElement();
  });

  it('says so when the export fails', async () => {
    const user = userEvent.setup();
    setup(500);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    renderApp('/profile/privacy');
    await user.click(await screen.findByRole('button', { name: 'Meine Daten herunterladen (JSON)' }));
    expect(await screen.findByText(/Auf unserer Seite ist etwas schiefgegangen/)).toBeInTheDocument();
    expect(click).not.toHaveBeenCalled();
  });
});
