import type { Language } from '@binh-yen/report-model';
import type { SnapshotReader } from '../freshness/report-snapshot';

export type TaxonomyKind = 'domain' | 'category';

/** A slug's name in a report: looked up by kind and slug, in the report's language. */
export type TaxonomyNamer = (kind: TaxonomyKind, slug: string) => string | undefined;

/**
 * The names the taxonomy gave its entries as of `asOf` (the end of the report's period):
 * the latest version valid by then, or, for an entry named only later, its first name.
 */
export async function taxonomyNamesAsOf(db: SnapshotReader, asOf: Date, language: Language): Promise<TaxonomyNamer> {
  const rows: { kind: TaxonomyKind; slug: string; name_vi: string; name_en: string }[] = await db.query(
    `SELECT DISTINCT ON (kind, slug) kind, slug, name_vi, name_en
       FROM taxonomy_names_v1
      ORDER BY kind, slug, (valid_from < $1) DESC, CASE WHEN valid_from < $1 THEN valid_from END DESC, valid_from`,
    [asOf],
  );
  const names = new Map(rows.map((row) => [`${row.kind}:${row.slug}`, language === 'vi' ? row.name_vi : row.name_en]));
  return (kind, slug) => names.get(`${kind}:${slug}`);
}
