import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from './asyncapi';
import { eventCatalog } from './catalog';

describe('the published event catalog (docs/events/asyncapi.json)', () => {
  it('matches the contracts in the code; run `npm run events:catalog` after changing an event', () => {
    const published = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'events', 'asyncapi.json'), 'utf8')) as unknown;
    expect(published).toEqual(asyncApiDocument());
  });

  it('lists every event type and version', () => {
    const messages = Object.keys((asyncApiDocument()['components'] as { messages: Record<string, unknown> }).messages);
    expect(messages.sort()).toEqual(eventCatalog.map((definition) => `${definition.type}.v${definition.version}`).sort());
  });
});
