import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'binh-yen:public';

/** Marks a route that needs no token: health probes and API docs only. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
