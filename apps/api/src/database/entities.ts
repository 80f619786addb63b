import { Organization } from '../organizations/organization.entity.js';
import { Track } from '../organizations/track.entity.js';
import { Department } from '../organizations/department.entity.js';
import { User } from '../users/user.entity.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { OneTimeToken } from '../auth/one-time-token.entity.js';
import { LoginThrottle } from '../auth/login-throttle.entity.js';
import { AuditLogEntry } from '../audit/audit-log.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { OutboundEmail } from '../notifications/outbound-email.entity.js';
import { JobLease } from '../jobs/job-lease.entity.js';
import { LearningItem, LearningModule, LearningPath, LearningPathModule } from '../learning/learning-content.entity.js';
import { ExerciseAttempt, LessonRead, ModuleCompletion } from '../learning/learning-progress.entity.js';
import { ActivityLogEntry } from '../activity/activity-log.entity.js';
import { GovernanceFlag } from '../governance/governance-flag.entity.js';
import { Certificate } from '../certificates/certificate.entity.js';
import { LearningAssignment } from '../learning/learning-assignment.entity.js';
import { FreiraumAllocation } from '../freiraum/freiraum-allocation.entity.js';
import { FreiraumRequest } from '../freiraum/freiraum-request.entity.js';
import { FreiraumDelegation } from '../freiraum/freiraum-delegation.entity.js';
import { JournalEntry, JournalKudos, UseCase } from '../journal/journal-entry.entity.js';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity.js';
import { DashCellDay, DashCellPeriod, DashLeadTime, DashModulePeople, DashModuleProgress, DashOrgPeople, DashPeopleDay, DashPeopleWeek, DashPersonCount, DashUserDay } from '../dashboards/dash-rollup.entity.js';

// Every entity the app maps; the migration generator and the drift check read this list too.
export const ENTITIES = [
  Organization,
  Track,
  Department,
  User,
  RefreshToken,
  OneTimeToken,
  LoginThrottle,
  AuditLogEntry,
  Notification,
  OutboundEmail,
  JobLease,
  LearningPath,
  LearningModule,
  LearningPathModule,
  LearningItem,
  LessonRead,
  ExerciseAttempt,
  ModuleCompletion,
  ActivityLogEntry,
  GovernanceFlag,
  Certificate,
  LearningAssignment,
  FreiraumAllocation,
  FreiraumRequest,
  FreiraumDelegation,
  JournalEntry,
  JournalKudos,
  UseCase,
  IdempotencyKey,
  DashUserDay,
  DashModuleProgress,
  DashPeopleDay,
  DashPeopleWeek,
  DashCellDay,
  DashLeadTime,
  DashModulePeople,
  DashOrgPeople,
  DashCellPeriod,
  DashPersonCount,
];
