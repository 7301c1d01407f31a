import { PATTERN_EXTRAS_METADATA, PATTERN_HANDLER_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { PatternHandler } from '@nestjs/microservices/enums/pattern-handler.enum';
import type { ProjectionDefinition, ProjectionHandler } from '../consumer/projection';
import { ProjectionRegistry } from './projection-registry';

const notCalled: ProjectionHandler = () => Promise.reject(new Error('found by discovery; not run'));

/**
 * The projections a Nest module tree registers, read from its modules' metadata without building it
 * (no database, no broker), into the same registry the projection server fills at start, so they are
 * checked the same way. For the deployment generator (KEDA triggers per consumer group, ADR 0038).
 */
export function projectionsOf(root: unknown): ProjectionDefinition[] {
  const registry = new ProjectionRegistry();
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (node === null || (typeof node !== 'function' && typeof node !== 'object') || seen.has(node)) return;
    seen.add(node);
    const dynamic = typeof node === 'object' && 'module' in node ? (node as { module: unknown; imports?: unknown[]; controllers?: unknown[] }) : undefined;
    const moduleClass = dynamic ? dynamic.module : node;
    if (typeof moduleClass !== 'function') return;
    const imports = [...((Reflect.getMetadata('imports', moduleClass) as unknown[] | undefined) ?? []), ...(dynamic?.imports ?? [])];
    const controllers = [...((Reflect.getMetadata('controllers', moduleClass) as unknown[] | undefined) ?? []), ...(dynamic?.controllers ?? [])];
    for (const controller of controllers) if (typeof controller === 'function') register(controller as abstract new (...args: never[]) => unknown);
    if (dynamic && dynamic.module !== node) visit(dynamic.module);
    for (const imported of imports) visit(imported);
  };
  const register = (controller: abstract new (...args: never[]) => unknown): void => {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const target = prototype[method];
      if (method === 'constructor' || typeof target !== 'function') continue;
      const patterns = Reflect.getMetadata(PATTERN_METADATA, target) as unknown[] | undefined;
      if (!patterns) continue;
      const isEvent = Reflect.getMetadata(PATTERN_HANDLER_METADATA, target) === PatternHandler.EVENT;
      const extras = (Reflect.getMetadata(PATTERN_EXTRAS_METADATA, target) as Record<string, unknown> | undefined) ?? {};
      for (const pattern of patterns) registry.add(pattern, notCalled, isEvent, extras);
    }
  };
  visit(root);
  registry.checkEventTypes();
  if (registry.problems.length > 0) throw new Error(`projections refused:\n- ${registry.problems.join('\n- ')}`);
  return registry.all().map(({ definition }) => definition);
}
