import { incidentsApi } from '../api/incidents-api';
import type { Me } from '../api/me';
import type { Session } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { useCategoryName } from '../state/category-names';
import { useMe } from '../state/me';
import { routeHref, type Page } from '../state/route';
import { useResource } from '../state/use-resource';

/** Each form and the policy action (libs/auth, answered by /me) that lets a caller use it. */
const FORMS: { page: Page; action: Me['actions'][number]; label: string }[] = [
  { page: 'report-incident', action: 'incident.report', label: 'form.reportIncident' },
  { page: 'rate-unit', action: 'unit.rate', label: 'form.rateUnit' },
  { page: 'hotspot', action: 'unit.designate', label: 'form.hotspot' },
  { page: 'campaign-activity', action: 'campaign.record', label: 'form.campaignActivity' },
  { page: 'pledge', action: 'campaign.record', label: 'form.pledge' },
];

/** The officer's work: the forms the policy allows, and the cases of the area to take further. */
export function WorkPage({ session, area }: { session: Session; area: string }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const allowed = FORMS.filter((form) => me?.actions.includes(form.action));
  const mayReadIncidents = me?.actions.includes('incident.read') ?? false;
  const incidents = useResource((signal) => (mayReadIncidents ? incidentsApi.list(session, { area, limit: 20 }, signal) : Promise.resolve(null)), [area, mayReadIncidents]);
  const categoryName = useCategoryName(session);
  if (!me) return <p className="muted">{t('loading')}</p>;
  return (
    <div className="stack">
      <h1>{t('page.work')}</h1>
      <section className="card" aria-labelledby="forms-heading">
        <h2 id="forms-heading">{t('form.forms')}</h2>
        {allowed.length === 0 ? (
          <p className="muted">{t('noActions')}</p>
        ) : (
          <ul className="chips" data-testid="forms">
            {allowed.map((form) => (
              <li key={form.page}>
                <a href={routeHref(form.page, { area })} data-testid={`form-link-${form.page}`}>
                  {t(form.label)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayReadIncidents && (
        <section className="card" aria-labelledby="cases-heading">
          <h2 id="cases-heading">{t('form.recentIncidents')}</h2>
          <div className="table-scroll">
            <table data-testid="incident-rows">
              <thead>
                <tr>
                  <th scope="col">{t('form.occurredAt')}</th>
                  <th scope="col">{t('form.unit')}</th>
                  <th scope="col">{t('form.category')}</th>
                  <th scope="col">{t('form.status')}</th>
                </tr>
              </thead>
              <tbody>
                {(incidents.data?.items ?? []).map((incident) => (
                  <tr key={incident.id}>
                    <td>
                      <a href={routeHref('incident', { id: incident.id })}>{i18n.dateTime(incident.occurredAt)}</a>
                    </td>
                    <td>{incident.unitName}</td>
                    <td>{categoryName(incident.category)}</td>
                    <td>{t(`status.${incident.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
