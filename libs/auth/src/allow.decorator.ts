import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Action } from './policy';

export const ALLOWED_ACTION = 'binh-yen:action';

/** Where the authentication guard leaves the verified caller on the request. */
export const CALLER_KEY = Symbol.for('binh-yen:caller');

/** Where the OpenAPI documents name each operation's action (read by the authorisation-matrix test). */
export const ACTION_EXTENSION = 'x-binh-yen-action';

/** The action a route performs; the policy decides who may. The OpenAPI document shows it as `x-binh-yen-action`. */
export const Allow = (action: Action): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(ALLOWED_ACTION, action), ApiExtension(ACTION_EXTENSION, action));
