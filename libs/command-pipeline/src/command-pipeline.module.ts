import { Module } from '@nestjs/common';
import { IdempotencyModule } from '@binh-yen/idempotency';
import { CommandPipeline } from './command-pipeline';

/** Needs the service's DataSource and idempotency table; the outbox (MessagingModule) and AuditModule where commands emit or audit. */
@Module({ imports: [IdempotencyModule], providers: [CommandPipeline], exports: [CommandPipeline] })
export class CommandPipelineModule {}
