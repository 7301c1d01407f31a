/**
 * The taxonomy the directive names (clause 3). It is data in the service's
 * database (an administrator extends it); these lists only seed it.
 */
export interface TaxonomyEntry {
  slug: string;
  nameVi: string;
  nameEn: string;
}

export interface CategoryEntry extends TaxonomyEntry {
  /** The security domain a report of this category falls in unless the reporter says otherwise. */
  defaultDomain: string;
}

export const SEED_SECURITY_DOMAINS: readonly TaxonomyEntry[] = [
  { slug: 'national-security', nameVi: 'An ninh quốc gia (hoạt động thù địch, phá hoại)', nameEn: 'National security (hostile activity, sabotage)' },
  { slug: 'internal-security', nameVi: 'An ninh nội bộ', nameEn: 'Internal security' },
  { slug: 'state-secrets', nameVi: 'Bảo vệ bí mật nhà nước', nameEn: 'State secrets' },
  { slug: 'economic-security', nameVi: 'An ninh kinh tế', nameEn: 'Economic security' },
  { slug: 'cultural-ideological-security', nameVi: 'An ninh văn hóa – tư tưởng', nameEn: 'Cultural-ideological security' },
  { slug: 'rural-security', nameVi: 'An ninh nông thôn', nameEn: 'Rural security' },
  { slug: 'social-order', nameVi: 'Trật tự an toàn xã hội', nameEn: 'Social order and safety' },
];

export const SEED_CATEGORIES: readonly CategoryEntry[] = [
  { slug: 'hostile-activity', nameVi: 'Hoạt động của các thế lực thù địch', nameEn: 'Hostile activity', defaultDomain: 'national-security' },
  { slug: 'state-secrets-leak', nameVi: 'Lộ, lọt bí mật nhà nước', nameEn: 'Leak of state secrets', defaultDomain: 'state-secrets' },
  { slug: 'dispute-complaint', nameVi: 'Mâu thuẫn, tranh chấp, khiếu kiện', nameEn: 'Dispute or complaint', defaultDomain: 'rural-security' },
  { slug: 'corruption', nameVi: 'Tham nhũng', nameEn: 'Corruption', defaultDomain: 'economic-security' },
  { slug: 'smuggling', nameVi: 'Buôn lậu', nameEn: 'Smuggling', defaultDomain: 'economic-security' },
  { slug: 'criminal-offence', nameVi: 'Tội phạm hình sự', nameEn: 'Criminal offence', defaultDomain: 'social-order' },
  { slug: 'traffic-order', nameVi: 'Trật tự an toàn giao thông', nameEn: 'Traffic order', defaultDomain: 'social-order' },
  { slug: 'urban-order', nameVi: 'Trật tự đô thị', nameEn: 'Urban order', defaultDomain: 'social-order' },
  { slug: 'drugs', nameVi: 'Ma túy', nameEn: 'Drugs', defaultDomain: 'social-order' },
  { slug: 'gambling', nameVi: 'Cờ bạc', nameEn: 'Gambling', defaultDomain: 'social-order' },
  { slug: 'prostitution', nameVi: 'Mại dâm', nameEn: 'Prostitution', defaultDomain: 'social-order' },
  { slug: 'other', nameVi: 'Khác', nameEn: 'Other', defaultDomain: 'social-order' },
];

/** Where a report came from (glossary: tin báo, tố giác của quần chúng = public-tip). */
export const IncidentSources = ['public-tip', 'patrol', 'agency-report', 'self-report', 'media'] as const;
export type IncidentSource = (typeof IncidentSources)[number];

/** The four levels of the Criminal Code (ít nghiêm trọng … đặc biệt nghiêm trọng). */
export const Severities = ['minor', 'serious', 'very-serious', 'especially-serious'] as const;
export type Severity = (typeof Severities)[number];

export const TAXONOMY_SLUG = /^[a-z][a-z0-9-]{1,63}$/;
