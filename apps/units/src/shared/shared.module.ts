import { Global, Module } from '@nestjs/common';
import { IdempotencyModule } from '@binh-yen/idempotency';
import { UnitsRepository } from './units.repository';

@Global()
@Module({ imports: [IdempotencyModule], providers: [UnitsRepository], exports: [UnitsRepository, IdempotencyModule] })
export class UnitsSharedModule {}
