import { z } from 'zod';
import { email, password, ROLES, LANGUAGES, uuid } from './common.js';

export const loginRequestSchema = z.strictObject({
  email,
  password: z.string().min(1, { message: 'is required' }).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const currentUserSchema = z.object({
  id: uuid,
  organizationId: uuid,
  organizationName: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  roles: z.array(z.enum(ROLES)),
  trackSlug: z.string().nullable(),
  departmentName: z.string().nullable(),
  managerId: uuid.nullable(),
  /** The manager's display name, so the SPA can show it without admin rights to the user list. */
  managerName: z.string().nullable().default(null),
  language: z.enum(LANGUAGES).nullable(),
  /** The organisation's default language, used while the user has not chosen one. */
  organizationLanguage: z.enum(LANGUAGES),
  hasDirectReports: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const loginResponseSchema = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int().describe('seconds until the access token expires'),
  user: currentUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1, { message: 'is required' }).max(256),
  newPassword: password,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const passwordResetRequestSchema = z.strictObject({ email });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** Completes a reset or an invitation: both are one-time links carrying a token. */
export const setPasswordWithTokenSchema = z.strictObject({
  token: z.string().min(20).max(200),
  newPassword: password,
});
export type SetPasswordWithToken = z.infer<typeof setPasswordWithTokenSchema>;

export const tokenInfoSchema = z.object({
  purpose: z.enum(['invite', 'reset']),
  email: z.string(),
  firstName: z.string(),
  expiresAt: z.string(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

export const oneTimeLinkSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
});
export type OneTimeLink = z.infer<typeof oneTimeLinkSchema>;

export const updateProfileRequestSchema = z.strictObject({
  language: z.enum(LANGUAGES).nullable().optional(),
});
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;
