import { useI18n } from '../i18n/i18n';
import { useLive } from '../state/live';

/** The watermark of each projection ("current as of"), whether it is catching up or restarting, announced politely when it moves. */
export function FreshnessStatus(): JSX.Element {
  const { t, dateTime, number, projection } = useI18n();
  const { freshness, connected } = useLive();
  return (
    <div className="freshness" data-testid="freshness">
      <span className={`live-dot ${connected ? 'on' : 'off'}`} aria-hidden="true" />
      <span className="visually-hidden">{connected ? t('liveConnected') : t('liveDisconnected')}</span>
      <span aria-hidden="true">{connected ? t('liveConnected') : t('liveDisconnected')}</span>
      <span aria-live="polite">
        {freshness &&
          Object.entries(freshness).map(([name, watermark]) => (
            <span key={name} className={`watermark ${watermark.state ?? 'current'}`} data-testid={`watermark-${name}`} data-state={watermark.state ?? 'current'}>
              {`${projection(name)} — ${t('currentAsOf')}: ${watermark.lastEventAt ? dateTime(watermark.lastEventAt) : t('notYet')}`}
              {watermark.lag ? ` (${number(watermark.lag)} ${t('lag')})` : ''}
              {/* While a projector rejoins its group (a restart) or works off a backlog, the figures shown are older than they look. */}
              {watermark.state && watermark.state !== 'current' ? ` · ${t(`freshness.${watermark.state}`)}` : ''}
            </span>
          ))}
      </span>
    </div>
  );
}
