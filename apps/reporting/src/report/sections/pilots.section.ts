import { quarterName } from '@binh-yen/report-model';
import type { ReportFigures } from '../report-figures';
import { columns, snapshot, type SectionContext, type SectionDraft } from './section-context';

/** 3. Pilot units (1–2 per district) and hotspots (clause 3). */
export function pilotsSection({ pilots, hotspots }: ReportFigures, context: SectionContext): SectionDraft {
  const { t, language } = context;
  return {
    key: 'pilots',
    title: t('section.pilots'),
    rows: [
      snapshot('pilots.compliant', t('districtsCompliant'), 'higher', pilots.filter((d) => d.compliant).length),
      snapshot('pilots.missing', t('districtsMissing'), 'lower', pilots.filter((d) => d.pilotUnitCodes.length === 0).length),
      snapshot('pilots.hotspots', t('hotspots'), 'lower', hotspots.length),
    ],
    details: [
      { heading: t('districtsCompliant'), columns: columns(context, ['col.code', 'col.unit', 'col.pilots']), rows: pilots.map((d) => [d.code, d.name, d.pilotUnitCodes.join(', ')]) },
      {
        heading: t('hotspots'),
        columns: columns(context, ['col.code', 'col.unit', 'col.reason', 'col.from', 'col.to']),
        rows: hotspots.map((h) => [h.code, h.name, h.reason, quarterName(h.fromQuarter, language), h.toQuarter ? quarterName(h.toQuarter, language) : '']),
      },
    ],
  };
}
