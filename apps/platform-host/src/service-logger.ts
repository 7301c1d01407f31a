import { AsyncLocalStorage } from 'node:async_hooks';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/**
 * Four Nest apps in one process share Nest's static logger, so the service a
 * line belongs to is taken from where the code runs: everything a service
 * starts (requests, relay, consumers, timers) runs inside runAs(service).
 */
const current = new AsyncLocalStorage<string>();

export function runAs<T>(service: string, work: () => T): T {
  return current.run(service, work);
}

export function tag(service: string): string {
  return `[${service.padEnd(9)}]`;
}

/**
 * Nest's start-up chatter (modules loaded, every route mapped, each consumer group joined):
 * four services' worth of it buries the lines a user needs, and none asks anything of them
 * (issue 24). Shown with LOG_LEVEL=debug.
 */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication', 'Projections']);

export class ServiceTaggedLogger extends ConsoleLogger {
  private readonly showStartUp: boolean;

  constructor(logLevels: LogLevel[]) {
    super({ logLevels, colors: process.stdout.isTTY === true });
    this.showStartUp = logLevels.includes('debug');
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (!this.showStartUp && typeof context === 'string' && START_UP_CONTEXTS.has(context)) return;
    super.log(message, ...optionalParams);
  }

  protected override formatPid(_pid: number): string {
    return `${tag(current.getStore() ?? 'platform')} `;
  }
}

/** A line of the launcher itself, in the same stream and shape. */
export function say(line: string, service = 'platform'): void {
  process.stdout.write(`${tag(service)} ${line}\n`);
}
