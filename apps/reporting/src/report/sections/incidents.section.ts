import { compareVietnamese } from '@binh-yen/report-model';
import type { ReportFigures } from '../report-figures';
import { compared, keysOf, type SectionContext, type SectionDraft } from './section-context';

/**
 * 5. Incidents by category, security domain and source (clause 3). Categories and domains
 * are named by the taxonomy as it was at the end of the period (ADR 0042), sorted as
 * Vietnamese is; a slug the taxonomy never named stays as it is.
 */
export function incidentsSection({ incidents, caseFigures }: ReportFigures, context: SectionContext): SectionDraft {
  const { t, taxonomy } = context;
  const domainName = (domain: string): string => taxonomy('domain', domain) ?? t(`domain.${domain}`);
  const categories = incidents.byCategory
    .map((figures) => ({ ...figures, name: taxonomy('category', figures.category) ?? figures.category }))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  return {
    key: 'incidents',
    title: t('section.incidents'),
    rows: [
      { key: 'incidents.total', metric: t('incidentsTotal'), better: 'lower', ...incidents.total },
      ...categories.map(({ category, name, current, previousQuarter, sameQuarterLastYear }) => ({ key: `category.${category}`, metric: name, better: 'lower' as const, current, previousQuarter, sameQuarterLastYear })),
      ...keysOf(caseFigures, (c) => c.byDomain).map((domain) => compared(`domain.${domain}`, `${t('domain')}: ${domainName(domain)}`, 'lower', caseFigures, (c) => c.byDomain[domain] ?? 0)),
      ...keysOf(caseFigures, (c) => c.bySource).map((source) => compared(`source.${source}`, `${t('source')}: ${t(`source.${source}`)}`, null, caseFigures, (c) => c.bySource[source] ?? 0)),
      compared('incidents.publicTipShare', t('publicTipShare'), 'higher', caseFigures, (c) => (c.incidents === 0 ? 0 : Math.round(((c.bySource['public-tip'] ?? 0) / c.incidents) * 1000) / 10)),
    ],
    details: [],
  };
}
