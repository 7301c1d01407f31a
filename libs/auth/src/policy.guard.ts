import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, IS_PUBLIC } from '@binh-yen/http';
import { ALLOWED_ACTION, CALLER_KEY } from './allow.decorator';
import type { Caller } from './caller';
import { isAllowed, policy, type Action, type Permission } from './policy';

/** Enforces the policy after authentication; routes without an action only need a valid token. */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true; // requests only, as JwtAuthGuard
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const action = this.reflector.getAllAndOverride<Action | undefined>(ALLOWED_ACTION, [context.getHandler(), context.getClass()]);
    if (!action) return true;
    const caller = context.switchToHttp().getRequest<Record<symbol, Caller | undefined>>()[CALLER_KEY];
    if (!caller || !isAllowed(caller, action)) {
      const permission: Permission = policy[action];
      const level = permission.level === 'province' ? ' at the province level (cấp tỉnh)' : '';
      throw forbidden(
        `${action} is for ${permission.roles.join('/')} of ${permission.agencies === 'any' ? 'any agency' : permission.agencies.join(', ')}${level}; you are ${caller?.roles.join('/') ?? 'nobody'} of ${caller?.agency ?? 'no agency'} in ${caller?.area ?? 'no area'}.`,
      );
    }
    return true;
  }
}

