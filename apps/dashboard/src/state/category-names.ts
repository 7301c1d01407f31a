import { incidentsApi } from '../api/incidents-api';
import type { Session } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { useResource } from './use-resource';

/**
 * Incident categories by their names in the chosen language, from the incidents service's
 * taxonomy (it is data, renamed by administrators): the dashboard keeps no copy of it.
 * A slug not (yet) known shows as it is.
 */
export function useCategoryName(session: Session): (slug: string) => string {
  const { language } = useI18n();
  const taxonomy = useResource((signal) => incidentsApi.taxonomy(session, signal), [session.token], { live: false });
  return (slug) => {
    const entry = taxonomy.data?.categories.find((category) => category.slug === slug);
    return entry ? (language === 'vi' ? entry.nameVi : entry.nameEn) : slug;
  };
}
