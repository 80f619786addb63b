import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { pick } from '../../../lib/bilingual';
import { errorMessage } from '../../../lib/form-errors';
import { useMarkLessonRead } from '../api/learning';
import type { ModuleItem } from './exercise-types';
import { Markdown } from './markdown';

/** A lesson: Markdown in the reader's language, and a button to note it as read. */
export function LessonItem({ item, moduleSlug }: { item: ModuleItem; moduleSlug: string }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const markRead = useMarkLessonRead(moduleSlug);
  const lesson = item.lesson!;
  const headingId = `item-${item.slug}-title`;
  const read = lesson.read || markRead.isSuccess;

  return (
    <section className="card module-item" id={`item-${item.slug}`} aria-labelledby={headingId}>
      <header className="module-item__header">
        <p className="eyebrow">{t('learning.lesson')}</p>
        <h2 className="module-item__title" id={headingId}>
          {pick(lesson.title, i18n.language)}
        </h2>
        {read && (
          <p className="badges">
            <Badge tone="success">{t('learning.read')}</Badge>
          </p>
        )}
      </header>
      <Markdown className="lesson-body">{pick(lesson.body, i18n.language)}</Markdown>
      {!read && (
        <div className="form-actions module-item__footer">
          <Button
            loading={markRead.isPending}
            onClick={() =>
              markRead.mutate(item.id, {
                onError: (error) => toast(errorMessage(error, t), 'error'),
              })
            }
          >
            {t('learning.markRead')}
            <span className="visually-hidden">: {pick(lesson.title, i18n.language)}</span>
          </Button>
        </div>
      )}
    </section>
  );
}
