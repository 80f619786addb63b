import type { EntityManager } from 'typeorm';
import type { AiPolicy, Language } from '@freiraum/contracts';
import { Organization } from '../organizations/organization.entity.js';
import { Track } from '../organizations/track.entity.js';

// What every new organisation starts with — shared by `org:create` and the demo seed.
export const DEFAULT_TRACKS = [
  { slug: 'leadership', nameDe: 'Führung', nameEn: 'Leadership' },
  { slug: 'sales', nameDe: 'Vertrieb', nameEn: 'Sales' },
  { slug: 'translation', nameDe: 'Übersetzung', nameEn: 'Translation' },
  { slug: 'administration', nameDe: 'Verwaltung', nameEn: 'Administration' },
] as const;

export type DefaultTrackSlug = (typeof DEFAULT_TRACKS)[number]['slug'];

export interface NewOrganization {
  name: string;
  timeZone?: string;
  defaultLanguage?: Language;
  aiPolicy?: AiPolicy;
}

/** Inserts the organisation with default settings and the four default tracks (all enabled). */
export async function insertOrganizationWithTracks(
  em: EntityManager,
  input: NewOrganization,
): Promise<{ organization: Organization; tracks: Record<DefaultTrackSlug, Track> }> {
  const organization = await em.save(
    em.create(Organization, {
      name: input.name,
      timeZone: input.timeZone ?? 'Europe/Berlin',
      defaultLanguage: input.defaultLanguage ?? 'de',
      privacyThreshold: 5,
      hrSeesIndividuals: false,
      managersSeeLastActivity: false,
      aiPolicy: input.aiPolicy ?? { tools: [], rules: '' },
    }),
  );
  const saved = await em.save(
    DEFAULT_TRACKS.map((t, position) =>
      em.create(Track, {
        organizationId: organization.id,
        slug: t.slug,
        nameDe: t.nameDe,
        nameEn: t.nameEn,
        enabled: true,
        position,
      }),
    ),
  );
  const tracks = Object.fromEntries(saved.map((t) => [t.slug, t])) as Record<DefaultTrackSlug, Track>;
  return { organization, tracks };
}
