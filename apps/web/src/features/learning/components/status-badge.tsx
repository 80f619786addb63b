import type { ModuleCard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

type Status = ModuleCard['status'];

const TONE: Record<Status, BadgeTone> = {
  locked: 'neutral',
  not_started: 'neutral',
  in_progress: 'primary',
  complete: 'success',
};

/** Progress state of a module or path. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`learning.status.${status}`)}</Badge>;
}
