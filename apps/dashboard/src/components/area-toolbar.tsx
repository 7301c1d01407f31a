import { isWithinArea, type Session } from '../api/session';
import type { UnitView } from '../api/types';
import { unitsApi } from '../api/units-api';
import { useI18n } from '../i18n/i18n';
import { currentQuarter, quartersUpTo } from '../quarters';
import { routeHref, type Page } from '../state/route';
import { useResource } from '../state/use-resource';
import { ProblemAlert } from './problem-alert';

export interface AreaTrail {
  unit: UnitView;
  /** From the user's own area down to the unit. */
  trail: UnitView[];
}

export const codeOf = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

export async function loadArea(session: Session, path: string, signal: AbortSignal): Promise<AreaTrail> {
  const code = codeOf(path);
  const [unit, ancestors] = await Promise.all([
    unitsApi.get(session, code, signal),
    unitsApi.ancestors(session, code, signal),
  ]);
  // The user's area is the root: nothing above it is shown.
  return { unit, trail: [...ancestors.filter((a) => isWithinArea(a.path, session.area)), unit] };
}

/** Breadcrumb from the user's area to the one shown, and the quarter picker; shared by every page. */
export function AreaToolbar({ session, page, area, quarter, onQuarter }: { session: Session; page: Page; area: string; quarter: string; onQuarter(quarter: string): void }): JSX.Element {
  const { t, quarter: quarterLabel } = useI18n();
  const place = useResource((signal) => loadArea(session, area, signal), [session.token, area], { live: false });
  // The last two years, and the chosen one if it lies outside them.
  const quarters = quartersUpTo(currentQuarter(), 8).reverse();
  if (!quarters.includes(quarter)) quarters.push(quarter);
  return (
    <div className="toolbar">
      <nav aria-label={t('breadcrumb')} className="breadcrumb-nav">
        {place.error ? (
          <ProblemAlert error={place.error} onHome={() => (window.location.hash = routeHref(page, { area: session.area, quarter }))} />
        ) : (
          <ol className="breadcrumb" data-testid="breadcrumb">
            {(place.data?.trail ?? []).map((unit, i, all) => (
              <li key={unit.path}>
                {i === all.length - 1 ? (
                  <span aria-current="page">{unit.name}</span>
                ) : (
                  <a href={routeHref(page, { area: unit.path, quarter })}>{unit.name}</a>
                )}
              </li>
            ))}
            {!place.data && <li>{t('loading')}</li>}
          </ol>
        )}
      </nav>
      <div className="field-inline">
        <label htmlFor="quarter-select">{t('quarter')}</label>
        <select id="quarter-select" value={quarter} onChange={(event) => onQuarter(event.target.value)} data-testid="quarter-select">
          {quarters.map((q) => (
            <option key={q} value={q}>
              {quarterLabel(q)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
