import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * The last global filter of a service: an event handler's error leaves Nest as it was
 * thrown (Nest's default would turn it into `{ status: 'error', message }`), so the runner
 * can tell a database outage from a broken event. Other errors get Nest's default answer.
 */
@Catch()
export class EventHandlerErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() === 'rpc') throw exception;
    super.catch(exception, host);
  }
}
