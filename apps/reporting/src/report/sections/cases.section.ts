import { FUNNEL, OUTCOMES, STAGES } from '../../cases/case-pipeline.queries';
import type { ReportFigures } from '../report-figures';
import { columns, compared, type SectionContext, type SectionDraft } from './section-context';

/** 6. The case pipeline police → procuracy → court, and how long each stage took (clause 5). */
export function casesSection({ caseFigures }: ReportFigures, context: SectionContext): SectionDraft {
  const { t } = context;
  return {
    key: 'cases',
    title: t('section.cases'),
    rows: [
      ...FUNNEL.map((status) => compared(`status.${status}`, t(`status.${status}`), null, caseFigures, (c) => c.reached[status] ?? 0)),
      ...OUTCOMES.map((status) => compared(`status.${status}`, t(`status.${status}`), null, caseFigures, (c) => c.reached[status] ?? 0)),
      compared('cases.cleared', t('cleared'), 'higher', caseFigures, (c) => c.cleared),
    ],
    details: [
      {
        heading: t('stageDurations'),
        columns: columns(context, ['col.stage', 'col.cases', 'col.median', 'col.p90']),
        rows: STAGES.map((stage) => {
          const figure = caseFigures.current.durations[stage];
          return [t(`stage.${stage}`), String(figure.cases), figure.median === null ? '—' : String(figure.median), figure.p90 === null ? '—' : String(figure.p90)];
        }),
      },
    ],
  };
}
