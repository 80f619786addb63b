import { AuditAppendOnly1795849600000 } from './1795849600000-AuditAppendOnly.js';
import { Initial1795849589131 } from './1795849589131-Initial.js';
// Migrations, in order. `npm run db:generate` adds generated ones here.
export const MIGRATIONS: Function[] = [
  Initial1795849589131,
  AuditAppendOnly1795849600000,
];
