import type { AuditEntry } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/ui/table';
import { formatDateTime } from '../../../lib/format';
import { trackName, useDepartments, useTracks } from '../../../lib/reference-data';
import { usePersonNames } from '../api/audit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const shortId = (id: string) => (UUID.test(id) ? `${id.slice(0, 8)}…` : id);

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.map(formatValue).join(', ') || '–';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const SHORT = 90;

/** Key: value lines; long values (a whole AI policy, say) fold away behind a disclosure. */
function AuditDetails({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const lines = Object.entries(data).map(([key, value]) => `${key}: ${formatValue(value)}`);
  const text = lines.join('\n');
  if (text.length <= SHORT) {
    return lines.map((line) => <div key={line}>{line}</div>);
  }
  return (
    <details className="audit-details">
      <summary>
        {text.slice(0, SHORT).replace(/\n/g, ' · ')}… <span className="audit-details__more">{t('audit.showAll')}</span>
      </summary>
      <pre>{text}</pre>
    </details>
  );
}

interface AuditTableProps {
  items: AuditEntry[];
  onFilterActor: (id: string) => void;
  onFilterTarget: (id: string) => void;
}

export function AuditTable({ items, onFilterActor, onFilterTarget }: AuditTableProps) {
  const { t, i18n } = useTranslation();
  const personIds = [
    ...new Set(
      items
        .flatMap((e) => [e.actorId, e.targetType === 'user' ? e.targetId : null])
        .filter((id): id is string => !!id && UUID.test(id)),
    ),
  ];
  const names = usePersonNames(personIds);

  const tracks = useTracks();
  const departments = useDepartments();
  const person = (id: string) => names.get(id) ?? shortId(id);
  // Targets are stored as ids; show what they are called today where we know it.
  const targetLabel = (type: string, id: string) => {
    if (type === 'user') return person(id);
    if (type === 'track') {
      const track = tracks.data?.find((tr) => tr.id === id);
      if (track) return trackName(track, i18n.language);
    }
    if (type === 'department') {
      const department = departments.data?.find((d) => d.id === id);
      if (department) return department.name;
    }
    return shortId(id);
  };

  return (
    <TableScroll label={t('audit.tableLabel')}>
      <table className="table">
        <caption className="visually-hidden">{t('audit.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columns.time')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.target')}</th>
            <th scope="col">{t('audit.columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, i18n.language)}</time>
              </td>
              <td>
                <span className="table__primary">
                  {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
                </span>
                <div className="table__secondary">
                  <code>{entry.action}</code>
                </div>
              </td>
              <td className="nowrap">
                {entry.actorId ? (
                  <button
                    type="button"
                    className="link-button"
                    title={entry.actorId}
                    onClick={() => onFilterActor(entry.actorId!)}
                  >
                    {person(entry.actorId)}
                    <span className="visually-hidden"> – {t('audit.filterByActor')}</span>
                  </button>
                ) : (
                  <span className="muted">{t('audit.system')}</span>
                )}
              </td>
              <td className="nowrap">
                <span className="table__secondary">
                  {t(`audit.targetTypes.${entry.targetType}`, { defaultValue: entry.targetType })}
                </span>
                {/* An organisation target is always the reader's own organisation: its id says nothing. */}
                {entry.targetId && entry.targetType !== 'organization' && (
                  <div>
                    <button
                      type="button"
                      className="link-button"
                      title={entry.targetId}
                      onClick={() => onFilterTarget(entry.targetId!)}
                    >
                      {targetLabel(entry.targetType, entry.targetId)}
                      <span className="visually-hidden"> – {t('audit.filterByTarget')}</span>
                    </button>
                  </div>
                )}
              </td>
              <td className="json-cell">
                {Object.keys(entry.data).length === 0 ? '–' : <AuditDetails data={entry.data} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
