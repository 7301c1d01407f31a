import type { EventDefinition } from '../json-schema';

/** Every campaign event type and version (filled by the campaigns issue). */
export const campaignEventDefinitions: EventDefinition[] = [];
