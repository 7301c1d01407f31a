// The AsyncAPI catalog's topology (ADR 0047) is written in libs/contracts (eventTopology), apart
// from the handlers it describes. This test reads the handlers themselves and fails when the two
// part: each projection's @EventPattern (topics and event types, read from the Nest modules the
// way the projection server registers them) against the `receive` operations, and each service's
// outbox writes against the `send` operations.
import 'reflect-metadata';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@binh-yen/contracts';
import { asyncApiDocument, eventCatalog, topicFor, type AggregateType } from '@binh-yen/contracts';
import { projectionsOf } from '@binh-yen/messaging';
import { documentedServices } from '../openapi/generate-openapi';

interface Operation {
  action: 'send' | 'receive';
  title: string;
  channel: { $ref: string };
  messages?: { $ref: string }[];
}

const operations = Object.entries((asyncApiDocument() as unknown as { operations: Record<string, Operation> }).operations);
const aggregateOf = (operation: Operation): AggregateType => operation.channel.$ref.replace('#/channels/', '') as AggregateType;
const typeOf = (message: { $ref: string }): string => message.$ref.replace(/^.*\/messages\//, '').replace(/\.v\d+$/, '');
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Projection name → services, topics and event types. */
type Readers = Map<string, { services: string[]; topics: string[]; eventTypes: string[] }>;

function readersInTheDocument(): Readers {
  const readers: Readers = new Map();
  for (const [id, operation] of operations.filter(([, operation]) => operation.action === 'receive')) {
    const name = id.replace(/-receives-[a-z]+$/, '');
    const services = sorted(/\(([^)]*)\) reads/.exec(operation.title)?.[1]?.split(', ') ?? []);
    const entry = readers.get(name) ?? { services, topics: [], eventTypes: [] };
    entry.topics = sorted([...entry.topics, topicFor(aggregateOf(operation))]);
    entry.eventTypes = sorted([...entry.eventTypes, ...(operation.messages ?? []).map(typeOf)]);
    readers.set(name, entry);
  }
  return readers;
}

function readersInTheCode(): Readers {
  const readers: Readers = new Map();
  for (const service of documentedServices) {
    for (const projection of projectionsOf(service.module())) {
      const entry = readers.get(projection.name) ?? { services: [], topics: [], eventTypes: [] };
      entry.services = sorted([...entry.services, service.spec.name]);
      entry.topics = sorted([...entry.topics, ...projection.topics]);
      entry.eventTypes = sorted([...entry.eventTypes, ...projection.eventTypes]);
      readers.set(projection.name, entry);
    }
  }
  return readers;
}

const sourceFiles = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec)\.ts$/.test(name) ? [path] : [];
  });

/** `UnitEventTypes` → the aggregate its events belong to (from the catalog). */
const aggregateOfConstant = new Map(
  Object.entries(contracts)
    .filter(([name, value]) => name.endsWith('EventTypes') && typeof value === 'object' && value !== null)
    .map(([name, value]) => [name, eventCatalog.find((definition) => definition.type === Object.values(value as Record<string, string>)[0])?.aggregateType]),
);

/**
 * The aggregates a service writes to its outbox: the event-type constants its commands use
 * (projections, which only read, left out), and the audit trail's event when it has the audit
 * module (libs/audit writes `audit.recorded` with every change).
 */
function aggregatesWrittenBy(service: string): string[] {
  const root = join(__dirname, '..', '..', 'apps', service, 'src');
  const written = new Set<string>();
  for (const file of sourceFiles(root).filter((path) => !path.endsWith('.projection.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const [constant, aggregate] of aggregateOfConstant) if (aggregate && new RegExp(`\\b${constant}\\.`).test(text)) written.add(aggregate);
  }
  if (/\bAuditModule\b/.test(readFileSync(join(root, 'app.module.ts'), 'utf8'))) written.add('audit');
  return sorted(written);
}

describe('the AsyncAPI topology matches the handlers (docs/events/asyncapi.json)', () => {
  it('has a receive operation for every projection, with the topics and event types its @EventPattern applies, and no other', () => {
    const inCode = readersInTheCode();
    expect(inCode.size).toBeGreaterThan(0);
    expect(Object.fromEntries(readersInTheDocument())).toEqual(Object.fromEntries(inCode));
  });

  it('has send operations of each producing service for exactly the aggregates it writes, and none of a service that writes none', () => {
    const sends = new Map<string, string[]>();
    for (const [id, operation] of operations.filter(([, operation]) => operation.action === 'send')) {
      const service = id.replace(/-sends-[a-z]+$/, '');
      sends.set(service, sorted([...(sends.get(service) ?? []), aggregateOf(operation)]));
    }
    for (const { spec } of documentedServices) {
      const written = aggregatesWrittenBy(spec.name);
      expect({ service: spec.name, writes: spec.producesEvents ? written : [] }).toEqual({ service: spec.name, writes: sends.get(spec.name) ?? [] });
      if (!spec.producesEvents) expect(written).toEqual([]);
    }
  });
});
