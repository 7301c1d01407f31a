import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IncidentRuleViolation } from '@binh-yen/incidents-domain';
import { DataSource, type EntityManager } from 'typeorm';

export class DomainView {
  @ApiProperty({ example: 'social-order' }) slug!: string;
  @ApiProperty({ example: 'Trật tự xã hội' }) nameVi!: string;
  @ApiProperty({ example: 'Social order' }) nameEn!: string;
  @ApiProperty({ description: 'false: kept for old incidents, not offered for new ones' }) active!: boolean;
}

export class CategoryView extends DomainView {
  @ApiProperty({ example: 'social-order' }) defaultDomain!: string;
}

export class TaxonomyView {
  @ApiProperty({ type: [DomainView] }) domains!: DomainView[];
  @ApiProperty({ type: [CategoryView] }) categories!: CategoryView[];
}

/** A taxonomy row as PostgreSQL answers it (also as `to_jsonb(row)`: text and booleans only). */
export interface TaxonomyRow {
  slug: string;
  name_vi: string;
  name_en: string;
  active: boolean;
  default_domain?: string;
}

const toDomain = (row: TaxonomyRow): DomainView => ({ slug: row.slug, nameVi: row.name_vi, nameEn: row.name_en, active: row.active });
export const toCategory = (row: TaxonomyRow): CategoryView => ({ ...toDomain(row), defaultDomain: row.default_domain! });

/** The taxonomy as data: read by everyone, checked at intake. */
@Injectable()
export class TaxonomyQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(): Promise<TaxonomyView> {
    const domains: TaxonomyRow[] = await this.dataSource.query(`SELECT * FROM incident_security_domains ORDER BY slug`);
    const categories: TaxonomyRow[] = await this.dataSource.query(`SELECT * FROM incident_categories ORDER BY slug`);
    return { domains: domains.map(toDomain), categories: categories.map(toCategory) };
  }

  async findCategory(tx: Pick<EntityManager, 'query'>, slug: string): Promise<CategoryView | null> {
    const rows: TaxonomyRow[] = await tx.query(`SELECT * FROM incident_categories WHERE slug = $1`, [slug]);
    return rows[0] ? toCategory(rows[0]) : null;
  }

  async findDomain(tx: Pick<EntityManager, 'query'>, slug: string): Promise<DomainView | null> {
    const rows: TaxonomyRow[] = await tx.query(`SELECT * FROM incident_security_domains WHERE slug = $1`, [slug]);
    return rows[0] ? toDomain(rows[0]) : null;
  }

  /** A category a new report may use: known and not retired. */
  async activeCategory(tx: EntityManager, slug: string): Promise<CategoryView> {
    return this.assertActiveCategory(tx, await this.findCategory(tx, slug), slug);
  }

  /** The check of `activeCategory` for a category read by the caller (e.g. in one statement with other reads). */
  async assertActiveCategory(tx: Pick<EntityManager, 'query'>, category: CategoryView | null, slug: string): Promise<CategoryView> {
    if (!category || !category.active) {
      const known: { slug: string }[] = await tx.query(`SELECT slug FROM incident_categories WHERE active ORDER BY slug`);
      throw new IncidentRuleViolation('category', 'unknown-category', `category "${slug}" is not in the taxonomy (loại vụ việc không có trong danh mục); use one of ${known.map((row) => row.slug).join(', ')}.`);
    }
    return category;
  }

  async activeDomain(tx: EntityManager, slug: string, field = 'domain'): Promise<DomainView> {
    const domain = await this.findDomain(tx, slug);
    if (!domain || !domain.active) {
      const known: { slug: string }[] = await tx.query(`SELECT slug FROM incident_security_domains WHERE active ORDER BY slug`);
      throw new IncidentRuleViolation(field, 'unknown-domain', `security domain "${slug}" is not in the taxonomy (lĩnh vực an ninh không có trong danh mục); use one of ${known.map((row) => row.slug).join(', ')}.`);
    }
    return domain;
  }
}
