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
