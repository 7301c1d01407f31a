/** The agencies of the movement (glossary of domain.md), listed once: accounts, campaign parties, agreements. */
export const PlatformAgencies = [
  'people-committee',
  'police',
  'procuracy',
  'court',
  'justice',
  'fatherland-front',
  'womens-union',
  'youth-union',
  'farmers-association',
  'veterans-association',
  'press',
] as const;

export type PlatformAgency = (typeof PlatformAgencies)[number];
