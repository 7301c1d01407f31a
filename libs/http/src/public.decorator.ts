import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from './openapi/problem-responses';

export const IS_PUBLIC = 'binh-yen:public';

/** Marks a route that needs no token: health probes and API docs only. Its document says so (no security). */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));
