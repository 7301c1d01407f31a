import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inArea, previousQuarter, sameQuarterLastYear, type ReportScope } from '../report/report-scope';

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
  status: string;
  activities: number;
  participants: number;
  households: number;
  /** "measure: achieved/target" of the latest review, or the goals when not yet reviewed. */
  progress: string;
}

type Counted = { key: string; n: string }[];

const tally = (rows: Counted): Record<string, number> => Object.fromEntries(rows.map((row) => [row.key, Number(row.n)]));

/** Campaign, press and commendation figures for one area and quarter. */
@Injectable()
export class CampaignFiguresQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compared(scope: ReportScope): Promise<{ current: CampaignQuarterFigures; previousQuarter: CampaignQuarterFigures; sameQuarterLastYear: CampaignQuarterFigures }> {
    const [current, previous, lastYear] = await Promise.all([
      this.quarterFigures(scope, scope.quarter),
      this.quarterFigures(scope, previousQuarter(scope.quarter)),
      this.quarterFigures(scope, sameQuarterLastYear(scope.quarter)),
    ]);
    return { current, previousQuarter: previous, sameQuarterLastYear: lastYear };
  }

  async quarterFigures(scope: ReportScope, quarter: string): Promise<CampaignQuarterFigures> {
    const query = <T>(sql: string): Promise<T> => this.dataSource.query(sql, [scope.area, quarter]);
    const [activities, groups, pledges, agreements, stories, commendations] = await Promise.all([
      query<{ activities: string; participants: string | null }[]>(
        `SELECT count(*) AS activities, sum(a.participants) AS participants FROM campaign_activities_v1 a WHERE a.quarter = $2 AND ${inArea('a', scope.view)}`,
      ),
      query<Counted>(
        `SELECT g.key, sum(g.value::int) AS n FROM campaign_activities_v1 a, jsonb_each_text(a.by_group) g
          WHERE a.quarter = $2 AND ${inArea('a', scope.view)} GROUP BY g.key`,
      ),
      query<{ households: string | null }[]>(`SELECT sum(p.households) AS households FROM campaign_pledges_v1 p WHERE p.quarter = $2 AND ${inArea('p', scope.view)}`),
      query<{ n: string }[]>(
        `SELECT count(*) AS n FROM agreements_v1 g WHERE g.quarter = $2 AND EXISTS (SELECT 1 FROM unnest(g.paths) AS s(path) WHERE ${inArea('s', scope.view)})`,
      ),
      query<Counted>(`SELECT s.outlet_kind AS key, count(*) AS n FROM media_stories_v1 s WHERE s.quarter = $2 AND ${inArea('s', scope.view)} GROUP BY s.outlet_kind`),
      query<Counted>(`SELECT c.level AS key, count(*) AS n FROM commendations_v1 c WHERE c.quarter = $2 AND ${inArea('c', scope.view)} GROUP BY c.level`),
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

  /** The campaigns that worked in the area this quarter, with where they stand against their goals. */
  async progress(scope: ReportScope): Promise<CampaignProgress[]> {
    const rows: {
      name: string;
      lead_agency: string;
      status: string;
      goals: { measure: string; target: number }[];
      latest_review: { progress: { measure: string; target: number; achieved: number }[] } | null;
      activities: string;
      participants: string;
      households: string;
    }[] = await this.dataSource.query(
      `WITH work AS (
         SELECT a.campaign_id, count(*) AS activities, sum(a.participants) AS participants, 0 AS households
           FROM campaign_activities_v1 a WHERE a.quarter = $2 AND ${inArea('a', scope.view)} GROUP BY a.campaign_id
         UNION ALL
         SELECT p.campaign_id, 0, 0, sum(p.households)
           FROM campaign_pledges_v1 p WHERE p.quarter = $2 AND ${inArea('p', scope.view)} GROUP BY p.campaign_id)
       SELECT c.name, c.lead_agency, c.status, c.goals, c.latest_review,
              sum(w.activities) AS activities, sum(w.participants) AS participants, sum(w.households) AS households
         FROM work w JOIN campaigns_v1 c ON c.campaign_id = w.campaign_id
        GROUP BY c.campaign_id ORDER BY c.name`,
      [scope.area, scope.quarter],
    );
    return rows.map((row) => ({
      name: row.name,
      leadAgency: row.lead_agency,
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
