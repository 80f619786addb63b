/** A labelled progress bar; the text beside it says the same for everyone who cannot see the bar. */
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
  const percent = max > 0 ? Math.round((Math.min(value, max) / max) * 100) : 0;
  return (
    <div className={`progress progress--${size}`}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
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
