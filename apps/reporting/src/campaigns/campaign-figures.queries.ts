import type { SnapshotReader } from '../freshness/report-snapshot';
import type { Compared } from '../movement/movement.queries';
import { inArea, previousPeriod, quartersOf, samePeriodLastYear, type Period, type ReportScope } from '../report/report-scope';

export interface CampaignQuarterFigures {
  activities: number;
  participants: number;
  participantsByGroup: Record<string, number>;
  households: number;
  agreementsSigned: number;
  stories: number;
  storiesByOutlet: Record<string, number>;
  commendations: number;
  commendationsByLevel: Record<string, number>;
}

export interface CampaignProgress {
  name: string;
  leadAgency: string;
  partnerAgencies: string[];
  status: string;
  activities: number;
  participants: number;
  households: number;
  /** "measure: achieved/target" of the latest review, or the goals when not yet reviewed. */
  progress: string;
}

/** What one agency is credited with in an area and quarter (ADR 0023). */
export interface AgencyFigures {
  agency: string;
  /** Activities it organised, and their participants. */
  activities: number;
  participants: number;
  /** Households pledged under the campaigns it leads. */
  households: number;
  /** Coordination agreements it is a party to. */
  agreementsSigned: number;
  /** Stories about the campaigns it leads. */
  stories: number;
  /** Commendations it awarded. */
  commendations: number;
}

/**
 * Who is credited with what, as SQL over `$3` (the agency, or NULL for everyone): the
 * organiser of an activity, the lead agency of the campaign a pledge or story belongs to,
 * every party to an agreement, the agency that awarded a commendation.
 */
const CREDITED = {
  activity: `($3::text IS NULL OR a.organising_agency = $3)`,
  pledge: `($3::text IS NULL OR EXISTS (SELECT 1 FROM campaigns_v1 c WHERE c.campaign_id = p.campaign_id AND c.lead_agency = $3))`,
  agreement: `($3::text IS NULL OR $3 = ANY (g.parties))`,
  story: `($3::text IS NULL OR EXISTS (SELECT 1 FROM campaigns_v1 c WHERE c.campaign_id = s.campaign_id AND c.lead_agency = $3))`,
  commendation: `($3::text IS NULL OR c.awarding_agency = $3)`,
} as const;

type Counted = { key: string; n: string }[];

const tally = (rows: Counted): Record<string, number> => Object.fromEntries(rows.map((row) => [row.key, Number(row.n)]));

/** Campaign, press and commendation figures for one area and period (a quarter, or a year's four). */
export class CampaignFiguresQueries {
  /** Built per answer over its snapshot (ReportSnapshot), so every figure comes from the same one. */
  constructor(private readonly db: SnapshotReader) {}

  async compared(scope: ReportScope, agency: string | null = null): Promise<Compared<CampaignQuarterFigures>> {
    const [current, previous, lastYear] = await Promise.all([
      this.periodFigures(scope, scope.period, agency),
      this.periodFigures(scope, previousPeriod(scope.period), agency),
      this.periodFigures(scope, samePeriodLastYear(scope.period), agency),
    ]);
    return { current, previousQuarter: previous, sameQuarterLastYear: lastYear };
  }

  /** The area's figures for one period; with an agency, only what that agency is credited with (ADR 0023). */
  async periodFigures(scope: ReportScope, period: Period, agency: string | null = null): Promise<CampaignQuarterFigures> {
    const query = <T>(sql: string): Promise<T> => this.db.query(sql, [scope.area, quartersOf(period), agency]);
    const [activities, groups, pledges, agreements, stories, commendations] = await Promise.all([
      query<{ activities: string; participants: string | null }[]>(
        `SELECT count(*) AS activities, sum(a.participants) AS participants FROM campaign_activities_v1 a
          WHERE a.quarter = ANY($2::text[]) AND ${inArea('a', scope.view)} AND ${CREDITED.activity}`,
      ),
      query<Counted>(
        `SELECT g.key, sum(g.value::int) AS n FROM campaign_activities_v1 a, jsonb_each_text(a.by_group) g
          WHERE a.quarter = ANY($2::text[]) AND ${inArea('a', scope.view)} AND ${CREDITED.activity} GROUP BY g.key`,
      ),
      query<{ households: string | null }[]>(
        `SELECT sum(p.households) AS households FROM campaign_pledges_v1 p WHERE p.quarter = ANY($2::text[]) AND ${inArea('p', scope.view)} AND ${CREDITED.pledge}`,
      ),
      query<{ n: string }[]>(
        `SELECT count(*) AS n FROM agreements_v1 g
          WHERE g.quarter = ANY($2::text[]) AND ${CREDITED.agreement} AND EXISTS (SELECT 1 FROM unnest(g.paths) AS s(path) WHERE ${inArea('s', scope.view)})`,
      ),
      query<Counted>(
        `SELECT s.outlet_kind AS key, count(*) AS n FROM media_stories_v1 s WHERE s.quarter = ANY($2::text[]) AND ${inArea('s', scope.view)} AND ${CREDITED.story} GROUP BY s.outlet_kind`,
      ),
      query<Counted>(
        `SELECT c.level AS key, count(*) AS n FROM commendations_v1 c WHERE c.quarter = ANY($2::text[]) AND ${inArea('c', scope.view)} AND ${CREDITED.commendation} GROUP BY c.level`,
      ),
    ]);
    const storiesByOutlet = tally(stories);
    const commendationsByLevel = tally(commendations);
    const sum = (record: Record<string, number>): number => Object.values(record).reduce((total, n) => total + n, 0);
    return {
      activities: Number(activities[0]?.activities ?? 0),
      participants: Number(activities[0]?.participants ?? 0),
      participantsByGroup: tally(groups),
      households: Number(pledges[0]?.households ?? 0),
      agreementsSigned: Number(agreements[0]?.n ?? 0),
      stories: sum(storiesByOutlet),
      storiesByOutlet,
      commendations: sum(commendationsByLevel),
      commendationsByLevel,
    };
  }

