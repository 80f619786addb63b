import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/ui/field';
import { trackName, useDepartments, useTracks } from '../../../lib/reference-data';
import { PERIOD_PRESETS, type DashboardFilters, type PeriodPreset, type RangeProblem } from './filters';

interface FilterBarProps {
  filters: DashboardFilters;
  problem: RangeProblem | null;
  onChange: (next: DashboardFilters) => void;
}

/** Department, track and period; every change goes straight to the URL (and so to the query). */
export function FilterBar({ filters, problem, onChange }: FilterBarProps) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const tracks = useTracks();
  const set = (patch: Partial<DashboardFilters>) => onChange({ ...filters, ...patch });
  // A date not chosen yet is a hint on the page, not an error on the field.
  const error = (field: RangeProblem['field']) =>
    problem?.field === field && problem.problem !== 'required'
      ? t(`hrDashboard.filters.problem.${problem.problem}`)
      : undefined;

  return (
    <div className="filters hr-filters" role="group" aria-label={t('hrDashboard.filters.label')}>
      <SelectField
        label={t('hrDashboard.filters.department')}
        value={filters.departmentId}
        onChange={(e) => set({ departmentId: e.target.value })}
        disabled={departments.isPending}
      >
        <option value="">{t('hrDashboard.filters.allDepartments')}</option>
        {(departments.data ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('hrDashboard.filters.track')}
        value={filters.trackId}
        onChange={(e) => set({ trackId: e.target.value })}
        disabled={tracks.isPending}
      >
        <option value="">{t('hrDashboard.filters.allTracks')}</option>
        {(tracks.data ?? []).map((track) => (
          <option key={track.id} value={track.id}>
            {trackName(track, i18n.language)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('hrDashboard.filters.period')}
        value={filters.period}
        onChange={(e) => set({ period: e.target.value as PeriodPreset })}
      >
        {PERIOD_PRESETS.map((p) => (
          <option key={p} value={p}>
            {t(`hrDashboard.filters.periods.${p}`)}
          </option>
        ))}
      </SelectField>
      {filters.period === 'custom' && (
        <>
          <TextField
            type="date"
            label={t('hrDashboard.filters.from')}
            value={filters.from}
            max={filters.to || undefined}
            error={error('from')}
            onChange={(e) => set({ from: e.target.value })}
          />
          <TextField
            type="date"
            label={t('hrDashboard.filters.to')}
            value={filters.to}
            min={filters.from || undefined}
            error={error('to')}
            onChange={(e) => set({ to: e.target.value })}
          />
        </>
      )}
    </div>
  );
}
