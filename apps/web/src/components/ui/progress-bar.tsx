/**
 * A labelled progress bar for dashboards; the text beside it says the same for everyone who cannot see the
 * bar (the progressbar role carries it as its value text too).
 */
export function ProgressBar({
  value,
  max,
  label,
  valueText,
  size = 'md',
}: {
  value: number;
  max: number;
  label: string;
  valueText: string;
  size?: 'sm' | 'md';
}) {
  const shown = Math.max(0, Math.min(value, max));
  const percent = max > 0 ? Math.round((shown / max) * 100) : 0;
  return (
    <div className={`progress progress--${size}`}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={shown}
        aria-valuetext={valueText}
      >
        <div
          className={`progress__fill${percent === 100 ? ' progress__fill--done' : ''}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="progress__text" aria-hidden="true">
        {valueText}
      </p>
    </div>
  );
}