  /** One line per agency credited with anything in the area in the period (ADR 0023), in a stable order. */
  async byAgency(scope: ReportScope, period: Period): Promise<AgencyFigures[]> {
    const rows: { agency: string; activities: string; participants: string; households: string; agreements: string; stories: string; commendations: string }[] =
      await this.db.query(
        `WITH credited AS (
           SELECT a.organising_agency AS agency, count(*) AS activities, sum(a.participants) AS participants, 0 AS households, 0 AS agreements, 0 AS stories, 0 AS commendations
             FROM campaign_activities_v1 a WHERE a.quarter = ANY($2::text[]) AND ${inArea('a', scope.view)} GROUP BY 1
           UNION ALL
           SELECT c.lead_agency, 0, 0, sum(p.households), 0, 0, 0
             FROM campaign_pledges_v1 p JOIN campaigns_v1 c ON c.campaign_id = p.campaign_id
            WHERE p.quarter = ANY($2::text[]) AND ${inArea('p', scope.view)} GROUP BY 1
           UNION ALL
           SELECT party, 0, 0, 0, count(*), 0, 0
             FROM agreements_v1 g, unnest(g.parties) AS party
            WHERE g.quarter = ANY($2::text[]) AND EXISTS (SELECT 1 FROM unnest(g.paths) AS s(path) WHERE ${inArea('s', scope.view)}) GROUP BY 1
           UNION ALL
           SELECT c.lead_agency, 0, 0, 0, 0, count(*), 0
             FROM media_stories_v1 s JOIN campaigns_v1 c ON c.campaign_id = s.campaign_id
            WHERE s.quarter = ANY($2::text[]) AND ${inArea('s', scope.view)} GROUP BY 1
           UNION ALL
           SELECT m.awarding_agency, 0, 0, 0, 0, 0, count(*)
             FROM commendations_v1 m WHERE m.quarter = ANY($2::text[]) AND ${inArea('m', scope.view)} GROUP BY 1)
         SELECT agency, sum(activities) AS activities, sum(participants) AS participants, sum(households) AS households,
                sum(agreements) AS agreements, sum(stories) AS stories, sum(commendations) AS commendations
           FROM credited GROUP BY agency ORDER BY agency`,
        [scope.area, quartersOf(period)],
      );
    return rows.map((row) => ({
      agency: row.agency,
      activities: Number(row.activities),
      participants: Number(row.participants),
      households: Number(row.households),
      agreementsSigned: Number(row.agreements),
      stories: Number(row.stories),
      commendations: Number(row.commendations),
    }));
  }

  /** The campaigns that worked in the area in the period, with where they stand against their goals. */
  async progress(scope: ReportScope, agency: string | null = null): Promise<CampaignProgress[]> {
    const rows: {
      name: string;
      lead_agency: string;
      partner_agencies: string[];
      status: string;
      goals: { measure: string; target: number }[];
      latest_review: { progress: { measure: string; target: number; achieved: number }[] } | null;
      activities: string;
      participants: string;
      households: string;
    }[] = await this.db.query(
      `WITH work AS (
         SELECT a.campaign_id, count(*) AS activities, sum(a.participants) AS participants, 0 AS households
           FROM campaign_activities_v1 a WHERE a.quarter = ANY($2::text[]) AND ${inArea('a', scope.view)} GROUP BY a.campaign_id
         UNION ALL
         SELECT p.campaign_id, 0, 0, sum(p.households)
           FROM campaign_pledges_v1 p WHERE p.quarter = ANY($2::text[]) AND ${inArea('p', scope.view)} GROUP BY p.campaign_id)
       SELECT c.name, c.lead_agency, c.partner_agencies, c.status, c.goals, c.latest_review,
              sum(w.activities) AS activities, sum(w.participants) AS participants, sum(w.households) AS households
         FROM work w JOIN campaigns_v1 c ON c.campaign_id = w.campaign_id
        WHERE $3::text IS NULL OR c.lead_agency = $3 OR $3 = ANY (c.partner_agencies)
        GROUP BY c.campaign_id ORDER BY c.name COLLATE vietnamese`,
      [scope.area, quartersOf(scope.period), agency],
    );
    return rows.map((row) => ({
      name: row.name,
      leadAgency: row.lead_agency,
      partnerAgencies: row.partner_agencies,
      status: row.status,
      activities: Number(row.activities),
      participants: Number(row.participants),
      households: Number(row.households),
      progress: row.latest_review
        ? row.latest_review.progress.map((goal) => `${goal.measure}: ${goal.achieved}/${goal.target}`).join('; ')
        : row.goals.map((goal) => `${goal.measure}: —/${goal.target}`).join('; '),
    }));
  }
}
