import type { ReportFigures } from '../report-figures';
import { compared, snapshot, type SectionContext, type SectionDraft } from './section-context';

/** 7. Core forces and their training (clause 4). */
export function forcesSection({ training, forces }: ReportFigures, { t }: SectionContext): SectionDraft {
  return {
    key: 'forces',
    title: t('section.forces'),
    rows: [
      compared('forces.sessions', t('sessions'), 'higher', training, (f) => f.sessions),
      compared('forces.trainees', t('trainees'), 'higher', training, (f) => f.trainees),
      compared('forces.hours', t('hours'), 'higher', training, (f) => f.hours),
      ...forces.flatMap((force) => [
        snapshot(`forces.${force.forceType}.teams`, `${t(force.forceType)} — ${t('teams')}`, 'higher', force.teams),
        snapshot(`forces.${force.forceType}.members`, `${t(force.forceType)} — ${t('members')}`, 'higher', force.members),
      ]),
    ],
    details: [],
  };
}
