import type { Role } from '@freiraum/contracts';
import type { BadgeTone } from '../components/ui/badge';

// Most telling role first: a list of people scans by "who can change things".
const ORDER: Record<Role, number> = { admin: 0, hr: 1, manager: 2, employee: 3 };

export function sortRoles(roles: readonly Role[]): Role[] {
  return [...roles].sort((a, b) => ORDER[a] - ORDER[b]);
}

export function roleTone(role: Role): BadgeTone {
  return role === 'admin' || role === 'hr' ? 'primary' : 'neutral';
}
