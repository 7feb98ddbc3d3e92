/** The borrower's wall-clock time in each candidate zone, ticking each minute. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function LocalClock({ zones }: { zones: string[] }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <span className="local-clock">
      {zones.map((zone) => {
        let text: string;
        try {
          text = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(now);
        } catch {
          text = '—';
        }
        return (
          <span key={zone} className="local-clock-zone">
            <strong>{text}</strong>{' '}
            <span className="muted small">{zone}</span>
          </span>
        );
      })}
    </span>
  );
}
