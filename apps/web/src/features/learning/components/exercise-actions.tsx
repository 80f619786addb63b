import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

/** Submit, plus "show the last result" once there is one — the action row of every graded exercise form. */
export function ExerciseActions({
  submitLabel,
  submitting,
  onShowLast,
}: {
  submitLabel: string;
  submitting: boolean;
  /** Set when a previous result exists. */
  onShowLast?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <Button type="submit" variant="primary" loading={submitting}>
        {submitLabel}
      </Button>
      {onShowLast && (
        <Button variant="ghost" onClick={onShowLast}>
          {t('learning.showLastResult')}
        </Button>
      )}
    </div>
  );
}
