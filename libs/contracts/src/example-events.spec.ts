import { eventCatalog } from './catalog';
import { exampleEvent } from './example-events';
import { checkEvent } from './validate-event';

describe('example events of the catalog', () => {
  it.each(eventCatalog.map((definition) => [`${definition.type} v${definition.version}`, definition] as const))('%s keeps its own contract', (_name, definition) => {
    expect(checkEvent(exampleEvent(definition), 'producer')).toEqual({ ok: true, event: expect.anything() });
  });
});
