import { vietnamDate, type CalendarDate } from './calendar';
import { CampaignRuleViolation } from './campaign-rule-violation';

export const OutletKinds = ['radio', 'newspaper', 'television', 'online'] as const;
export type OutletKind = (typeof OutletKinds)[number];

/** Clause 6: a good person, a collective, or an advanced model (of the units service, by id). */
export const StorySubjectKinds = ['person', 'collective', 'model'] as const;
export type StorySubjectKind = (typeof StorySubjectKinds)[number];

export interface StorySubject {
  kind: StorySubjectKind;
  name: string | null;
  modelId: string | null;
}

export function checkStorySubject(subject: StorySubject): void {
  if (subject.kind === 'model' && subject.modelId === null) {
    throw new CampaignRuleViolation('about.modelId', 'model-id-missing', 'a story about a model names the model (its id in the units service)');
  }
  if (subject.kind !== 'model' && subject.modelId !== null) {
    throw new CampaignRuleViolation('about.modelId', 'model-id-unexpected', `a story about a ${subject.kind} names no model; use about.kind "model"`);
  }
  if (subject.kind !== 'model' && (subject.name === null || subject.name.trim() === '')) {
    throw new CampaignRuleViolation('about.name', 'name-missing', `a story about a ${subject.kind} names them`);
  }
}

export function checkStory(story: { publishedOn: CalendarDate; about: StorySubject }, now: Date): void {
  if (story.publishedOn > vietnamDate(now)) throw new CampaignRuleViolation('publishedOn', 'in-future', `${story.publishedOn} has not come yet; record a story once it is out`);
  checkStorySubject(story.about);
}
