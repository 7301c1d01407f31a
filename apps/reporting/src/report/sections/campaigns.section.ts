import { AGENCY_COLUMN_KEYS, agencyName, compareVietnamese } from '@binh-yen/report-model';
import type { ReportFigures } from '../report-figures';
import { columns, compared, keysOf, type SectionContext, type SectionDraft } from './section-context';

/** 4. Linked campaigns and inter-agency coordination (clause 2), with each agency's part (ADR 0023). */
export function campaignsSection({ campaignFigures, campaignProgress, agencyFigures }: ReportFigures, context: SectionContext): SectionDraft {
  const { t, language } = context;
  const byAgency = agencyFigures.map((a) => ({ name: agencyName(a.agency, language), figures: [a.activities, a.participants, a.households, a.agreementsSigned, a.stories, a.commendations] }));
  return {
    key: 'campaigns',
    title: t('section.campaigns'),
    rows: [
      compared('campaigns.activities', t('activities'), 'higher', campaignFigures, (c) => c.activities),
      compared('campaigns.participants', t('participants'), 'higher', campaignFigures, (c) => c.participants),
      ...keysOf(campaignFigures, (c) => c.participantsByGroup).map((group) =>
        compared(`campaigns.participants.${group}`, `${t('participants')} — ${t(group)}`, 'higher', campaignFigures, (c) => c.participantsByGroup[group] ?? 0),
      ),
      compared('campaigns.households', t('households'), 'higher', campaignFigures, (c) => c.households),
      compared('campaigns.agreementsSigned', t('agreementsSigned'), 'higher', campaignFigures, (c) => c.agreementsSigned),
    ],
    details: [
      {
        heading: t('campaignProgress'),
        columns: columns(context, ['col.campaign', 'col.lead', 'col.status', 'col.activities', 'col.participants', 'col.households', 'col.progress']),
        rows: campaignProgress.map((c) => [c.name, agencyName(c.leadAgency, language), t(c.status), String(c.activities), String(c.participants), String(c.households), c.progress]),
      },
      {
        heading: t('byAgency'),
        columns: columns(context, AGENCY_COLUMN_KEYS),
        rows: byAgency.sort((a, b) => compareVietnamese(a.name, b.name)).map((a) => [a.name, ...a.figures.map(String)]),
      },
    ],
  };
}
