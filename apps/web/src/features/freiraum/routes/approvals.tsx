import type { BulkDecisionResult, InboxItem } from '@freiraum/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { FormAlert } from '../../../components/ui/form-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/form-errors';
import { useDecideBulk, useInbox } from '../api/freiraum';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { formatDay } from '../components/format';
import { InboxCard, inboxHeadingId, toggleOnEnter } from '../components/inbox-card';

interface BulkOutcome {
  approved: number;
  failed: { id: string; text: string }[];
}

export function ApprovalsRoute() {
  const { t, i18n } = useTranslation();
  const inbox = useInbox();
  const items = inbox.data?.items ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkErrors, setBulkErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // After a decision the item leaves the list: focus goes to the next one (or the empty state), not to <body>.
  const focusAfter = useRef<{ gone: string; next: string | null } | null>(null);
  const emptyRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const present = new Set(items.map((i) => i.id));
  const chosen = [...selected].filter((id) => present.has(id));

  const data = inbox.data;
  useEffect(() => {
    const pending = focusAfter.current;
    const now = data?.items ?? [];
    if (!pending || now.some((i) => i.id === pending.gone)) return;
    focusAfter.current = null;
    const target = now.find((i) => i.id === pending.next) ?? now[0];
    if (target) document.getElementById(inboxHeadingId(target.id))?.focus();
    else emptyRef.current?.focus();
  }, [data]);

  function deciding(id: string) {
    const at = items.findIndex((i) => i.id === id);
    const next = items[at + 1] ?? items[at - 1] ?? null;
    focusAfter.current = { gone: id, next: next?.id ?? null };
    setSelected((s) => new Set([...s].filter((x) => x !== id)));
    setBulkErrors(({ [id]: _gone, ...rest }) => rest);
  }

  return (
    <>
      <PageHeader title={t('freiraum.approvals.title')} description={t('freiraum.approvals.description')} />
      {inbox.isPending ? (
        <LoadingState />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <div className="stack">
          {outcome && (
            <div className="alert alert--info" role="status" tabIndex={-1} ref={outcomeRef}>
              <p>{t('freiraum.approvals.bulkApproved', { count: outcome.approved })}</p>
              {outcome.failed.length > 0 && (
                <>
                  <p>{t('freiraum.approvals.bulkFailed', { count: outcome.failed.length })}</p>
                  <ul className="prose-list">
                    {outcome.failed.map((f) => (
                      <li key={f.id}>{f.text}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {items.length === 0 ? (
            <Card>
              <div tabIndex={-1} ref={emptyRef}>
                <EmptyState
                  title={t('freiraum.approvals.emptyTitle')}
                  action={<Link to="/freiraum">{t('freiraum.approvals.toOwn')}</Link>}
                >
                  {t('freiraum.approvals.emptyText')}
                </EmptyState>
              </div>
            </Card>
          ) : (
            <>
              <BulkBar
                items={items}
                chosen={chosen}
                onSelectAll={(all) => setSelected(all ? new Set(items.map((i) => i.id)) : new Set())}
                onError={setFormError}
                onDone={(result) => {
                  const byId = new Map(items.map((i) => [i.id, i]));
                  const failed = result.results.filter((r) => !r.ok);
                  const text = (id: string, message: string) => {
                    const it = byId.get(id);
                    return it ? `${it.userName}, ${formatDay(it.slotDate, i18n.language)}: ${message}` : message;
                  };
                  setOutcome({
                    approved: result.results.length - failed.length,
                    failed: failed.map((f) => ({ id: f.id, text: text(f.id, f.error?.message ?? '') })),
                  });
                  setBulkErrors(
                    Object.fromEntries(
                      failed.map((f) => [
                        f.id,
                        t('freiraum.approvals.itemFailed', { message: f.error?.message ?? '' }),
                      ]),
                    ),
                  );
                  setSelected(new Set());
                  window.setTimeout(() => outcomeRef.current?.focus(), 0);
                }}
              />
              <FormAlert>{formError}</FormAlert>
              <ul className="inbox-list" aria-label={t('freiraum.approvals.listLabel', { count: items.length })}>
                {items.map((item) => (
                  <li key={item.id}>
                    <InboxCard
                      item={item}
                      selected={selected.has(item.id)}
                      onSelect={(on) =>
                        setSelected((s) => {
                          const n = new Set(s);
                          if (on) n.add(item.id);
                          else n.delete(item.id);
                          return n;
                        })
                      }
                      onDeciding={() => deciding(item.id)}
                      bulkError={bulkErrors[item.id]}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}

function BulkBar({
  items,
  chosen,
  onSelectAll,
  onError,
  onDone,
}: {
  items: InboxItem[];
  chosen: string[];
  onSelectAll: (all: boolean) => void;
  onError: (message: string | null) => void;
  onDone: (result: BulkDecisionResult) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const bulk = useDecideBulk();
  const idempotency = useIdempotencyKey();
  const allRef = useRef<HTMLInputElement>(null);
  const all = chosen.length === items.length;
  const some = chosen.length > 0 && !all;

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = some;
  }, [some]);

  async function approveSelected() {
    onError(null);
    const body = { ids: chosen, decision: 'approved' as const, note: '' };
    const key = idempotency.keyFor(body);
    try {
      const result = await bulk.mutateAsync({ body, key });
      idempotency.settled();
      onDone(result);
    } catch (err) {
      idempotency.settled(err);
      onError(errorMessage(err, t));
    }
  }

  return (
    <div className="inbox-toolbar" role="group" aria-label={t('freiraum.approvals.bulkLabel')}>
      <div className="check">
        <input
          ref={allRef}
          id={id}
          type="checkbox"
          className="check__input"
          checked={all}
          onChange={(e) => onSelectAll(e.target.checked)}
          onKeyDown={toggleOnEnter}
        />
        <label className="check__label" htmlFor={id}>
          {t('freiraum.approvals.selectAll')}
        </label>
      </div>
      <Button
        variant="primary"
        loading={bulk.isPending}
        disabled={chosen.length === 0}
        onClick={() => void approveSelected()}
      >
        {t('freiraum.approvals.approveSelected', { count: chosen.length })}
      </Button>
    </div>
  );
}
