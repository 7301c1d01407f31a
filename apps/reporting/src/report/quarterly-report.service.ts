import { Injectable } from '@nestjs/common';
import { CasePipelineQueries, FUNNEL, OUTCOMES, STAGES } from '../cases/case-pipeline.queries';
import { CampaignFiguresQueries } from '../campaigns/campaign-figures.queries';
import { READ_MODELS } from '../freshness/projection-freshness';
import { ReportSnapshot, type SnapshotReader } from '../freshness/report-snapshot';
import { IncidentReportQueries } from '../incident-counts/incident-report.queries';
import { MovementQueries, type Compared } from '../movement/movement.queries';
import { AGENCY_COLUMNS, agencyName, label, type Language } from './labels';
import type { QuarterRow, QuarterlyReport, ReportRow, ReportSection, YearRow } from './quarterly-report';
import { isYear, previousPeriod, quartersOf, samePeriodLastYear, type ReportScope } from './report-scope';

function row<T>(metric: string, figures: Compared<T>, pick: (figure: T) => number): QuarterRow {
  return { metric, current: pick(figures.current), previousQuarter: pick(figures.previousQuarter), sameQuarterLastYear: pick(figures.sameQuarterLastYear) };
}

/**
 * A year has one comparison, the year before. Its period before and its same period a
 * year earlier are both that year, so a row carries whichever of the two it computed:
 * a yearly figure such as certification has only the second (issue 24).
 */
function forPeriod(rows: QuarterRow[], year: boolean): ReportRow[] {
  return year ? rows.map(({ metric, current, previousQuarter, sameQuarterLastYear }): YearRow => ({ metric, current, previousYear: previousQuarter ?? sameQuarterLastYear })) : rows;
}

/** The breakdown keys seen in any of the three quarters, in a stable order. */
function keysOf<T>(figures: Compared<T>, pick: (figure: T) => Record<string, number>): string[] {
  return [...new Set([figures.current, figures.previousQuarter, figures.sameQuarterLastYear].flatMap((figure) => Object.keys(pick(figure))))].sort();
}

/** Assembles the quarterly report (the directive's closing paragraph), or a year's roll-up of it, from the read models. */
@Injectable()
export class QuarterlyReportService {
  constructor(private readonly snapshot: ReportSnapshot) {}

  /** Every figure and every watermark of the answer from one snapshot of the read models (issue 24). */
  async build(scope: ReportScope, language: Language): Promise<QuarterlyReport> {
    const { figures, currentAsOf } = await this.snapshot.read(READ_MODELS, (db) => this.figures(db, scope));
    return this.assemble(scope, language, figures, currentAsOf);
  }

  private async figures(db: SnapshotReader, scope: ReportScope) {
    const movement = new MovementQueries(db);
    const campaigns = new CampaignFiguresQueries(db);
    const [ratings, weakUnits, certified, hotspots, pilots, models, forces, training, incidents, campaignFigures, campaignProgress, agencyFigures, caseFigures, areaName] = await Promise.all([
      movement.ratings(scope),
      movement.weakUnits(scope),
      movement.certifiedUnits(scope),
      movement.hotspots(scope),
      movement.pilots(scope),
      movement.models(scope),
      movement.forces(scope),
      movement.training(scope),
      incidentsByCategory(db, scope),
      campaigns.compared(scope),
      campaigns.progress(scope),
      campaigns.byAgency(scope, scope.period),
      new CasePipelineQueries(db).compared(scope),
      nameOf(db, scope.area),
    ]);
    return { ratings, weakUnits, certified, hotspots, pilots, models, forces, training, incidents, campaignFigures, campaignProgress, agencyFigures, caseFigures, areaName };
  }

