import type { ReportFigures } from '../report-figures';
import { compared, type SectionContext, type SectionDraft } from './section-context';

/** 2. Self-management models, their reviews and replication (clause 1). */
export function modelsSection({ models }: ReportFigures, { t }: SectionContext): SectionDraft {
  return {
    key: 'models',
    title: t('section.models'),
    rows: (['registered', 'interimReviews', 'finalReviews', 'advanced', 'replicated'] as const).map((key) => compared(`models.${key}`, t(key), 'higher', models, (m) => m[key])),
    details: [],
  };
}
