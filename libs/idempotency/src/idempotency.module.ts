import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';

/** Needs the service's TypeORM DataSource and `createIdempotencyTableSql` in its migrations. */
@Module({ providers: [IdempotencyService], exports: [IdempotencyService] })
export class IdempotencyModule {}
