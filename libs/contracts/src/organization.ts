import { z } from 'zod';
import { DATA_CLASSES, LANGUAGES, uuid } from './common.js';

export const aiToolSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lower-case letters, digits and dashes' }),
  name: z.string().trim().min(1).max(100),
  /** Which data classes this tool may receive. */
  allowedDataClasses: z.array(z.enum(DATA_CLASSES)),
  note: z.string().trim().max(500).default(''),
});
export type AiTool = z.infer<typeof aiToolSchema>;

export const aiPolicySchema = z
  .strictObject({
    tools: z.array(aiToolSchema).max(100),
    /** Free text shown to learners where a lesson refers to "our rules". */
    rules: z.string().trim().max(5000).default(''),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.tools.forEach((tool, i) => {
      if (seen.has(tool.id)) ctx.addIssue({ code: 'custom', path: ['tools', i, 'id'], message: 'is used twice' });
      seen.add(tool.id);
    });
  });
export type AiPolicy = z.infer<typeof aiPolicySchema>;

export const organizationSettingsSchema = z.object({
  id: uuid,
  name: z.string(),
  timeZone: z.string(),
  defaultLanguage: z.enum(LANGUAGES),
  privacyThreshold: z.number().int(),
  hrSeesIndividuals: z.boolean(),
  managersSeeLastActivity: z.boolean(),
  aiPolicy: aiPolicySchema,
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const updateOrganizationSettingsSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  timeZone: z.string().refine(isValidTimeZone, { message: 'is not a known IANA time zone' }).optional(),
  defaultLanguage: z.enum(LANGUAGES).optional(),
  privacyThreshold: z.number().int().min(2).max(100).optional(),
  hrSeesIndividuals: z.boolean().optional(),
  managersSeeLastActivity: z.boolean().optional(),
});
export type UpdateOrganizationSettings = z.infer<typeof updateOrganizationSettingsSchema>;

export const trackSchema = z.object({
  id: uuid,
  slug: z.string(),
  nameDe: z.string(),
  nameEn: z.string(),
  enabled: z.boolean(),
  userCount: z.number().int(),
});
export type Track = z.infer<typeof trackSchema>;

export const trackListSchema = z.array(trackSchema);

export const updateTrackSchema = z.strictObject({ enabled: z.boolean() });
export type UpdateTrack = z.infer<typeof updateTrackSchema>;

export const departmentSchema = z.object({
  id: uuid,
  name: z.string(),
  userCount: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentListSchema = z.array(departmentSchema);

export const DEPARTMENT_NAME_MAX = 120;
export const createDepartmentSchema = z.strictObject({ name: z.string().trim().min(1).max(DEPARTMENT_NAME_MAX) });
export type CreateDepartment = z.infer<typeof createDepartmentSchema>;
