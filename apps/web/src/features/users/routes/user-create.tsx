import type { CreateUser, CreateUserResponse } from '@freiraum/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { CopyField } from '../../../components/ui/copy-field';
import { FormAlert } from '../../../components/ui/form-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { formatDateTime } from '../../../lib/format';
import { useCreateUser } from '../api/users';
import { emptyUserForm, UserForm } from '../components/user-form';

export function UserCreateRoute() {
  const { t, i18n } = useTranslation();
  const create = useCreateUser();
  const [created, setCreated] = useState<CreateUserResponse | null>(null);
  // A fresh key empties the form for "invite another person".
  const [formKey, setFormKey] = useState(0);

  return (
    <>
      <PageHeader
        title={t('users.createTitle')}
        description={t('users.createDescription')}
        actions={<Link to="/admin/users">{t('users.backToList')}</Link>}
      />
      {created ? (
        <Card title={t('users.invited.title', { name: `${created.user.firstName} ${created.user.lastName}` })}>
          <div className="stack">
            <FormAlert tone="success">{t('users.invited.text', { email: created.user.email })}</FormAlert>
            <CopyField
              label={t('users.invited.linkLabel')}
              value={created.invitation.url}
              hint={t('users.invited.linkHint', { date: formatDateTime(created.invitation.expiresAt, i18n.language) })}
            />
            <div className="form-actions">
              <Link className="btn btn--secondary" to={`/admin/users/${created.user.id}`}>
                {t('users.invited.open')}
              </Link>
              <Button
                variant="ghost"
                onClick={() => {
                  setCreated(null);
                  setFormKey((k) => k + 1);
                }}
              >
                {t('users.invited.another')}
              </Button>
            </div>
          </div>
        </Card>
      ) : (
        <Card>
          <UserForm
            key={formKey}
            mode="create"
            initial={emptyUserForm()}
            submitLabel={t('users.form.create')}
            pending={create.isPending}
            onSubmit={async (body) => setCreated(await create.mutateAsync(body as CreateUser))}
          />
        </Card>
      )}
    </>
  );
}
