import type { BreakdownRow, GroupFigures, HrDashboardQuery } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/states';
import { TableScroll } from '../../../components/ui/table';
import { trackName, useTracks } from '../../../lib/reference-data';
import type { HrCsvTable } from '../api/hr-dashboard';
import { CsvButton } from './csv-button';
import { FigureValue, useFormatters, type Formatter } from './figure';

const COLUMNS = [
  ['enrolled', 'count'],
  ['active', 'count'],
  ['completionRate', 'percent'],
  ['modulesCompleted', 'count'],
  ['freiraumAllocated', 'hours'],
  ['freiraumApproved', 'hours'],
  ['freiraumUsed', 'hours'],
  ['experimentsShared', 'count'],
  ['outcomeWorked', 'count'],
  ['outcomePartly', 'count'],
  ['outcomeFailed', 'count'],
  ['minutesSaved', 'minutes'],
] as const satisfies readonly (readonly [keyof GroupFigures, 'count' | 'percent' | 'hours' | 'minutes'])[];

type BreakdownTable = Extract<HrCsvTable, 'departments' | 'tracks'>;

/**
 * The display name of a breakdown row: tracks in the reader's language (the API sends one name), and the
 * people without a department or track under a name of their own.
 */
export function useGroupName(table: BreakdownTable) {
  const { t, i18n } = useTranslation();
  const tracks = useTracks();
  return (row: Pick<BreakdownRow, 'id' | 'name'>) => {
    if (row.id === null) return t(`hrDashboard.breakdown.${table}.none`);
    const track = table === 'tracks' ? tracks.data?.find((x) => x.id === row.id) : undefined;
    return track ? trackName(track, i18n.language) : row.name;
  };
}

interface BreakdownTableProps {
  table: BreakdownTable;
  rows: BreakdownRow[];
  totals: GroupFigures;
  query: HrDashboardQuery | null;
}

/** Every group figure per department or per track, with the whole filter as the last row. */
export function BreakdownTable({ table, rows, totals, query }: BreakdownTableProps) {
  const { t } = useTranslation();
  const formatters = useFormatters();
  const nameOf = useGroupName(table);
  const k = (key: string) => t(`hrDashboard.breakdown.${table}.${key}`);
  const cells = (figures: GroupFigures) =>
    COLUMNS.map(([key, format]) => (
      <td className="num nowrap" key={key}>
        <FigureValue figure={figures[key]} format={formatters[format] satisfies Formatter} />
      </td>
    ));

  return (
    <Card
      className="card--flush"
      title={k('title')}
      description={k('description')}
      actions={<CsvButton table={table} query={query} />}
    >
      {rows.length === 0 ? (
        <EmptyState title={k('empty')} />
      ) : (
        <TableScroll label={k('caption')}>
          <table className="table hr-table">
            <caption className="visually-hidden">{k('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{k('group')}</th>
                {COLUMNS.map(([key]) => (
                  <th scope="col" className="num" key={key}>
                    {t(`hrDashboard.columns.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id ?? 'none'}>
                  <th scope="row" className="table__primary">
                    {nameOf(row)}
                  </th>
                  {cells(row.figures)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="table__primary">
                  {t('hrDashboard.columns.total')}
                </th>
                {cells(totals)}
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </Card>
  );
}
