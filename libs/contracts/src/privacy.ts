import { z } from 'zod';

/** "What is stored about me and who can see it" (PRODUCT.md §6). */
export const privacyInfoSchema = z.object({
  categories: z.array(
    z.object({
      key: z.string(),
      fields: z.array(z.string()),
      visibleTo: z.array(z.string()),
    }),
  ),
  settings: z.object({
    privacyThreshold: z.number().int(),
    hrSeesIndividuals: z.boolean(),
    managersSeeLastActivity: z.boolean(),
  }),
});
export type PrivacyInfo = z.infer<typeof privacyInfoSchema>;
