import { useEffect, useState } from 'react';
import type { Session } from '../api/session';
import type { UnitView } from '../api/types';
import { unitsApi } from '../api/units-api';
import { useI18n } from '../i18n/i18n';

/**
 * Picks a unit of the caller's area by name or code, with or without diacritics ("gia cam"
 * finds "Phường Gia Cẩm": the units service folds them). A search box and a list of matches:
 * both plain controls, so keyboard and screen readers work as everywhere else.
 */
export function UnitPicker({ session, id, label, value, onChange, error, kind }: { session: Session; id: string; label: string; value: string; onChange(code: string): void; error?: string | undefined; kind?: UnitView['kind'] }): JSX.Element {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<UnitView[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setMatches([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      unitsApi.search(session, { q, under: session.area, ...(kind ? { kind } : {}) }, controller.signal).then(
        (page) => setMatches(page.items),
        () => undefined,
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, session, kind]);
  const describedBy = error ? `${id}-error` : undefined;
  return (
    <fieldset className="unit-picker">
      <legend>{label}</legend>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('form.unitSearch')}</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" data-testid={`${id}-search`} />
      </div>
      <div className="field">
        <label htmlFor={id}>{t('form.unitMatches')}</label>
        <select id={id} size={Math.min(6, Math.max(2, matches.length + 1))} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={Boolean(error)} aria-describedby={describedBy} data-testid={id}>
          <option value="">{matches.length === 0 ? t('form.unitNone') : t('form.unitChoose')}</option>
          {matches.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {`${unit.name} (${unit.code})`}
            </option>
          ))}
          {value && !matches.some((unit) => unit.code === value) && <option value={value}>{value}</option>}
        </select>
      </div>
      {error && (
        <span id={`${id}-error`} className="field-error" data-testid={`error-${id}`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
