import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { notFound } from '@binh-yen/http';
import type { ModelState } from '@binh-yen/units-domain';
import type { EntityManager } from 'typeorm';
import { requireInArea, type Caller } from '@binh-yen/auth';

export interface ModelRow {
  id: string;
  unit_id: string;
  unit_code: string;
  path: string;
  model_type: string;
  name: string;
  started_on: string;
  description: string;
  stage: ModelState['stage'];
  source_model_id: string | null;
  version: number;
}

const ModelStages: ModelState['stage'][] = ['registered', 'reviewed', 'advanced'];

export class ModelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '25.227.08' }) unitCode!: string;
  @ApiProperty({ example: 'camera-an-ninh' }) modelType!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2026-03-01' }) startedOn!: string;
  @ApiProperty({ enum: ModelStages }) stage!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The model it replicates; null for an original' }) sourceModelId!: string | null;
  @ApiProperty() version!: number;
}

export function toModelView(row: ModelRow): ModelView {
  return {
    id: row.id,
    unitCode: row.unit_code,
    modelType: row.model_type,
    name: row.name,
    startedOn: row.started_on,
    stage: row.stage,
    sourceModelId: row.source_model_id,
    version: row.version,
  };
}

/** 404 for a model that does not exist, and the very same for one outside the caller's area (ADR 0025). */
export function modelNotFound(id: string): Error {
  return notFound('model', `No self-management model has the id ${id}.`);
}

@Injectable()
export class ModelsRepository {
  /** The model if it lies in the caller's area; otherwise the answer of one that does not exist. */
  async requireInArea(tx: EntityManager, id: string, caller: Caller, lock = false): Promise<ModelRow> {
    return requireInArea(await this.find(tx, id, lock), (model) => model.path, caller, () => modelNotFound(id));
  }

  async require(tx: EntityManager, id: string, lock = false): Promise<ModelRow> {
    const model = await this.find(tx, id, lock);
    if (!model) throw modelNotFound(id);
    return model;
  }

  private async find(tx: EntityManager, id: string, lock: boolean): Promise<ModelRow | undefined> {
    const rows: ModelRow[] = await tx.query(
      `SELECT m.id, m.unit_id, u.code AS unit_code, u.path, m.model_type, m.name, m.started_on::text AS started_on, m.description,
              m.stage, m.source_model_id, m.version
         FROM models m JOIN units u ON u.id = m.unit_id WHERE m.id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [id],
    );
    return rows[0];
  }

  async state(tx: EntityManager, model: ModelRow): Promise<ModelState> {
    const reviews: ModelState['reviews'] = await tx.query(`SELECT kind, outcome FROM model_reviews WHERE model_id = $1 ORDER BY reviewed_on`, [model.id]);
    return { unitId: model.unit_id, stage: model.stage, reviews };
  }

  async touch(tx: EntityManager, id: string): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected count].
    const [rows]: [{ version: number }[], number] = await tx.query(`UPDATE models SET version = version + 1 WHERE id = $1 RETURNING version`, [id]);
    return rows[0]!.version;
  }
}
