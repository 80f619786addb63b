import type { CurrentUser, LoginResponse, Role, Track, UserSummary } from '@freiraum/contracts';

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function buildUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: id(),
    organizationId: '10000000-0000-4000-8000-000000000001',
    organizationName: 'Muster Maschinenbau GmbH',
    email: 'sales@muster.example',
    firstName: 'Sven',
    lastName: 'Sander',
    roles: ['employee'],
    trackSlug: 'sales',
    departmentName: 'Vertrieb',
    managerId: '20000000-0000-4000-8000-000000000001',
    managerName: 'Mara Manager',
    language: null,
    organizationLanguage: 'de',
    hasDirectReports: false,
    ...overrides,
  };
}

export function buildSession(roles: Role[] = ['employee'], overrides: Partial<CurrentUser> = {}): LoginResponse {
  return { accessToken: `token-${++n}`, expiresIn: 900, user: buildUser({ roles, ...overrides }) };
}

export function buildTrack(slug: string, nameDe: string, nameEn: string, overrides: Partial<Track> = {}): Track {
  return { id: id(), slug, nameDe, nameEn, enabled: true, userCount: 3, ...overrides };
}

export const demoTracks = (): Track[] => [
  buildTrack('leadership', 'Führung', 'Leadership'),
  buildTrack('sales', 'Vertrieb', 'Sales'),
  buildTrack('translation', 'Übersetzung', 'Translation'),
  buildTrack('administration', 'Verwaltung', 'Administration'),
];

export function buildUserSummary(overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    id: id(),
    email: 'person@muster.example',
    firstName: 'Paula',
    lastName: 'Person',
    roles: ['employee'],
    active: true,
    trackSlug: 'sales',
    departmentId: null,
    departmentName: 'Vertrieb',
    managerId: null,
    managerName: null,
    directReportCount: 0,
    hasPassword: true,
    deactivatedAt: null,
    erasedAt: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    ...overrides,
  };
}
