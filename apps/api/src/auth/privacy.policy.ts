import type { PrivacyInfo } from '@freiraum/contracts';

// What Freiraum stores about a person and who can see it (PRODUCT.md §6). Features that store more
// (learning progress, Freiraum time) add their category here; for those, HR is `hrAggregated` unless the
// organisation lets HR see individuals. An empty audience means no person sees it, only the system.
export function privacyCategories(): PrivacyInfo['categories'] {
  return [
    {
      key: 'profile',
      fields: ['email', 'firstName', 'lastName', 'language', 'track', 'department'],
      visibleTo: ['self', 'manager', 'hr', 'admin'],
    },
    {
      key: 'rolesAndReportingLine',
      fields: ['roles', 'manager', 'directReports', 'accountStatus'],
      visibleTo: ['self', 'manager', 'hr', 'admin'],
    },
    {
      key: 'signIn',
      fields: ['passwordHash', 'sessions', 'failedSignInCounter', 'oneTimeLinks'],
      visibleTo: [],
    },
    {
      key: 'notifications',
      fields: ['inAppNotifications', 'emails'],
      visibleTo: ['self'],
    },
    {
      key: 'learningProgress',
      fields: ['lessonsRead', 'exerciseAnswers', 'moduleCompletions', 'certificates', 'assignments'],
      visibleTo: ['self', 'manager', 'hrAggregated'],
    },
    {
      key: 'freiraumTime',
      fields: ['allocations', 'freiraumRequests', 'decisions', 'delegations'],
      visibleTo: ['self', 'manager', 'hrAggregated'],
    },
    {
      // Private entries stay with their author; shared ones reach the team or the organisation.
      key: 'experimentJournal',
      fields: ['journalEntries', 'kudos', 'useCases', 'aiPolicyFlags'],
      visibleTo: ['self', 'manager', 'colleagues', 'hrAggregated'],
    },
    {
      key: 'activity',
      fields: ['activityLog'],
      visibleTo: ['self', 'hrAggregated'],
    },
    {
      // The audit log names people by id only and is append-only.
      key: 'auditEntries',
      fields: ['actionsByYou', 'changesToYourAccount'],
      visibleTo: ['admin'],
    },
  ];
}
