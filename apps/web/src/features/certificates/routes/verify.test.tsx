import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render';

function setup() {
  return stubFetch([
    on.post('/api/auth/refresh', { status: 401, body: errorBody(401, 'unauthenticated', 'No session') }),
    on.get('/api/certificates/FR-JZP1-W28A', {
      body: {
        valid: true,
        code: 'FR-JZP1-W28A',
        holderName: 'Łukasz Gül',
        pathTitle: { de: 'KI in der Verwaltung', en: 'AI in administration' },
        organizationName: 'Muster Maschinenbau GmbH',
        completedAt: '2026-11-18T10:00:00.000Z',
      },
    }),
    on.get('/api/certificates/FR-0000-0000', {
      status: 404,
      body: errorBody(404, 'not_found', 'Certificate not found'),
    }),
  ]);
}

describe('public certificate verification', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('confirms a genuine certificate without signing in', async () => {
    setup();
    renderApp('/verify/FR-JZP1-W28A');
    expect(await screen.findByText('Dieses Zertifikat ist echt und gültig.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Zertifikat prüfen' })).toBeInTheDocument();
    expect(screen.getByText('Łukasz Gül')).toBeInTheDocument();
    expect(screen.getByText('KI in der Verwaltung')).toBeInTheDocument();
    expect(screen.getByText('18.11.2026')).toBeInTheDocument();
  });

  it('says plainly when a code is unknown', async () => {
    setup();
    renderApp('/verify/FR-0000-0000');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Zum Prüfcode FR-0000-0000 gibt es kein gültiges Zertifikat.',
    );
  });
});
