import type { FreiraumRequest, Period } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { daysOf, formatHours, periodLabel, weekdayIndex, weekdayNames } from './format';

// Cancelled and rejected requests leave the day free; the list still shows them.
const SHOWN = new Set(['pending', 'approved']);

/** A month grid per month of the period; days with requested or approved time are marked in words too. */
export function RequestCalendar({
  period,
  items,
  today,
}: {
  period: Pick<Period, 'start' | 'end'>;
  items: FreiraumRequest[];
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const short = weekdayNames(lang, 'short');
  const long = weekdayNames(lang, 'long');
  const byDay = new Map<string, FreiraumRequest[]>();
  for (const r of items) if (SHOWN.has(r.status)) byDay.set(r.slotDate, [...(byDay.get(r.slotDate) ?? []), r]);

  const months = new Map<string, string[]>();
  for (const day of daysOf(period)) months.set(day.slice(0, 7), [...(months.get(day.slice(0, 7)) ?? []), day]);

  return (
    <div className="freiraum-calendars">
      {[...months].map(([month, days]) => {
        // Leading blanks up to the first day's weekday, then weeks of seven.
        const cells: (string | null)[] = [...Array<null>(weekdayIndex(days[0])).fill(null), ...days];
        while (cells.length % 7) cells.push(null);
        const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
        return (
          <table className="freiraum-calendar" key={month}>
            <caption className="freiraum-calendar__caption">{periodLabel(month, t, lang)}</caption>
            <thead>
              <tr>
                {short.map((name, i) => (
                  <th scope="col" key={name}>
                    <abbr title={long[i]}>{name}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, w) => (
                <tr key={w}>
                  {week.map((day, i) => {
                    if (!day) return <td key={`blank-${i}`} className="freiraum-calendar__blank" />;
                    const requests = byDay.get(day) ?? [];
                    const approved = requests.some((r) => r.status === 'approved');
                    const tone = approved ? 'approved' : requests.length ? 'pending' : 'free';
                    return (
                      <td
                        key={day}
                        className={`freiraum-calendar__day freiraum-calendar__day--${tone}`}
                        aria-current={day === today ? 'date' : undefined}
                      >
                        <span className="freiraum-calendar__number">{Number(day.slice(8))}</span>
                        {requests.map((r) => (
                          <span key={r.id} className={`freiraum-calendar__mark freiraum-calendar__mark--${r.status}`}>
                            {formatHours(r.hours, t, lang)}{' '}
                            <span className="freiraum-calendar__status">{t(`freiraum.status.${r.status}`)}</span>
                          </span>
                        ))}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
