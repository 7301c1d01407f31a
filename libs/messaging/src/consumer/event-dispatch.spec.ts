import type { IncidentEvent } from '@binh-yen/contracts';
import { EventDispatch, IGNORED } from './event-dispatch';

type Step = Extract<IncidentEvent, { data: { toStatus: string } }>['type'];
const steps: readonly Step[] = [
  'incident.verified',
  'incident.rejected',
  'incident.investigation-started',
  'incident.resolved-at-grassroots',
  'incident.referred-to-procuracy',
  'incident.indicted',
  'incident.returned-for-investigation',
  'incident.not-prosecuted',
  'incident.tried',
  'incident.closed',
];
const ignoringSteps = Object.fromEntries(steps.map((type) => [type, IGNORED])) as Record<Step, typeof IGNORED>;

describe('typed dispatch of a topic’s events', () => {
  const seen: string[] = [];
  const dispatch = new EventDispatch<IncidentEvent, [string]>({
    // The event arrives narrowed to its type; its versions are told apart by `version`.
    'incident.reported': (event, tag) => seen.push(`${tag}:${event.version === 2 ? event.data.domain : event.data.summary}`),
    'incident.transferred': (event, tag) => seen.push(`${tag}:${event.data.toArea}`),
    ...ignoringSteps,
  });

  it('declares the handled types and calls the handler of each event’s type', () => {
    expect(dispatch.eventTypes).toEqual(['incident.reported', 'incident.transferred']);
    const reported = { type: 'incident.reported', version: 1, data: { summary: 'trộm cắp' } } as IncidentEvent;
    const verified = { type: 'incident.verified', version: 1, data: {} } as IncidentEvent;
    dispatch.apply(reported, 'a');
    expect(dispatch.apply(verified, 'b')).toBeUndefined();
    expect(seen).toEqual(['a:trộm cắp']);
  });

  it('is a compile error to forget an event type of the topic (checked by npm run typecheck)', () => {
    const forgetful = (): EventDispatch<IncidentEvent> =>
      // @ts-expect-error incident.transferred is neither handled nor IGNORED
      new EventDispatch<IncidentEvent>({ 'incident.reported': () => undefined, ...ignoringSteps });
    expect(forgetful().eventTypes).toEqual(['incident.reported']);
  });
});
