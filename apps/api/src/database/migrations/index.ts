import { DashboardPeopleBitmaps1795869208457 } from './1795869208457-DashboardPeopleBitmaps.js';
import { DashboardTriggers1795869208557 } from './1795869208557-DashboardTriggers.js';
import { DashboardRollups1795860836013 } from './1795860836013-DashboardRollups.js';
import { UserErasure1795860791068 } from './1795860791068-UserErasure.js';
import { FreiraumBudgetTrigger1795859640000 } from './1795859640000-FreiraumBudgetTrigger.js';
import { Freiraum1795859630978 } from './1795859630978-Freiraum.js';
import { OneTimeTokensByUser1795854534031 } from './1795854534031-OneTimeTokensByUser.js';
import { LearningAssignments1795853272875 } from './1795853272875-LearningAssignments.js';
import { Certificates1795852871266 } from './1795852871266-Certificates.js';
import { GovernanceFlags1795851330615 } from './1795851330615-GovernanceFlags.js';
import { ActivityAppendOnly1795850980000 } from './1795850980000-ActivityAppendOnly.js';
import { Learning1795850974180 } from './1795850974180-Learning.js';
import { AuditAppendOnly1795849600000 } from './1795849600000-AuditAppendOnly.js';
import { Initial1795849589131 } from './1795849589131-Initial.js';
// Migrations, in order. `npm run db:generate` adds generated ones here.
export const MIGRATIONS: Function[] = [
  Initial1795849589131,
  AuditAppendOnly1795849600000,
  Learning1795850974180,
  ActivityAppendOnly1795850980000,
  GovernanceFlags1795851330615,
  Certificates1795852871266,
  LearningAssignments1795853272875,
  OneTimeTokensByUser1795854534031,
  Freiraum1795859630978,
  FreiraumBudgetTrigger1795859640000,
  UserErasure1795860791068,
  DashboardRollups1795860836013,
  DashboardPeopleBitmaps1795869208457,
  DashboardTriggers1795869208557,
];
