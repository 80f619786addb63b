import { z } from 'zod';
import { email, LANGUAGES, personName, ROLES, uuid } from './common.js';

/**
 * Requested roles. `manager` is derived from having active direct reports (PRODUCT.md §1): the server adds
 * or removes it to match the reporting lines, whatever the request says. No other roles → `employee`.
 */
export const roleList = z
  .array(z.enum(ROLES))
  .min(1, { message: 'must contain at least one role' })
  .transform((roles) => [...new Set(roles)].sort());

export const userSummarySchema = z.object({
  id: uuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  trackSlug: z.string().nullable(),
  departmentId: uuid.nullable(),
  departmentName: z.string().nullable(),
  managerId: uuid.nullable(),
  managerName: z.string().nullable(),
  directReportCount: z.number().int(),
  hasPassword: z.boolean(),
  deactivatedAt: z.string().nullable(),
  /** Set once an admin erased the person's personal data (PRODUCT.md §6); names are then empty. */
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  departmentId: uuid.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserListQuery = z.input<typeof userListQuerySchema>;

export const userListSchema = z.object({ items: z.array(userSummarySchema), total: z.number().int() });
export type UserList = z.infer<typeof userListSchema>;

export const createUserSchema = z.strictObject({
  email,
  firstName: personName,
  lastName: personName,
  roles: roleList,
  trackSlug: z.string().nullable().default(null),
  departmentId: uuid.nullable().default(null),
  managerId: uuid.nullable().default(null),
  language: z.enum(LANGUAGES).nullable().default(null),
});
export type CreateUser = z.input<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  email: email.optional(),
  firstName: personName.optional(),
  lastName: personName.optional(),
  roles: roleList.optional(),
  trackSlug: z.string().nullable().optional(),
  departmentId: uuid.nullable().optional(),
  managerId: uuid.nullable().optional(),
});
export type UpdateUser = z.input<typeof updateUserSchema>;

export const deactivateUserSchema = z.strictObject({
  /** Who takes over the user's direct reports; defaults to the user's own manager. */
  successorId: uuid.nullable().default(null),
});
export type DeactivateUser = z.input<typeof deactivateUserSchema>;

/** Erasing a person's data (PRODUCT.md §6): the admin types the person's e-mail address to confirm. */
export const eraseUserSchema = z.strictObject({
  confirm: z.string().trim().min(1, { message: "is required: type the person's e-mail address" }).max(320),
});
export type EraseUser = z.input<typeof eraseUserSchema>;

export const createUserResponseSchema = z.object({
  user: userSummarySchema,
  invitation: z.object({ url: z.string(), expiresAt: z.string() }),
});
export type CreateUserResponse = z.infer<typeof createUserResponseSchema>;

// CSV import (PRODUCT.md §7): the columns HR exports from Excel.
export const IMPORT_COLUMNS = [
  'email',
  'first_name',
  'last_name',
  'department',
  'track',
  'manager_email',
  'roles',
] as const;

export const importQuerySchema = z.strictObject({
  /** Default `true`: nothing is written unless the caller says so. */
  dryRun: z.enum(['true', 'false']).default('true'),
});
export type ImportQuery = z.input<typeof importQuerySchema>;

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export const importRowErrorSchema = z.object({
  /** Line number in the file (the header is line 1). */
  line: z.number().int(),
  /** A column name of the file (`email`, `manager_email`, …), or `row`. */
  field: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  encoding: z.string(),
  delimiter: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /** Per row what would happen (dry run) or happened. */
  preview: z.array(
    z.object({
      line: z.number().int(),
      email: z.string(),
      action: z.enum(IMPORT_ACTIONS),
      firstName: z.string(),
      lastName: z.string(),
      department: z.string().nullable(),
      track: z.string().nullable(),
      managerEmail: z.string().nullable(),
      /** Roles after the import (with `manager` derived from the reporting lines). */
      roles: z.array(z.enum(ROLES)),
      /** For `update`: which fields change. */
      changes: z.array(z.string()),
    }),
  ),
  /** Departments the import creates (names as in the file). */
  newDepartments: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;
