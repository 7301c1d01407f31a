import {
  createParamDecorator,
  Global,
  HttpStatus,
  Inject,
  Injectable,
  Module,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC, ProblemException, problemType } from '@binh-yen/http';
import { CALLER_KEY } from './allow.decorator';
import { verifiedCallerOf } from './verified-caller';
import { PolicyGuard } from './policy.guard';
import type { Caller } from './caller';
import { InvalidTokenError, TokenVerifier, type TokenSettings } from './token-verifier';

const CALLER = CALLER_KEY;

type RequestWithCaller = Request & { [CALLER]?: Caller };

function unauthenticated(detail: string): ProblemException {
  return new ProblemException({
    type: problemType('unauthenticated'),
    title: 'Chưa xác thực (Unauthenticated)',
    status: HttpStatus.UNAUTHORIZED,
    detail,
  });
}

/** Every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Requests only: an event was authorised when its producer wrote it (the outbox).
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<RequestWithCaller>();
    const verification = verifiedCallerOf(this.verifier, request);
    if (!verification) throw unauthenticated('Send a bearer token in the Authorization header.');
    try {
      request[CALLER] = await verification;
      return true;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated(`The token was refused: ${error.message}.`);
      throw error;
    }
  }
}

/** The verified caller of the current request. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<RequestWithCaller>()[CALLER];
  if (!caller) throw unauthenticated('This route needs a signed-in caller.');
  return caller;
});

@Global()
@Module({})
export class AuthModule {
  static forRoot(settings: TokenSettings): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(settings) },
        // Guards run in this order: who you are, then what you may do.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PolicyGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
