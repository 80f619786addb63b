import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { SetPasswordRoute } from '../features/auth/routes/set-password';
import { ForgotPasswordRoute } from '../features/auth/routes/forgot-password';
import { SignInRoute } from '../features/auth/routes/sign-in';
import { CertificatesCard } from '../features/certificates/components/certificates-card';
import { VerifyCertificateRoute } from '../features/certificates/routes/verify';
import { ModuleRoute } from '../features/learning/routes/module';
import { MyLearningRoute } from '../features/learning/routes/my-learning';
import { PathRoute } from '../features/learning/routes/path';
import { NotificationsRoute } from '../features/notifications/routes/notifications';
import { PrivacyRoute } from '../features/profile/routes/privacy';
import { ProfileRoute } from '../features/profile/routes/profile';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { ProtectedLayout, Splash } from './routes/protected-layout';
import { RequireRoles } from './routes/require-roles';

// Admin pages load on demand: most people never open them.
const lazy =
  <T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) =>
  async () => ({
    Component: (await load())[name] as ComponentType,
  });

export const routes: RouteObject[] = [
  { path: '/sign-in', Component: SignInRoute },
  { path: '/forgot-password', Component: ForgotPasswordRoute },
  { path: '/reset-password', element: <SetPasswordRoute purpose="reset" /> },
  { path: '/welcome', element: <SetPasswordRoute purpose="invite" /> },
  // Public: the link printed on every certificate.
  { path: '/verify/:code', Component: VerifyCertificateRoute },
  {
    Component: ProtectedLayout,
    HydrateFallback: Splash,
    children: [
      { index: true, Component: HomeRoute },
      // The learning page shows the learner's certificates too (features compose here, not in each other).
      {
        path: 'learning',
        element: (
          <MyLearningRoute>
            <CertificatesCard />
          </MyLearningRoute>
        ),
      },
      { path: 'learning/paths/:slug', Component: PathRoute },
      { path: 'learning/modules/:slug', Component: ModuleRoute },
      { path: 'journal', lazy: lazy(() => import('../features/journal/routes/journal'), 'JournalRoute') },
      { path: 'journal/new', lazy: lazy(() => import('../features/journal/routes/journal-new'), 'JournalNewRoute') },
      { path: 'journal/feed', lazy: lazy(() => import('../features/journal/routes/feed'), 'FeedRoute') },
      { path: 'use-cases', lazy: lazy(() => import('../features/journal/routes/use-cases'), 'UseCasesRoute') },
      { path: 'freiraum', lazy: lazy(() => import('../features/freiraum/routes/my-freiraum'), 'MyFreiraumRoute') },
      // Open to everyone: a delegate may be a plain employee; the inbox holds only what the caller may decide.
      {
        path: 'freiraum/approvals',
        lazy: lazy(() => import('../features/freiraum/routes/approvals'), 'ApprovalsRoute'),
      },
      // Open to anyone with direct reports (a fact, not a role): the page and the API check it.
      {
        path: 'team',
        lazy: lazy(() => import('../features/team-dashboard/routes/team-dashboard'), 'TeamDashboardRoute'),
      },
      { path: 'notifications', Component: NotificationsRoute },
      { path: 'profile', Component: ProfileRoute },
      { path: 'profile/privacy', Component: PrivacyRoute },
      {
        element: <RequireRoles roles={['manager', 'hr', 'admin']} />,
        children: [
          { path: 'reviews', lazy: lazy(() => import('../features/reviews/routes/reviews'), 'ReviewsRoute') },
          { path: 'flags', lazy: lazy(() => import('../features/governance/routes/flags'), 'FlagsRoute') },
          { path: 'freiraum/team', lazy: lazy(() => import('../features/freiraum/routes/team'), 'TeamFreiraumRoute') },
        ],
      },
      {
        path: 'hr',
        element: <RequireRoles roles={['hr', 'admin']} />,
        // Lazy: the charting library loads with this page only.
        children: [
          {
            path: 'dashboard',
            lazy: lazy(() => import('../features/hr-dashboard/routes/hr-dashboard'), 'HrDashboardRoute'),
          },
        ],
      },
      {
        path: 'admin',
        element: <RequireRoles roles={['admin', 'hr']} />,
        children: [
          {
            path: 'assignments',
            lazy: lazy(() => import('../features/assignments/routes/assignments'), 'AssignmentsRoute'),
          },
          { path: 'users', lazy: lazy(() => import('../features/users/routes/users-list'), 'UsersListRoute') },
          { path: 'import', lazy: lazy(() => import('../features/users-import/routes/import'), 'ImportRoute') },
        ],
      },
      {
        path: 'admin',
        element: <RequireRoles roles={['admin']} />,
        children: [
          { path: 'users/new', lazy: lazy(() => import('../features/users/routes/user-create'), 'UserCreateRoute') },
          { path: 'users/:userId', lazy: lazy(() => import('../features/users/routes/user-edit'), 'UserEditRoute') },
          {
            path: 'settings',
            lazy: lazy(() => import('../features/organization-settings/routes/settings'), 'SettingsRoute'),
          },
          { path: 'ai-policy', lazy: lazy(() => import('../features/ai-policy/routes/ai-policy'), 'AiPolicyRoute') },
          { path: 'freiraum', lazy: lazy(() => import('../features/freiraum/routes/policy'), 'FreiraumPolicyRoute') },
          { path: 'audit', lazy: lazy(() => import('../features/audit/routes/audit-log'), 'AuditLogRoute') },
        ],
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
];
