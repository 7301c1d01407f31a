import { agencyName, quarterName } from '@binh-yen/report-model';
import type { ReportFigures } from '../report-figures';
import { columns, compared, type SectionContext, type SectionDraft } from './section-context';

const RATINGS = [
  ['strong', 'higher'],
  ['fair', null],
  ['average', 'lower'],
  ['weak', 'lower'],
] as const;

/** 1. Movement quality and the weak units with their improvement plans (clause 1). */
export function movementSection({ ratings, certified, weakUnits }: ReportFigures, context: SectionContext): SectionDraft {
  const { t, language } = context;
  return {
    key: 'movement',
    title: t('section.movement'),
    rows: [
      compared('movement.rated', t('rated'), null, ratings, (r) => r.rated),
      ...RATINGS.map(([rating, better]) => compared(`movement.${rating}`, t(rating), better, ratings, (r) => r[rating])),
      { key: 'movement.certified', metric: `${t('certified')} ${certified.year}`, better: 'higher', current: certified.certified, previousQuarter: null, sameQuarterLastYear: certified.previousYear },
    ],
    details: [
      {
        heading: t('weakUnits'),
        columns: columns(context, ['col.code', 'col.unit', 'col.actions', 'col.responsible', 'col.target']),
        rows: weakUnits.map((unit) => [
          unit.code,
          unit.name,
          unit.improvementPlan?.actions.join('; ') ?? '',
          unit.improvementPlan ? agencyName(unit.improvementPlan.responsibleAgency, language) : '',
          unit.improvementPlan ? quarterName(unit.improvementPlan.targetQuarter, language) : '',
        ]),
      },
    ],
  };
}
