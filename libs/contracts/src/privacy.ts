import { z } from 'zod';

/**
 * Who can see a category of data about a person. `hrAggregated` means HR sees it only inside groups of at
 * least the privacy threshold; an empty list means no person sees it (only the system uses it, e.g. a
 * password hash). The SPA translates these keys.
 */
export const PRIVACY_AUDIENCES = ['self', 'manager', 'colleagues', 'hr', 'hrAggregated', 'admin'] as const;
export type PrivacyAudience = (typeof PRIVACY_AUDIENCES)[number];

/** "What is stored about me and who can see it" (PRODUCT.md §6). Keys are machine-readable. */
export const privacyInfoSchema = z.object({
  categories: z.array(
    z.object({
      key: z.string(),
      fields: z.array(z.string()),
      visibleTo: z.array(z.enum(PRIVACY_AUDIENCES)),
    }),
  ),
  settings: z.object({
    privacyThreshold: z.number().int(),
    hrSeesIndividuals: z.boolean(),
    managersSeeLastActivity: z.boolean(),
  }),
});
export type PrivacyInfo = z.infer<typeof privacyInfoSchema>;

/** Raised whenever a section of the export changes shape. */
export const PRIVACY_EXPORT_VERSION = 1;

/** The sections of "export my data" (PRODUCT.md §6), in the order the file lists them. */
export const PRIVACY_EXPORT_SECTIONS = [
  'profile',
  'signIn',
  'notifications',
  'emails',
  'learning',
  'governance',
  'freiraum',
  'journal',
  'activityLog',
  'auditLog',
] as const;
export type PrivacyExportSection = (typeof PRIVACY_EXPORT_SECTIONS)[number];

// Rows are exported as stored (snake_case columns become camelCase keys); their shape follows the tables.
const exportRows = z.array(z.record(z.string(), z.unknown()));
const named = z.object({ id: z.string(), name: z.string() }).nullable();

/** GET /api/me/export: everything stored about the signed-in person, as one JSON file. */
export const privacyExportSchema = z.object({
  version: z.literal(PRIVACY_EXPORT_VERSION),
  exportedAt: z.string(),
  profile: z.object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    language: z.string().nullable(),
    roles: z.array(z.string()),
    active: z.boolean(),
    hasPassword: z.boolean(),
    deactivatedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    organization: z.object({ id: z.string(), name: z.string() }),
    manager: named,
    department: named,
    track: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  }),
  /** Sessions and one-time links: dates only, never a token or its hash. */
  signIn: z.object({ sessions: exportRows, oneTimeLinks: exportRows }),
  notifications: exportRows,
  /** E-mails sent to the person; links carrying a token are shortened. */
  emails: exportRows,
  learning: z.object({
    lessonReads: exportRows,
    exerciseAttempts: exportRows,
    moduleCompletions: exportRows,
    certificates: exportRows,
    assignments: exportRows,
    /** Practice work the person reviewed (or that waits for them): ids, status and dates only. */
    reviewsGiven: exportRows,
  }),
  governance: z.object({ flagsOnYourWork: exportRows, flagDecisionsMade: exportRows }),
  freiraum: z.object({
    allocations: exportRows,
    requests: exportRows,
    /** Requests of others the person decided: ids, decision and dates only. */
    decisionsMade: exportRows,
    delegationsGiven: exportRows,
    delegationsReceived: exportRows,
  }),
  journal: z.object({
    entries: exportRows,
    kudosGiven: exportRows,
    kudosReceived: exportRows,
    useCasesCreditingYou: exportRows,
    useCasesPromoted: exportRows,
  }),
  activityLog: exportRows,
  /** Audit rows where the person acted or was the target; they hold ids only. */
  auditLog: exportRows,
});
export type PrivacyExport = z.infer<typeof privacyExportSchema>;
