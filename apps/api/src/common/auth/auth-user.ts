import type { Role } from '@freiraum/contracts';

/** Who is calling: set by the JWT strategy from the database on every request. */
export interface AuthUser {
  id: string;
  organizationId: string;
  roles: Role[];
  managerId: string | null;
}

export const hasRole = (user: AuthUser, ...roles: Role[]) => roles.some((r) => user.roles.includes(r));
