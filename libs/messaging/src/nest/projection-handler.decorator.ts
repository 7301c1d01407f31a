import { SetMetadata } from '@nestjs/common';
import type { ProjectionDefinition } from '../consumer/projection';

export const PROJECTION_HANDLER = Symbol('PROJECTION_HANDLER');

/**
 * Declares a provider as a projection: the messaging module finds it, gives it
 * its own consumer group and runs it exactly once per event.
 */
export const ProjectionHandler = (definition: ProjectionDefinition): ClassDecorator =>
  SetMetadata(PROJECTION_HANDLER, definition);
