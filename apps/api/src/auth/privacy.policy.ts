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
      // The audit log names people by id only and is append-only.
      key: 'auditEntries',
      fields: ['actionsByYou', 'changesToYourAccount'],
      visibleTo: ['admin'],
    },
  ];
}
