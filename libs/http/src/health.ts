import { Controller, Get, HttpStatus, Inject, Module, Res, type DynamicModule, type InjectionToken, type Provider } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from './public.decorator';

export interface HealthCheckResult {
  ok: boolean;
  detail?: unknown;
}

/** One part whose state decides readiness (the database, ...) and, if it has `live`, liveness. */
export interface HealthCheck {
  readonly name: string;
  /** Ready: may traffic be sent? */
  check(): Promise<HealthCheckResult>;
  /** Alive: false only when the part cannot recover by itself, so a restart of the process is the cure (ADR 0037). */
  live?(): HealthCheckResult;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  /**
   * Alive: the process answers and no part of it is dead for good (e.g. a consumer past its restart
   * budget, for longer than its grace). Failing it makes the orchestrator restart the process.
   */
  @Public()
  @Get('live')
  live(@Res() response: Response): void {
    const results = this.checks.flatMap((part) => (part.live ? [[part.name, part.live()] as const] : []));
    const ok = results.every(([, result]) => result.ok);
    const dead = results.filter(([, result]) => !result.ok);
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(ok ? { status: 'ok' } : { status: 'dead', checks: Object.fromEntries(dead) });
  }

  /** Ready: every part it depends on works, so traffic may be sent to it. */
  @Public()
  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    const results = await Promise.all(
      this.checks.map(async (part) => {
        try {
          return [part.name, await part.check()] as const;
        } catch (error) {
          return [part.name, { ok: false, detail: error instanceof Error ? error.message : String(error) }] as const;
        }
      }),
    );
    const ok = results.every(([, result]) => result.ok);
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: ok ? 'ok' : 'unavailable',
      checks: Object.fromEntries(results),
    });
  }
}

@Module({})
export class HealthModule {
  /** `checks` are providers (classes implementing HealthCheck) of the importing app. */
  static forRoot(checks: Provider[], inject: InjectionToken[]): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        ...checks,
        { provide: HEALTH_CHECKS, useFactory: (...found: HealthCheck[]) => found, inject },
      ],
    };
  }
}
