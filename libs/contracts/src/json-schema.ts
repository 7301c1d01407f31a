import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { EventEnvelope } from './envelope';

/** A JSON Schema (draft 2020-12 subset used here) as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** One event type at one version: its aggregate and the schema of its `data`. */
export interface EventDefinition {
  type: string;
  version: number;
  aggregateType: string;
  description: string;
  dataSchema: JsonSchema;
}

/**
 * The JSON Schema is the one source of an event's contract (ADR 0031): producers and
 * consumers validate against it, the AsyncAPI catalog is generated from it, and the
 * TypeScript type of its `data` is derived from it (json-schema-to-ts). `defineEvent`
 * only keeps the literal types of a definition so that the derivation can see them.
 */
export function defineEvent<const D extends { type: string; version: number; aggregateType: string; description: string; dataSchema: JSONSchema & JsonSchema }>(definition: D): D {
  return definition;
}

/** An object whose properties are all required and no others allowed (strict producers). */
export function objectSchema<const P extends Record<string, JSONSchema>>(properties: P): { type: 'object'; additionalProperties: false; required: (keyof P & string)[]; properties: P } {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties) as (keyof P & string)[], properties };
}

/** The envelope of one event type and version, `data` typed from its schema. */
export interface TypedEvent<T extends string, V extends number, A extends string, D> extends EventEnvelope<D> {
  type: T;
  version: V;
  aggregate: { type: A; id: string };
}

/** The typed envelope of a definition (distributes over a union of definitions). */
export type EventOf<D> = D extends { type: infer T extends string; version: infer V extends number; aggregateType: infer A extends string; dataSchema: infer S extends JSONSchema }
  ? TypedEvent<T, V, A, FromSchema<S>>
  : never;

/** The `data` of one event type and version in a union of typed events. */
export type DataOf<E extends { type: string; version: number; data: unknown }, T extends E['type'], V extends number = E['version']> = Extract<E, { type: T; version: V }>['data'];
