import { Injectable } from '@nestjs/common';
import type { Caller } from '@binh-yen/auth';
import { pathsOverlap, type CalendarDate, type CampaignFacts, type CampaignStatus, type Goal } from '@binh-yen/campaigns-domain';
import { notFound } from '@binh-yen/http';
import type { EntityManager } from 'typeorm';
import type { CampaignRecord } from './campaign-record';

interface CampaignRow {
  id: string;
  name: string;
  kind: string;
  lead_agency: string;
  partner_agencies: string[];
  starts_on: string;
  ends_on: string;
  status: CampaignStatus;
  area: string;
  activated_on: string | null;
  closed_on: string | null;
  version: number;
}

// Dates come back as text so a day never shifts with the server's time zone.
const COLUMNS = `id, name, kind, lead_agency, partner_agencies, starts_on::text AS starts_on, ends_on::text AS ends_on, status, area,
  activated_on::text AS activated_on, closed_on::text AS closed_on, version`;

/** Loads, locks and numbers campaigns inside a transaction. */
/** 404 for a campaign that does not exist, and the very same for one outside the caller's area (ADR 0025). */
export function campaignNotFound(id: string): Error {
  return notFound('campaign', `No campaign has the id ${id}.`);
}

@Injectable()
export class CampaignsRepository {
  /**
   * The campaign if it touches the caller's area (lies in it, or covers part of it: a commune sees
   * the province's campaign that runs there); otherwise the answer of one that does not exist.
   */
  async requireVisible(tx: EntityManager, id: string, caller: Caller, lock = false): Promise<CampaignRecord> {
    const campaign = await this.find(tx, id, lock);
    if (!campaign || !campaign.scope.some((unit) => pathsOverlap(unit.path, caller.area))) throw campaignNotFound(id);
    return campaign;
  }

  async find(tx: EntityManager, id: string, lock = false): Promise<CampaignRecord | null> {
    const rows: CampaignRow[] = await tx.query(`SELECT ${COLUMNS} FROM campaigns WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    const row = rows[0];
    if (!row) return null;
    // One after another: inside a transaction they share one connection anyway.
    const scope: CampaignRecord['scope'] = await tx.query(`SELECT unit_id AS "unitId", unit_code AS code, path FROM campaign_scope_units WHERE campaign_id = $1 ORDER BY path`, [id]);
    const goals: Goal[] = await tx.query(`SELECT measure, target FROM campaign_goals WHERE campaign_id = $1 ORDER BY position`, [id]);
    const agreements: { agreement_id: string }[] = await tx.query(`SELECT agreement_id FROM campaign_agreements WHERE campaign_id = $1 ORDER BY linked_at, agreement_id`, [id]);
    const reviews: CampaignRecord['reviews'] = await tx.query(`SELECT kind FROM campaign_reviews WHERE campaign_id = $1 ORDER BY reviewed_on, recorded_at`, [id]);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      leadAgency: row.lead_agency,
      partnerAgencies: row.partner_agencies,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      status: row.status,
      area: row.area,
      activatedOn: row.activated_on,
      closedOn: row.closed_on,
      version: row.version,
      scope,
      goals,
      agreementIds: agreements.map((agreement) => agreement.agreement_id),
      reviews,
    };
  }

  async require(tx: EntityManager, id: string, lock = false): Promise<CampaignRecord> {
    const campaign = await this.find(tx, id, lock);
    if (!campaign) throw campaignNotFound(id);
    return campaign;
  }

  /** The next event sequence of the campaign aggregate (its row is locked by the caller). */
  async nextSequence(tx: EntityManager, id: string): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected count].
    const [rows]: [{ last_sequence: number }[], number] = await tx.query(`UPDATE campaigns SET last_sequence = last_sequence + 1 WHERE id = $1 RETURNING last_sequence`, [id]);
    const row = rows[0];
    if (!row) throw new Error(`campaign ${id} vanished inside its own transaction`);
    return row.last_sequence;
  }

  /** A change to the campaign itself: the next version (what If-Match compares). */
  async bumpVersion(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE campaigns SET version = version + 1 WHERE id = $1`, [id]);
  }

  /**
   * What progress is computed from, as of a day: activities held, pledges started and
   * stories published on or before it. A review dated in the past counts what had
   * happened by then, not what was keyed in since (issue 24).
   */
  async facts(tx: Pick<EntityManager, 'query'>, id: string, asOf: CalendarDate): Promise<CampaignFacts> {
    const activities: CampaignFacts['activities'] = await tx.query(
      `SELECT kind, participants_total AS "participantsTotal" FROM campaign_activities WHERE campaign_id = $1 AND held_on <= $2::date`,
      [id, asOf],
    );
    const pledges: { households: number }[] = await tx.query(`SELECT households FROM household_pledges WHERE campaign_id = $1 AND valid_from <= $2::date`, [id, asOf]);
    const stories: { count: string }[] = await tx.query(`SELECT count(*) AS count FROM media_stories WHERE campaign_id = $1 AND published_on <= $2::date`, [id, asOf]);
    return { activities, pledgedHouseholds: pledges.map((pledge) => pledge.households), storiesPublished: Number(stories[0]?.count ?? 0) };
  }
}
