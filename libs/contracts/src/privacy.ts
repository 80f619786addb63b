import { z } from 'zod';

/**
 * Who can see a category of data about a person. `hrAggregated` means HR sees it only inside groups of at
 * least the privacy threshold; an empty list means no person sees it (only the system uses it, e.g. a
 * password hash). The SPA translates these keys.
 */
export const PRIVACY_AUDIENCES = ['self', 'manager', 'hr', 'hrAggregated', 'admin'] as const;
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
