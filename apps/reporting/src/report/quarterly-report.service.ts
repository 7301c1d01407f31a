import { Injectable } from '@nestjs/common';
import { formatDateTime, label, periodName, translator, type Language, type QuarterlyReport, type QuarterRow, type ReportRow, type YearRow } from '@binh-yen/report-model';
import { READ_MODELS } from '../freshness/projection-freshness';
import { ReportSnapshot } from '../freshness/report-snapshot';
import { taxonomyNamesAsOf } from '../taxonomy/taxonomy-names';
import { readReportFigures, type ReportFigures } from './report-figures';
import { isYear, periodEnd, type ReportScope } from './report-scope';
import { campaignsSection } from './sections/campaigns.section';
import { casesSection } from './sections/cases.section';
import { forcesSection } from './sections/forces.section';
import { incidentsSection } from './sections/incidents.section';
import { modelsSection } from './sections/models.section';
import { movementSection } from './sections/movement.section';
import { pilotsSection } from './sections/pilots.section';
import { pressSection } from './sections/press.section';
import type { SectionContext, SectionDraft } from './sections/section-context';

/** The report's sections in order, one builder each. */
const SECTIONS: readonly ((figures: ReportFigures, context: SectionContext) => SectionDraft)[] = [
  movementSection,
  modelsSection,
  pilotsSection,
  campaignsSection,
  incidentsSection,
  casesSection,
  forcesSection,
  pressSection,
];

/**
 * A year has one comparison, the year before. Its period before and its same period a
 * year earlier are both that year, so a row carries whichever of the two it computed:
 * a yearly figure such as certification has only the second (issue 24).
 */
function forPeriod(rows: QuarterRow[], year: boolean): ReportRow[] {
  return year ? rows.map(({ key, metric, better, current, previousQuarter, sameQuarterLastYear }): YearRow => ({ key, metric, better, current, previousYear: previousQuarter ?? sameQuarterLastYear })) : rows;
}

/** Assembles the quarterly report (the directive's closing paragraph), or a year's roll-up of it, from the read models. */
@Injectable()
export class QuarterlyReportService {
  constructor(private readonly snapshot: ReportSnapshot) {}

  /** Every figure, name and watermark of the answer from one snapshot of the read models (issue 24). */
  async build(scope: ReportScope, language: Language): Promise<QuarterlyReport> {
    const { figures, currentAsOf } = await this.snapshot.read(READ_MODELS, async (db) => ({
      numbers: await readReportFigures(db, scope),
      taxonomy: await taxonomyNamesAsOf(db, periodEnd(scope.period), language),
    }));
    const t = translator(language);
    const context: SectionContext = { language, t, taxonomy: figures.taxonomy };
    const year = isYear(scope.period);
    return {
      title: t(year ? 'titleYear' : 'title'),
      area: { path: scope.area, name: figures.numbers.areaName },
      ...(year ? { periodKind: 'year' as const, year: scope.period } : { periodKind: 'quarter' as const, quarter: scope.period }),
      view: scope.view,
      language,
      currentAsOf,
      text: {
        period: periodName(scope.period, language),
        view: t(scope.view),
        currentAsOf: Object.entries(currentAsOf).map(([name, watermark]) => ({
          name: label(`projection.${name}`, language),
          at: watermark.lastEventAt ? formatDateTime(watermark.lastEventAt, language) : t('notYet'),
        })),
      },
      sections: SECTIONS.map((build) => build(figures.numbers, context)).map((section) => ({ ...section, rows: forPeriod(section.rows, year) })),
    };
  }
}
