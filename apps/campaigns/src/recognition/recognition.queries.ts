import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireInArea, sqlWithinArea, type Caller } from '@binh-yen/auth';
import { notFound } from '@binh-yen/http';
import { DataSource, type EntityManager } from 'typeorm';
import type { CommendationView, StoryView } from './dto/recognition-views.dto';

const STORY = `SELECT id, json_build_object('name', outlet_name, 'kind', outlet_kind) AS outlet, published_on::text AS "publishedOn", title, link,
  json_build_object('kind', about_kind, 'name', about_name, 'modelId', model_id) AS about, unit_code AS "unitCode", path, campaign_id AS "campaignId"
  FROM media_stories`;

const COMMENDATION = `SELECT id, json_build_object('kind', recipient_kind, 'name', recipient_name, 'unitCode', unit_code) AS recipient, path, level, reason,
  awarded_on::text AS "awardedOn", awarding_agency AS "awardingAgency", campaign_id AS "campaignId", model_id AS "modelId", story_id AS "storyId"
  FROM commendations`;

/** Stories and commendations in the caller's area (where the person, collective or unit is). */
@Injectable()
export class RecognitionQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async story(id: string, tx: Pick<EntityManager, 'query'> = this.dataSource): Promise<StoryView | null> {
    const rows: StoryView[] = await tx.query(`${STORY} WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async commendation(id: string, tx: Pick<EntityManager, 'query'> = this.dataSource): Promise<CommendationView | null> {
    const rows: CommendationView[] = await tx.query(`${COMMENDATION} WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async visibleStory(id: string, caller: Caller): Promise<StoryView> {
    return requireInArea(await this.story(id), (story) => story.path, caller, () => notFound('story', `No media story has the id ${id}.`));
  }

  async visibleCommendation(id: string, caller: Caller): Promise<CommendationView> {
    return requireInArea(await this.commendation(id), (commendation) => commendation.path, caller, () => notFound('commendation', `No commendation has the id ${id}.`));
  }

  stories(caller: Caller, campaignId: string | undefined): Promise<StoryView[]> {
    return this.dataSource.query(
      `${STORY} WHERE ${sqlWithinArea('path', '$1')} AND ($2::uuid IS NULL OR campaign_id = $2) ORDER BY published_on DESC, id LIMIT 500`,
      [caller.area, campaignId ?? null],
    );
  }

  commendations(caller: Caller, campaignId: string | undefined): Promise<CommendationView[]> {
    return this.dataSource.query(
      `${COMMENDATION} WHERE ${sqlWithinArea('path', '$1')} AND ($2::uuid IS NULL OR campaign_id = $2) ORDER BY awarded_on DESC, id LIMIT 500`,
      [caller.area, campaignId ?? null],
    );
  }
}
