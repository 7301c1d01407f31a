import type { ReportFigures } from '../report-figures';
import { compared, keysOf, type SectionContext, type SectionDraft } from './section-context';

/** 8. Press, exemplary people and deeds, commendations (clause 6). */
export function pressSection({ campaignFigures }: ReportFigures, { t }: SectionContext): SectionDraft {
  return {
    key: 'press',
    title: t('section.press'),
    rows: [
      compared('press.stories', t('stories'), 'higher', campaignFigures, (c) => c.stories),
      ...keysOf(campaignFigures, (c) => c.storiesByOutlet).map((outlet) => compared(`press.stories.${outlet}`, `${t('stories')} — ${t(outlet)}`, 'higher', campaignFigures, (c) => c.storiesByOutlet[outlet] ?? 0)),
      compared('press.commendations', t('commendations'), 'higher', campaignFigures, (c) => c.commendations),
      ...keysOf(campaignFigures, (c) => c.commendationsByLevel).map((level) =>
        compared(`press.commendations.${level}`, `${t('commendations')} — ${t(`level.${level}`)}`, 'higher', campaignFigures, (c) => c.commendationsByLevel[level] ?? 0),
      ),
    ],
    details: [],
  };
}
