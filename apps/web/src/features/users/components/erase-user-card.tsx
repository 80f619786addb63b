import type { UserSummary } from '@freiraum/contracts';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { apiFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useEraseUser } from '../api/users';

/** Danger zone: erase a person's personal data (PRODUCT.md §6), confirmed by typing their e-mail address. */
export function EraseUserCard({ user, isSelf }: { user: UserSummary; isSelf: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    // Back to where the person was before the dialog opened.
    opener.current?.focus();
  }

  return (
    <Card title={t('users.erase.title')} description={t('users.erase.text')} className="danger-zone">
      {isSelf ? (
        <p className="small muted">{t('users.erase.notSelf')}</p>
      ) : (
        <Button ref={opener} variant="danger" onClick={() => setOpen(true)}>
          {t('users.erase.open')}
        </Button>
      )}
      {open && <EraseDialog user={user} onCancel={close} />}
    </Card>
  );
}

function EraseDialog({ user, onCancel }: { user: UserSummary; onCancel: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const erase = useEraseUser();
  const navigate = useNavigate();
  const toast = useToast();
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const name = `${user.firstName} ${user.lastName}`;

  const focusInput = () => dialog.current?.querySelector('input')?.focus();

  useEffect(focusInput, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    // A modal dialog keeps the focus inside until it closes.
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('input, button:not([disabled])')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // The server checks it too; this saves a round trip for a typo.
    if (confirm.trim().toLowerCase() !== user.email.toLowerCase()) {
      setConfirmError(t('users.erase.confirmMismatch'));
      focusInput();
      return;
    }
    setConfirmError(undefined);
    erase.mutate(
      { id: user.id, body: { confirm } },
      {
        onSuccess: () => {
          toast(t('users.erase.done'));
          // The list of deactivated people now shows the erased person.
          void navigate('/admin/users?active=false');
        },
        onError: (err) => {
          const mismatch = 'confirm' in apiFieldErrors(err, t);
          setConfirmError(mismatch ? t('users.erase.confirmMismatch') : undefined);
          // A refusal (409: oneself, the last admin, already erased) names no field of this form: say why.
          setError(
            err instanceof ApiError && err.status === 409
              ? t('errors.conflict', { message: err.message })
              : errorMessage(err, t),
          );
        },
      },
    );
  }

  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onKeyDown={onKeyDown}
      >
        <h2 className="modal__title" id={titleId}>
          {t('users.erase.dialogTitle', { name })}
        </h2>
        <p className="small" id={textId}>
          {t('users.erase.text')}
        </p>
        {user.directReportCount > 0 && (
          <p className="small">{t('users.erase.reportsHint', { count: user.directReportCount })}</p>
        )}
        <form className="form" onSubmit={submit} noValidate>
          <FormAlert>{error}</FormAlert>
          <TextField
            label={t('users.erase.confirmLabel')}
            hint={t('users.erase.confirmHint', { email: user.email })}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={confirmError}
          />
          <div className="form-actions">
            <Button type="submit" variant="danger" loading={erase.isPending}>
              {t('users.erase.submit')}
            </Button>
            <Button variant="ghost" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
