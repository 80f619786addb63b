import type { UserSummary } from '@freiraum/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { apiFieldErrors, errorMessage } from '../../../lib/form-errors';
import { formatDate } from '../../../lib/format';
import { useDeactivateUser, useReactivateUser } from '../api/users';
import { PersonPicker, type PickedPerson } from './person-picker';

/** Deactivate (handing direct reports to a successor) or reactivate an account. */
export function AccountStatusCard({ user, isSelf }: { user: UserSummary; isSelf: boolean }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();
  const [confirming, setConfirming] = useState(false);
  const [successor, setSuccessor] = useState<PickedPerson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [successorError, setSuccessorError] = useState<string | undefined>();
  const name = `${user.firstName} ${user.lastName}`;

  if (!user.active) {
    return (
      <Card
        title={t('users.status.title')}
        description={
          user.deactivatedAt
            ? t('users.status.deactivatedOn', { date: formatDate(user.deactivatedAt, i18n.language) })
            : t('users.status.deactivatedText')
        }
      >
        <FormAlert>{error}</FormAlert>
        <Button
          variant="primary"
          loading={reactivate.isPending}
          onClick={() =>
            reactivate.mutate(user.id, {
              onSuccess: () => toast(t('users.status.reactivated', { name })),
              onError: (err) => setError(errorMessage(err, t)),
            })
          }
        >
          {t('users.status.reactivate')}
        </Button>
      </Card>
    );
  }

  return (
    <Card title={t('users.status.title')} description={t('users.status.activeText')} className="danger-zone">
      {isSelf ? (
        <p className="small muted">{t('users.status.notSelf')}</p>
      ) : !confirming ? (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('users.status.deactivate')}
        </Button>
      ) : (
        <div className="form">
          <FormAlert>{error}</FormAlert>
          <p className="small">{t('users.status.confirmText', { name })}</p>
          {user.directReportCount > 0 && (
            <PersonPicker
              label={t('users.status.successor')}
              hint={
                user.managerName
                  ? t('users.status.successorHint', { count: user.directReportCount, manager: user.managerName })
                  : t('users.status.successorHintNoManager', { count: user.directReportCount })
              }
              value={successor}
              onChange={setSuccessor}
              excludeIds={[user.id]}
              error={successorError}
            />
          )}
          <div className="form-actions">
            <Button
              variant="danger"
              loading={deactivate.isPending}
              onClick={() =>
                deactivate.mutate(
                  { id: user.id, body: { successorId: successor?.id ?? null } },
                  {
                    onSuccess: () => {
                      setConfirming(false);
                      toast(t('users.status.deactivated', { name }));
                    },
                    onError: (err) => {
                      setSuccessorError(apiFieldErrors(err, t).successorId);
                      setError(errorMessage(err, t));
                    },
                  },
                )
              }
            >
              {t('users.status.deactivateNow')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
