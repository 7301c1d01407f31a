import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { BaseRpcContext } from '@nestjs/microservices';
import type { ProjectionHandler } from '../consumer/projection';
import { settled } from '../consumer/projection-transaction';

/** A stand-in for a handler's error, thrown by the probe guard before the handler would run. */
class ProbeError extends Error {
  constructor() {
    super('exception filter probe (thrown at start, never by a handler)');
  }
}

class ProbeContext extends BaseRpcContext<[ProbeError]> {
  reachedGuard = false;

  get error(): ProbeError {
    return this.args[0];
  }
}

/**
 * Global guard of the messaging module. Lets everything through, except the start-time
 * probe, whose error it throws: that error then takes the path a handler's error takes,
 * through the exception filters that apply to the handler.
 */
@Injectable()
export class FilterProbeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'rpc') return true;
    const probe = context.switchToRpc().getContext<unknown>();
    if (!(probe instanceof ProbeContext)) return true;
    probe.reachedGuard = true;
    throw probe.error;
  }
}

/**
 * Checks that a handler's error comes out of Nest as it went in: the runner alone decides
 * retry or dead letter, by the error's kind, and moves offsets only past a success. Answers
 * what is wrong, or null. The handler itself never runs (the guard stops the call).
 */
export async function probeErrorPath(handler: ProjectionHandler): Promise<string | null> {
  const probe = new ProbeContext([new ProbeError()]);
  try {
    // The probe context stands in for a ProjectionContext: the guard stops the call before any handler reads it.
    await settled(handler([], probe as never));
  } catch (error) {
    if (error === probe.error) return null;
    return probe.reachedGuard
      ? `an exception filter replaced a handler's error with ${describe(error)}; filters on event handlers must rethrow it (throw exception)`
      : `the messaging module's guard did not run (connect with { inheritAppConfig: true }); got ${describe(error)}`;
  }
  return probe.reachedGuard
    ? "an exception filter swallowed a handler's error; filters on event handlers must rethrow it (throw exception), or offsets would move past a failure"
    : "the messaging module's guard did not run (connect with { inheritAppConfig: true })";
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
}