  private assemble(scope: ReportScope, language: Language, figures: Awaited<ReturnType<QuarterlyReportService['figures']>>, currentAsOf: QuarterlyReport['currentAsOf']): QuarterlyReport {
    const t = (key: string): string => label(key, language);
    const { ratings, weakUnits, certified, hotspots, pilots, models, forces, training, incidents, campaignFigures, campaignProgress, agencyFigures, caseFigures, areaName } = figures;
    const sections: (Omit<ReportSection, 'rows'> & { rows: QuarterRow[] })[] = [
      {
        key: 'movement',
        title: t('section.movement'),
        rows: [
          row(t('rated'), ratings, (r) => r.rated),
          ...(['strong', 'fair', 'average', 'weak'] as const).map((rating) => row(t(rating), ratings, (r) => r[rating])),
          { metric: `${t('certified')} ${certified.year}`, current: certified.certified, previousQuarter: null, sameQuarterLastYear: certified.previousYear },
        ],
        details: [
          {
            heading: t('weakUnits'),
            columns: ['Mã / Code', 'Đơn vị / Unit', 'Biện pháp / Actions', 'Cơ quan chủ trì / Responsible', 'Quý mục tiêu / Target'],
            rows: weakUnits.map((unit) => [unit.code, unit.name, unit.improvementPlan?.actions.join('; ') ?? '', unit.improvementPlan?.responsibleAgency ?? '', unit.improvementPlan?.targetQuarter ?? '']),
          },
        ],
      },
      {
        key: 'models',
        title: t('section.models'),
        rows: (['registered', 'interimReviews', 'finalReviews', 'advanced', 'replicated'] as const).map((key) => row(t(key), models, (m) => m[key])),
        details: [],
      },
      {
        key: 'pilots',
        title: t('section.pilots'),
        rows: [
          { metric: t('districtsCompliant'), current: pilots.filter((d) => d.compliant).length, previousQuarter: null, sameQuarterLastYear: null },
          { metric: t('districtsMissing'), current: pilots.filter((d) => d.pilotUnitCodes.length === 0).length, previousQuarter: null, sameQuarterLastYear: null },
          { metric: t('hotspots'), current: hotspots.length, previousQuarter: null, sameQuarterLastYear: null },
        ],
        details: [
          { heading: t('districtsCompliant'), columns: ['Mã / Code', 'Đơn vị / Unit', 'Điểm / Pilots'], rows: pilots.map((d) => [d.code, d.name, d.pilotUnitCodes.join(', ')]) },
          { heading: t('hotspots'), columns: ['Mã / Code', 'Đơn vị / Unit', 'Lý do / Reason', 'Từ / From', 'Đến / To'], rows: hotspots.map((h) => [h.code, h.name, h.reason, h.fromQuarter, h.toQuarter]) },
        ],
      },
      {
        key: 'campaigns',
        title: t('section.campaigns'),
        rows: [
          row(t('activities'), campaignFigures, (c) => c.activities),
          row(t('participants'), campaignFigures, (c) => c.participants),
          ...keysOf(campaignFigures, (c) => c.participantsByGroup).map((group) => row(`${t('participants')} — ${t(group)}`, campaignFigures, (c) => c.participantsByGroup[group] ?? 0)),
          row(t('households'), campaignFigures, (c) => c.households),
          row(t('agreementsSigned'), campaignFigures, (c) => c.agreementsSigned),
        ],
        details: [
          {
            heading: t('campaignProgress'),
            columns: ['Phong trào / Campaign', 'Chủ trì / Lead', 'Trạng thái / Status', 'Hoạt động / Activities', 'Lượt tham gia / Participants', 'Hộ cam kết / Households', 'Tiến độ / Progress'],
            rows: campaignProgress.map((c) => [c.name, agencyName(c.leadAgency, language), t(c.status), String(c.activities), String(c.participants), String(c.households), c.progress]),
          },
          {
            heading: t('byAgency'),
            columns: AGENCY_COLUMNS,
            rows: agencyFigures.map((a) => [
              agencyName(a.agency, language),
              ...[a.activities, a.participants, a.households, a.agreementsSigned, a.stories, a.commendations].map(String),
            ]),
          },
        ],
      },
      {
        key: 'incidents',
        title: t('section.incidents'),
        rows: [
          { metric: t('incidentsTotal'), current: incidents.total.current, previousQuarter: incidents.total.previousQuarter, sameQuarterLastYear: incidents.total.sameQuarterLastYear },
          ...incidents.byCategory,
          ...keysOf(caseFigures, (c) => c.byDomain).map((domain) => row(`${t('domain')}: ${t(`domain.${domain}`)}`, caseFigures, (c) => c.byDomain[domain] ?? 0)),
          ...keysOf(caseFigures, (c) => c.bySource).map((source) => row(`${t('source')}: ${t(`source.${source}`)}`, caseFigures, (c) => c.bySource[source] ?? 0)),
          row(t('publicTipShare'), caseFigures, (c) => (c.incidents === 0 ? 0 : Math.round(((c.bySource['public-tip'] ?? 0) / c.incidents) * 1000) / 10)),
        ],
        details: [],
      },
      {
        key: 'cases',
        title: t('section.cases'),
        rows: [
          ...FUNNEL.map((status) => row(t(`status.${status}`), caseFigures, (c) => c.reached[status] ?? 0)),
          ...OUTCOMES.map((status) => row(t(`status.${status}`), caseFigures, (c) => c.reached[status] ?? 0)),
          row(t('cleared'), caseFigures, (c) => c.cleared),
        ],
        details: [
          {
            heading: t('stageDurations'),
            columns: ['Giai đoạn / Stage', 'Số vụ / Cases', 'Trung vị (ngày) / Median (days)', 'Phân vị 90 (ngày) / 90th percentile (days)'],
            rows: STAGES.map((stage) => {
              const figure = caseFigures.current.durations[stage];
              return [t(`stage.${stage}`), String(figure.cases), figure.median === null ? '—' : String(figure.median), figure.p90 === null ? '—' : String(figure.p90)];
            }),
          },
        ],
      },
      {
        key: 'forces',
        title: t('section.forces'),
        rows: [
          row(t('sessions'), training, (f) => f.sessions),
          row(t('trainees'), training, (f) => f.trainees),
          row(t('hours'), training, (f) => f.hours),
          ...forces.flatMap((force) => [
            { metric: `${t(force.forceType)} — ${t('teams')}`, current: force.teams, previousQuarter: null, sameQuarterLastYear: null },
            { metric: `${t(force.forceType)} — ${t('members')}`, current: force.members, previousQuarter: null, sameQuarterLastYear: null },
          ]),
        ],
        details: [],
      },
      {
        key: 'press',
        title: t('section.press'),
        rows: [
          row(t('stories'), campaignFigures, (c) => c.stories),
          ...keysOf(campaignFigures, (c) => c.storiesByOutlet).map((outlet) => row(`${t('stories')} — ${t(outlet)}`, campaignFigures, (c) => c.storiesByOutlet[outlet] ?? 0)),
          row(t('commendations'), campaignFigures, (c) => c.commendations),
          ...keysOf(campaignFigures, (c) => c.commendationsByLevel).map((level) => row(`${t('commendations')} — ${t(`level.${level}`)}`, campaignFigures, (c) => c.commendationsByLevel[level] ?? 0)),
        ],
        details: [],
      },
    ];
    const year = isYear(scope.period);
    return {
      title: t(year ? 'titleYear' : 'title'),
      area: { path: scope.area, name: areaName },
      ...(year ? { periodKind: 'year' as const, year: scope.period } : { periodKind: 'quarter' as const, quarter: scope.period }),
      view: scope.view,
      language,
      currentAsOf,
      sections: sections.map((section) => ({ ...section, rows: forPeriod(section.rows, year) })),
    };
  }
}

async function nameOf(db: SnapshotReader, path: string): Promise<string> {
  const rows: { name: string }[] = await db.query(`SELECT name FROM report_units_v1 WHERE path = $1 AND status = 'active' LIMIT 1`, [path]);
  return rows[0]?.name ?? path;
}

async function incidentsByCategory(db: SnapshotReader, scope: ReportScope): Promise<{ total: QuarterRow; byCategory: QuarterRow[] }> {
  const periods = [scope.period, previousPeriod(scope.period), samePeriodLastYear(scope.period)];
  const rows = await new IncidentReportQueries(db).byCategory(scope, [...new Set(periods.flatMap(quartersOf))]);
  const figure = (period: string, category?: string): number =>
    rows.filter((r) => quartersOf(period).includes(r.quarter) && (category === undefined || r.category === category)).reduce((sum, r) => sum + Number(r.incidents), 0);
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const toRow = (metric: string, category?: string): QuarterRow => ({
    metric,
    current: figure(periods[0]!, category),
    previousQuarter: figure(periods[1]!, category),
    sameQuarterLastYear: figure(periods[2]!, category),
  });
  return { total: toRow('total'), byCategory: categories.map((category) => toRow(category, category)) };
}
